/** {@code Idempotency-Key} for creating POSTs: a retry with the same key gets the first response instead of a second effect. */
@NullMarked
package app.thaw.platform.idempotency;

import org.jspecify.annotations.NullMarked;
