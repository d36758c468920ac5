package app.thaw.cases.staff.internal;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;

import app.thaw.cases.staff.StaffDirectory;
import app.thaw.cases.staff.TenantNames;
import app.thaw.platform.events.ServiceTokens;
import app.thaw.platform.security.ThawSecurityProperties;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The staff directory and the tenants' names (ADR 26) read from the realm the service trusts: its admin
 * base is {@code thaw.cases.staff-directory.uri} when set, else derived from the realm's certs address
 * (the address the service reaches Keycloak by); each kept {@code thaw.cases.staff-directory.ttl}
 * (5 minutes).
 */
@Configuration(proxyBeanMethods = false)
class StaffDirectoryConfiguration {

    private final URI admin;
    private final Duration ttl;

    StaffDirectoryConfiguration(
            ThawSecurityProperties security,
            @Value("${thaw.cases.staff-directory.uri:}") @Nullable String uri,
            @Value("${thaw.cases.staff-directory.ttl:PT5M}") Duration ttl) {
        this.admin = uri == null || uri.isBlank()
                ? StaffDirectory.adminBase(security.effectiveJwkSetUri())
                : URI.create(uri.strip());
        this.ttl = ttl;
    }

    @Bean
    StaffDirectory staffDirectory(WebClient.Builder webClients, ServiceTokens tokens, Clock clock) {
        return new StaffDirectory(StaffDirectory.keycloak(webClients.build(), admin, tokens), ttl, clock);
    }

    @Bean
    TenantNames tenantNames(WebClient.Builder webClients, ServiceTokens tokens, Clock clock) {
        return new TenantNames(TenantNames.keycloak(webClients.build(), admin, tokens), ttl, clock);
    }
}
