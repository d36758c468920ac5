/** Monitored subjects (persons and companies) and their protected identifiers: enrolment, lookup, legal hold and erasure. */
@NullMarked
package app.thaw.monitor.subjects;

import org.jspecify.annotations.NullMarked;
