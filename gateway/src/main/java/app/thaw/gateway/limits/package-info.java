/** Limits on what one client may send: request rate and request size. */
@NullMarked
package app.thaw.gateway.limits;

import org.jspecify.annotations.NullMarked;
