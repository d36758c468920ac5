/** Playbook API: Thaw's and the tenant's playbook versions, new tenant versions, and a case's rendered scripts. */
@NullMarked
package app.thaw.cases.playbook.web;

import org.jspecify.annotations.NullMarked;
