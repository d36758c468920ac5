package app.thaw.platform.security;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How an application validates the bearer tokens Keycloak issues.
 *
 * @param issuerUri   the realm's issuer; a token's {@code iss} must equal it
 * @param jwkSetUri   where the realm's signing keys are fetched (and cached); defaults to the
 *                    issuer's certs endpoint, set it when the application reaches Keycloak by
 *                    another address than the public one in {@code iss}
 * @param audience    a token's {@code aud} must contain it
 * @param clockSkew   tolerance for {@code exp} and {@code nbf} between this host and Keycloak
 * @param publicPaths request paths served without a token, besides health and API docs
 * @param publicMetrics whether {@code /actuator/prometheus} is served without a token: true in the
 *                    services, which listen on the private network only; false at the gateway, the
 *                    public entry, where every actuator endpoint but health needs a platform admin
 * @param validatedTokens how many already-validated tokens are remembered ({@code 0}: none), each until
 *                    its expiry and at most {@code validatedTokenMaxAge}
 * @param validatedTokenMaxAge the longest a validated token is remembered
 * @param keyRefetchInterval the shortest time between two fetches of the realm's keys caused by tokens
 *                    naming an unknown key id (a rotation is picked up; made-up ids cost nothing)
 */
@ConfigurationProperties("thaw.security")
public record ThawSecurityProperties(
        @DefaultValue("http://localhost:8180/realms/thaw") URI issuerUri,
        @Nullable URI jwkSetUri,
        @DefaultValue("thaw-api") String audience,
        @DefaultValue("5s") Duration clockSkew,
        @DefaultValue List<String> publicPaths,
        @DefaultValue("true") boolean publicMetrics,
        @DefaultValue("10000") long validatedTokens,
        @DefaultValue("5m") Duration validatedTokenMaxAge,
        @DefaultValue("30s") Duration keyRefetchInterval) {

    public URI effectiveJwkSetUri() {
        return jwkSetUri != null
                ? jwkSetUri
                : URI.create(issuerUri.toString().replaceAll("/+$", "") + "/protocol/openid-connect/certs");
    }
}
