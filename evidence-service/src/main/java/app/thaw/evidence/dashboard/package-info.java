/** The staff dashboard's view of evidence: the review queue across cases and the rule that keeps compliance cases from other staff. */
@NullMarked
package app.thaw.evidence.dashboard;

import org.jspecify.annotations.NullMarked;
