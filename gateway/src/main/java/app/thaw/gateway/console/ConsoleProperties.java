package app.thaw.gateway.console;

import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The staff console.
 *
 * @param clientId     the gateway's confidential Keycloak client (authorization code + PKCE)
 * @param clientSecret its secret, from the environment ({@code THAW_CONSOLE_CLIENT_SECRET}); never committed
 * @param dashboards   each service's dashboard and the realm roles that may open it, in landing-page order
 */
@ConfigurationProperties("thaw.console")
public record ConsoleProperties(
        @DefaultValue("thaw-gateway") String clientId,
        @Nullable String clientSecret,
        @DefaultValue List<Dashboard> dashboards) {

    /**
     * @param id    the message key suffix and the service area, e.g. {@code cases}
     * @param path  where the gateway relays it, e.g. {@code /dashboard/cases/}
     * @param roles realm roles that may open it
     */
    public record Dashboard(String id, String path, List<String> roles) {

        boolean openTo(Collection<String> callerRoles) {
            return roles.stream().anyMatch(callerRoles::contains);
        }
    }

    List<Dashboard> dashboardsFor(Collection<String> callerRoles) {
        return dashboards.stream()
                .filter(dashboard -> dashboard.openTo(callerRoles))
                .toList();
    }
}
