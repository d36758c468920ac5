/** Thaw's gateway: the only public entry to the platform. */
@NullMarked
package app.thaw.gateway;

import org.jspecify.annotations.NullMarked;
