/** Playbooks: the ordered standard steps and communication scripts per scenario, shipped as data and versioned per tenant. */
@NullMarked
package app.thaw.cases.playbook;

import org.jspecify.annotations.NullMarked;
