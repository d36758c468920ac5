package app.thaw.monitor.tenants;

import java.net.URI;

import app.thaw.monitor.subscription.Plan;
import app.thaw.monitor.subscription.PlanCatalogue;
import app.thaw.monitor.subscription.SubscriptionService;
import app.thaw.platform.audit.AuditLog;
import app.thaw.platform.events.ServiceTokens;
import app.thaw.platform.security.Caller;
import app.thaw.platform.security.CurrentCaller;
import app.thaw.platform.security.ThawSecurityProperties;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * Onboarding against the realm the service trusts: Keycloak's admin base is
 * {@code thaw.monitor.tenants.keycloak-admin-uri} when set, else derived from the realm's certs address
 * (how the service reaches Keycloak), called with the service's own client (ADR 64).
 */
@Configuration(proxyBeanMethods = false)
class TenantsConfiguration {

    @Bean
    TenantService tenantService(
            WebClient.Builder webClients,
            ServiceTokens tokens,
            ThawSecurityProperties security,
            SubscriptionService subscriptions,
            PlanCatalogue catalogue,
            AuditLog audit,
            @Value("${thaw.monitor.tenants.keycloak-admin-uri:}") @Nullable String uri) {
        URI admin = uri == null || uri.isBlank()
                ? KeycloakAdmin.adminBase(security.effectiveJwkSetUri())
                : URI.create(uri.strip());
        KeycloakAdmin keycloak = new KeycloakAdmin(webClients.build(), admin, tokens);
        return new TenantService(new TenantOnboarding(keycloak, plans(subscriptions)), catalogue, audit);
    }

    /**
     * The plan (changed only when it differs, so a repeat publishes no second {@code thaw.subscription.changed})
     * and the referral (set only when it differs), both audited by the subscriptions as any admin's change.
     */
    static TenantOnboarding.Plans plans(SubscriptionService subscriptions) {
        return (tenantId, plan, referredBy) -> subscriptions
                .planOf(tenantId)
                .flatMap(current -> plan == null || current.code().equals(plan)
                        ? Mono.just(current.code())
                        : CurrentCaller.get()
                                .map(Caller::subject)
                                .flatMap(by -> subscriptions.change(tenantId, plan, by))
                                .map(Plan::code))
                .flatMap(inForce -> referredBy == null
                        ? Mono.just(inForce)
                        : subscriptions
                                .referredBy(tenantId)
                                .defaultIfEmpty("")
                                .flatMap(before -> before.equals(referredBy)
                                        ? Mono.just(inForce)
                                        : subscriptions
                                                .refer(tenantId, referredBy)
                                                .thenReturn(inForce)));
    }
}
