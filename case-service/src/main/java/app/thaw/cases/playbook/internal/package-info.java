/** Tenants' playbook versions in the store, and the wiring of playbooks. */
@NullMarked
package app.thaw.cases.playbook.internal;

import org.jspecify.annotations.NullMarked;
