/** The staff console: browser login through Keycloak, the session, the landing page and the relay of the token to each service's dashboard. */
@NullMarked
package app.thaw.gateway.console;

import org.jspecify.annotations.NullMarked;
