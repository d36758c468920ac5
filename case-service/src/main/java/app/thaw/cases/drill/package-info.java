/** Drills: a drill case's report, each step's actual time against its clock. */
@NullMarked
package app.thaw.cases.drill;

import org.jspecify.annotations.NullMarked;
