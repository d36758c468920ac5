/** Working a case: opening, finding, listing and changing cases for the caller, their clocks and the events they consume; the store they are kept in. */
@NullMarked
package app.thaw.cases.casework;

import org.jspecify.annotations.NullMarked;
