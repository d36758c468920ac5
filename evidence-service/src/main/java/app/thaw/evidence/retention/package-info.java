/** Deletes evidence whose retention period ran out, unless a legal hold covers it. */
@NullMarked
package app.thaw.evidence.retention;

import org.jspecify.annotations.NullMarked;
