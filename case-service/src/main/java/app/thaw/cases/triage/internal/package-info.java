/** The wiring of the triage engine. */
@NullMarked
package app.thaw.cases.triage.internal;

import org.jspecify.annotations.NullMarked;
