/** Triage API: preview a notice's suggestion, and staff's confirmation or override of a case's scenario. */
@NullMarked
package app.thaw.cases.triage.web;

import org.jspecify.annotations.NullMarked;
