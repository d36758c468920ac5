/** Integrity checks: a case's custody chain against the heads recorded apart from it, and every stored file against its hash (ADR 21, 23, 57). */
@NullMarked
package app.thaw.evidence.integrity;

import org.jspecify.annotations.NullMarked;
