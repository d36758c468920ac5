/** Circuit breakers and time limits per route, and the problem answers given when a service is down. */
@NullMarked
package app.thaw.gateway.routing;

import org.jspecify.annotations.NullMarked;
