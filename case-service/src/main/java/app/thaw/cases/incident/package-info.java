/** The incident case: its scenario, lifecycle, clocks, tasks, contacts, review and timeline, as plain Java. */
@NullMarked
package app.thaw.cases.incident;

import org.jspecify.annotations.NullMarked;
