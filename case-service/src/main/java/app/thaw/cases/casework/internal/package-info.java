/** The case store (cases, outcome figures, case counters), the access log's and the analytics' reads, and the wiring of casework. */
@NullMarked
package app.thaw.cases.casework.internal;

import org.jspecify.annotations.NullMarked;
