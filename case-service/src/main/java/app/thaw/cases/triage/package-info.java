/** Triage: reads a freeze notice, suggests a scenario and scope with the phrases behind it, and extracts what it states. */
@NullMarked
package app.thaw.cases.triage;

import org.jspecify.annotations.NullMarked;
