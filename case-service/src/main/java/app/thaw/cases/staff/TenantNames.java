package app.thaw.cases.staff;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import app.thaw.platform.events.ServiceTokens;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * Tenants by the names people know them by (ADR 26): a tenant is a Keycloak organization (ADR 64) whose
 * attribute {@code tenant_id} (else its alias) is the tenant id and whose name is the organization's, read
 * from Keycloak's admin API with case-service's own client (its service account may view organizations) and
 * kept as {@link StaffDirectory} keeps staff. The case page names a case's partner banks and insurers by it;
 * a tenant it does not know (Keycloak not read yet, or no organization) is shown by its id.
 */
public class TenantNames {

    private static final int MAX = 1000;
    private static final String TENANT_ATTRIBUTE = "tenant_id";

    private final KeptRead<Map<String, String>> kept;

    public TenantNames(Supplier<Mono<Map<String, String>>> source, Duration ttl, Clock clock) {
        this.kept = new KeptRead<>("Tenant names", source, Map.of(), ttl, clock);
    }

    /**
     * Reads Keycloak's {@code GET {admin}/organizations?briefRepresentation=false} (the attributes are
     * only in the full representation): {@code admin} is the realm's admin base.
     */
    public static Supplier<Mono<Map<String, String>>> keycloak(WebClient web, URI admin, ServiceTokens tokens) {
        ParameterizedTypeReference<List<Map<String, Object>>> organizations = new ParameterizedTypeReference<>() {};
        return () -> tokens.token()
                .flatMap(token -> web.get()
                        .uri(
                                admin.toString().replaceAll("/+$", "")
                                        + "/organizations?briefRepresentation=false&first=0&max={max}",
                                MAX)
                        .headers(h -> h.setBearerAuth(token))
                        .retrieve()
                        .bodyToMono(organizations)
                        .map(TenantNames::byTenant));
    }

    static Map<String, String> byTenant(List<Map<String, Object>> organizations) {
        Map<String, String> names = new HashMap<>();
        for (Map<String, Object> organization : organizations) {
            if (!(organization.get("name") instanceof String name) || name.isBlank()) {
                continue;
            }
            String tenant = organization.get("attributes") instanceof Map<?, ?> attributes
                            && attributes.get(TENANT_ATTRIBUTE) instanceof List<?> values
                            && !values.isEmpty()
                            && values.getFirst() instanceof String value
                            && !value.isBlank()
                    ? value
                    : organization.get("alias") instanceof String alias && !alias.isBlank() ? alias : null;
            if (tenant != null) {
                names.putIfAbsent(tenant, name.strip());
            }
        }
        return Map.copyOf(names);
    }

    /** Tenant id → the organization's name, for every tenant Keycloak knows. */
    public Mono<Map<String, String>> all() {
        return kept.get();
    }

    /** The tenant's name, else its id. */
    public Mono<String> nameOf(String tenantId) {
        return all().map(names -> names.getOrDefault(tenantId, tenantId));
    }
}
