/** Incident cases: intake, triage, scenario playbooks, evidence checklists, clocks, follow-ups, reviews and drills. */
@NullMarked
package app.thaw.cases;

import org.jspecify.annotations.NullMarked;
