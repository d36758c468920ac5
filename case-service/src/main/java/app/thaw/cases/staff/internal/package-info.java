/** The wiring of the staff directory. */
@NullMarked
package app.thaw.cases.staff.internal;

import org.jspecify.annotations.NullMarked;
