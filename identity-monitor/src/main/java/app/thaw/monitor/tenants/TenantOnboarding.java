package app.thaw.monitor.tenants;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import app.thaw.monitor.tenants.KeycloakAdmin.Created;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import reactor.core.publisher.Mono;

/**
 * Onboards a tenant through Keycloak's admin API (ADR 64), in this order: the organization (alias and
 * attribute {@code tenant_id} = the tenant id, attribute {@code tenant_kind}) → the first admin user
 * (attribute {@code tenant_id}, temporary password, {@code UPDATE_PASSWORD}) → its realm role → its
 * membership → for a bank or insurer a confidential client with a service account, the two Thaw
 * mappers, and on its service account the attribute, the role and the membership → the plan and
 * {@code referredBy}.
 *
 * <p>Each step first looks for what it would make and makes it only when it is missing, so the same
 * request again — after a failure half-way, a lost answer, or twice at once (Keycloak's 409 on a
 * create is looked up again) — completes the tenant instead of making a second one. What exists but
 * belongs to another tenant, or is another kind of tenant, is 409 {@link TenantConflict}, found before
 * that step changes anything. {@link Onboarded#created} lists what this run made (empty: all was there).
 *
 * <p>A tenant made outside onboarding (the realm file's demo tenants: an organization of that alias and
 * {@code tenant_id}, no {@code tenant_kind}) is completed rather than refused when the request names its
 * name and an admin user who carries the tenant already and holds no role of another kind: its
 * organization gets the kind, and the steps after it give what is still missing (ADR 65).
 */
public class TenantOnboarding {

    /** Attribute of the organization: the tenant's kind, so a repeat can tell the same tenant from another. */
    static final String KIND_ATTRIBUTE = "tenant_kind";

    static final String TENANT_ATTRIBUTE = "tenant_id";

    /** The plan and referral, once Keycloak's steps are done (identity-monitor's subscriptions). */
    @FunctionalInterface
    public interface Plans {
        /**
         * Sets the tenant's plan (null: leave it as configured) and its referral (null: none) unless
         * already so; answers the plan in force.
         */
        Mono<String> apply(String tenantId, @Nullable String plan, @Nullable String referredBy);
    }

    /**
     * What the tenant is now.
     *
     * @param created the steps this run made something in (organization or organizationKind, adminUser, adminRole,
     *                adminMembership, client, clientAttribute, clientRole, clientMembership); empty when everything
     *                was there already
     */
    public record Onboarded(
            String tenantId,
            String kind,
            String name,
            String organizationId,
            AdminUser admin,
            @Nullable Client client,
            String plan,
            @Nullable String referredBy,
            List<String> created) {

        public Onboarded {
            created = List.copyOf(created);
        }
    }

    /**
     * The first admin user: it signs in with the temporary password and sets its own at once
     * ({@code requiredActions} as Keycloak holds them now: {@code UPDATE_PASSWORD} until then).
     */
    public record AdminUser(String username, String userId, String role, List<String> requiredActions) {}

    /**
     * The bank's or insurer's client-credentials client. The secret is Keycloak's; it is answered to the
     * platform admin who onboards (as a webhook's secret is on its creation) and kept nowhere in Thaw.
     */
    public record Client(String clientId, String secret, String serviceAccountUserId) {}

    private final KeycloakAdmin keycloak;
    private final Plans plans;

    public TenantOnboarding(KeycloakAdmin keycloak, Plans plans) {
        this.keycloak = keycloak;
        this.plans = plans;
    }

    public Mono<Onboarded> onboard(TenantRequest.Valid request) {
        List<String> created = Collections.synchronizedList(new ArrayList<>());
        String role = request.kind().role();
        return organization(request, created)
                .flatMap(organizationId -> adminUser(request, created).flatMap(user -> {
                    String userId = String.valueOf(user.get("id"));
                    List<String> requiredActions = user.get("requiredActions") instanceof List<?> actions
                            ? actions.stream().map(String::valueOf).toList()
                            : List.of();
                    return realmRole(request, userId, "adminRole", created)
                            .then(membership(request, organizationId, userId, "adminMembership", created))
                            .then(
                                    request.kind().hasClient()
                                            ? client(request, organizationId, created)
                                                    .map(Optional::of)
                                            : Mono.just(Optional.<Client>empty()))
                            .flatMap(client -> plans.apply(request.tenantId(), request.plan(), request.referredBy())
                                    .onErrorMap(
                                            failure -> !(failure instanceof app.thaw.platform.problem.ThawProblem),
                                            failure -> new OnboardingIncomplete(
                                                    request.tenantId(), "plan", failure.toString()))
                                    .map(plan -> new Onboarded(
                                            request.tenantId(),
                                            request.kind().name(),
                                            request.name(),
                                            organizationId,
                                            new AdminUser(request.username(), userId, role, requiredActions),
                                            client.orElse(null),
                                            plan,
                                            request.referredBy(),
                                            created)));
                }))
                .onErrorMap(
                        KeycloakAdmin.StepFailed.class,
                        failed -> new OnboardingIncomplete(request.tenantId(), failed.step(), failed.getMessage()));
    }

    // ---- organization ------------------------------------------------------------------------

    /**
     * The tenant's organization: found with the kind asked for, or found without a kind and completed
     * ({@link #complete}), or made.
     */
    private Mono<String> organization(TenantRequest.Valid request, List<String> created) {
        return findOrganization(request)
                .flatMap(found -> found.kindless() ? complete(request, found.id(), created) : Mono.just(found.id()))
                .switchIfEmpty(Mono.defer(() -> keycloak.create(
                                "organization", organizationOf(request), "/organizations")
                        .flatMap(answer -> switch (answer) {
                            case Created.Made made -> {
                                created.add("organization");
                                yield made.id().isEmpty()
                                        ? findOrganization(request).map(Found::id)
                                        : Mono.just(made.id());
                            }
                            // Made at the same moment by a twin request, or the name or alias is another's.
                            case Created.Exists exists ->
                                findOrganization(request)
                                        .map(Found::id)
                                        .switchIfEmpty(Mono.error(new TenantConflict(
                                                request.tenantId(),
                                                "tenantId",
                                                "An organization named '" + request.name() + "' or with alias '"
                                                        + request.tenantId()
                                                        + "' exists in Keycloak and is no tenant of this id.")));
                        })));
    }

    /** An organization of the tenant: its id, and whether it has no kind yet (made outside onboarding). */
    private record Found(String id, boolean kindless) {}

    /**
     * The tenant's organization (by its {@code tenant_id} attribute), checked to be the one asked for: of
     * the kind and name asked for, or of no kind yet with the name asked for and alias and attribute both
     * the tenant id (a tenant made outside onboarding, as the realm file makes the demo's).
     */
    private Mono<Found> findOrganization(TenantRequest.Valid request) {
        return keycloak.list(
                        "organization",
                        "/organizations?q={q}&briefRepresentation=false&first=0&max=5",
                        TENANT_ATTRIBUTE + ":" + request.tenantId())
                .flatMap(found -> {
                    Optional<Map<String, Object>> organization = found.stream()
                            .filter(o -> request.tenantId().equals(o.get("alias"))
                                    || KeycloakAdmin.firstAttribute(o, TENANT_ATTRIBUTE)
                                            .map(request.tenantId()::equals)
                                            .orElse(false))
                            .findFirst();
                    if (organization.isEmpty()) {
                        return Mono.empty();
                    }
                    Map<String, Object> existing = organization.get();
                    Optional<String> kind = KeycloakAdmin.firstAttribute(existing, KIND_ATTRIBUTE);
                    boolean sameTenant = request.tenantId().equals(existing.get("alias"))
                            && KeycloakAdmin.firstAttribute(existing, TENANT_ATTRIBUTE)
                                    .map(request.tenantId()::equals)
                                    .orElse(false);
                    if (!kind.map(request.kind().name()::equals).orElse(sameTenant)
                            || !request.name().equals(existing.get("name"))) {
                        return Mono.error(new TenantConflict(
                                request.tenantId(),
                                "tenantId",
                                "Tenant '" + request.tenantId() + "' exists already as '" + existing.get("name")
                                        + "' (kind " + kind.orElse("none") + "); this request asks for '"
                                        + request.name() + "' (kind " + request.kind() + ")."));
                    }
                    return Mono.just(new Found(String.valueOf(existing.get("id")), kind.isEmpty()));
                });
    }

    /**
     * Completes a tenant that exists without a kind (made outside onboarding: the realm file's demo
     * tenants): only when the admin user named already exists and carries the tenant, and holds no role of
     * another kind of tenant, both checked before anything changes; then the organization gets its kind
     * (step {@code organizationKind}), and the steps after it give what is still missing. A tenant of
     * nobody's user, or another kind's, stays untouched: 409.
     */
    private Mono<String> complete(TenantRequest.Valid request, String organizationId, List<String> created) {
        return findUser(request)
                .switchIfEmpty(Mono.error(new TenantConflict(
                        request.tenantId(),
                        "admin.username",
                        "Tenant '" + request.tenantId() + "' exists without a kind (made outside onboarding); "
                                + "onboarding completes it only for an admin user who belongs to it already, and "
                                + "there is no user '" + request.username() + "'.")))
                .flatMap(user -> keycloak.list(
                        "organizationKind", "/users/{id}/role-mappings/realm", String.valueOf(user.get("id"))))
                .flatMap(mapped -> {
                    Optional<String> otherKinds = mapped.stream()
                            .map(role -> String.valueOf(role.get("name")))
                            .filter(role -> TenantKind.ofRole(role)
                                    .filter(kind -> kind != request.kind())
                                    .isPresent())
                            .findFirst();
                    if (otherKinds.isPresent()) {
                        return Mono.error(new TenantConflict(
                                request.tenantId(),
                                "kind",
                                "Tenant '" + request.tenantId() + "' exists without a kind, and its user '"
                                        + request.username() + "' holds the role " + otherKinds.get() + " of a "
                                        + TenantKind.ofRole(otherKinds.get()).orElseThrow()
                                        + " tenant; this request asks for " + request.kind() + "."));
                    }
                    return keycloak.find("organizationKind", "/organizations/{id}", organizationId)
                            .switchIfEmpty(Mono.error(
                                    new KeycloakAdmin.StepFailed("organizationKind", "the organization is gone")));
                })
                .flatMap(organization -> {
                    // Keycloak's PUT replaces the organization: what it holds is sent back, the kind added.
                    Map<String, Object> changed = new LinkedHashMap<>(organization);
                    Map<String, Object> attributes = new LinkedHashMap<>();
                    if (organization.get("attributes") instanceof Map<?, ?> existing) {
                        existing.forEach((key, value) -> attributes.put(String.valueOf(key), value));
                    }
                    attributes.put(KIND_ATTRIBUTE, List.of(request.kind().name()));
                    changed.put("attributes", attributes);
                    return keycloak.send(
                                    "organizationKind", HttpMethod.PUT, changed, "/organizations/{id}", organizationId)
                            .doOnSuccess(done -> created.add("organizationKind"))
                            .thenReturn(organizationId);
                });
    }

    private static Map<String, Object> organizationOf(TenantRequest.Valid request) {
        Map<String, Object> organization = new LinkedHashMap<>();
        organization.put("name", request.name());
        organization.put("alias", request.tenantId());
        organization.put("enabled", true);
        organization.put("description", description(request.kind()));
        organization.put(
                "attributes",
                Map.of(
                        TENANT_ATTRIBUTE, List.of(request.tenantId()),
                        KIND_ATTRIBUTE, List.of(request.kind().name())));
        organization.put(
                "domains",
                request.domain() == null ? List.of() : List.of(Map.of("name", request.domain(), "verified", false)));
        return organization;
    }

    private static String description(TenantKind kind) {
        return switch (kind) {
            case MERCHANT -> "Merchant tenant";
            case PARTNER_BANK -> "Partner bank tenant";
            case INSURER -> "Insurer tenant";
        };
    }

    // ---- admin user --------------------------------------------------------------------------

    /** The admin user as Keycloak holds it (its id, its required actions), made when missing. */
    private Mono<Map<String, Object>> adminUser(TenantRequest.Valid request, List<String> created) {
        return findUser(request)
                .switchIfEmpty(Mono.defer(() -> keycloak.create("adminUser", userOf(request), "/users")
                        .flatMap(answer -> switch (answer) {
                            case Created.Made made -> {
                                created.add("adminUser");
                                yield findUser(request)
                                        .switchIfEmpty(Mono.error(new KeycloakAdmin.StepFailed(
                                                "adminUser", "the user made is not found by its name")));
                            }
                            // The user name was free a moment ago: a twin made it, or the e-mail is another user's.
                            case Created.Exists exists ->
                                findUser(request)
                                        .switchIfEmpty(Mono.error(new TenantConflict(
                                                request.tenantId(),
                                                "admin.email",
                                                "Another user of the realm has the e-mail address " + request.email()
                                                        + ".")));
                        })));
    }

    /** The admin user by its exact user name; 409 when it belongs to another tenant (or none). */
    private Mono<Map<String, Object>> findUser(TenantRequest.Valid request) {
        return keycloak.list(
                        "adminUser",
                        "/users?username={username}&exact=true&briefRepresentation=false",
                        request.username())
                .flatMap(found -> {
                    Optional<Map<String, Object>> user = found.stream()
                            .filter(u -> request.username().equalsIgnoreCase(String.valueOf(u.get("username"))))
                            .findFirst();
                    if (user.isEmpty()) {
                        return Mono.empty();
                    }
                    String tenant = KeycloakAdmin.firstAttribute(user.get(), TENANT_ATTRIBUTE)
                            .orElse("");
                    if (!tenant.equals(request.tenantId())) {
                        return Mono.error(new TenantConflict(
                                request.tenantId(),
                                "admin.username",
                                "The user name '" + request.username() + "' is taken by "
                                        + (tenant.isEmpty() ? "a user of no tenant" : "another tenant's user")
                                        + "."));
                    }
                    return Mono.just(user.get());
                });
    }

    private static Map<String, Object> userOf(TenantRequest.Valid request) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("username", request.username());
        user.put("email", request.email());
        // The platform admin vouches for the address; Keycloak would otherwise ask the user to verify it by mail.
        user.put("emailVerified", true);
        user.put("firstName", request.firstName());
        user.put("lastName", request.lastName());
        user.put("enabled", true);
        user.put("attributes", Map.of(TENANT_ATTRIBUTE, List.of(request.tenantId())));
        user.put(
                "credentials",
                List.of(Map.of("type", "password", "value", request.temporaryPassword(), "temporary", true)));
        user.put("requiredActions", List.of("UPDATE_PASSWORD"));
        return user;
    }

    // ---- roles and membership ----------------------------------------------------------------

    private Mono<Void> realmRole(TenantRequest.Valid request, String userId, String step, List<String> created) {
        String role = request.kind().role();
        return keycloak.list(step, "/users/{id}/role-mappings/realm", userId)
                .flatMap(mapped -> mapped.stream().anyMatch(r -> role.equals(r.get("name")))
                        ? Mono.<Void>empty()
                        : keycloak.find(step, "/roles/{role}", role)
                                .switchIfEmpty(
                                        Mono.error(new KeycloakAdmin.StepFailed(step, "the realm has no role " + role)))
                                .flatMap(representation -> keycloak.send(
                                        step,
                                        HttpMethod.POST,
                                        List.of(representation),
                                        "/users/{id}/role-mappings/realm",
                                        userId))
                                .doOnSuccess(done -> created.add(step)));
    }

    private Mono<Void> membership(
            TenantRequest.Valid request, String organizationId, String userId, String step, List<String> created) {
        return keycloak.find(step, "/organizations/{org}/members/{user}", organizationId, userId)
                .map(member -> true)
                .defaultIfEmpty(false)
                .flatMap(member -> member
                        ? Mono.<Void>empty()
                        : keycloak.send(
                                        step,
                                        HttpMethod.POST,
                                        KeycloakAdmin.memberBody(userId),
                                        "/organizations/{org}/members",
                                        organizationId)
                                .doOnSuccess(done -> created.add(step)));
    }

    // ---- client (banks and insurers) ---------------------------------------------------------

    private Mono<Client> client(TenantRequest.Valid request, String organizationId, List<String> created) {
        return findClient(request)
                .switchIfEmpty(Mono.defer(() -> keycloak.create("client", clientOf(request), "/clients")
                        .flatMap(answer -> switch (answer) {
                            case Created.Made made -> {
                                created.add("client");
                                yield made.id().isEmpty() ? findClient(request) : Mono.just(made.id());
                            }
                            case Created.Exists exists ->
                                findClient(request)
                                        .switchIfEmpty(Mono.error(new TenantConflict(
                                                request.tenantId(),
                                                "tenantId",
                                                "A client '" + request.clientId()
                                                        + "' exists in Keycloak and is no client of this tenant.")));
                        })))
                .flatMap(clientUuid -> keycloak.find(
                                "clientServiceAccount", "/clients/{id}/service-account-user", clientUuid)
                        .switchIfEmpty(Mono.error(new KeycloakAdmin.StepFailed(
                                "clientServiceAccount", "the client has no service account")))
                        .flatMap(account -> {
                            String accountId = String.valueOf(account.get("id"));
                            return serviceAccountAttribute(request, accountId, created)
                                    .then(realmRole(request, accountId, "clientRole", created))
                                    .then(membership(request, organizationId, accountId, "clientMembership", created))
                                    .then(keycloak.find("clientSecret", "/clients/{id}/client-secret", clientUuid)
                                            .switchIfEmpty(Mono.error(new KeycloakAdmin.StepFailed(
                                                    "clientSecret", "the client has no secret"))))
                                    .map(secret -> new Client(
                                            request.clientId(), String.valueOf(secret.get("value")), accountId));
                        }));
    }

    /** The tenant's client by its client id; 409 when a client of that id belongs to another tenant. */
    private Mono<String> findClient(TenantRequest.Valid request) {
        return keycloak.list("client", "/clients?clientId={clientId}&search=false", request.clientId())
                .flatMap(found -> {
                    Optional<Map<String, Object>> client = found.stream()
                            .filter(c -> request.clientId().equals(c.get("clientId")))
                            .findFirst();
                    if (client.isEmpty()) {
                        return Mono.empty();
                    }
                    Object tenant = client.get().get("attributes") instanceof Map<?, ?> attributes
                            ? attributes.get(TENANT_ATTRIBUTE)
                            : null;
                    if (!request.tenantId().equals(tenant)) {
                        return Mono.error(new TenantConflict(
                                request.tenantId(),
                                "tenantId",
                                "A client '" + request.clientId() + "' exists in Keycloak and is no client of this "
                                        + "tenant."));
                    }
                    return Mono.just(String.valueOf(client.get().get("id")));
                });
    }

    /** The service account's {@code tenant_id}, which its tokens carry (the client's mapper reads it). */
    private Mono<Void> serviceAccountAttribute(TenantRequest.Valid request, String accountId, List<String> created) {
        return keycloak.find("clientAttribute", "/users/{id}", accountId)
                .switchIfEmpty(
                        Mono.error(new KeycloakAdmin.StepFailed("clientAttribute", "the service account is gone")))
                .flatMap(account -> {
                    if (KeycloakAdmin.firstAttribute(account, TENANT_ATTRIBUTE)
                            .map(request.tenantId()::equals)
                            .orElse(false)) {
                        return Mono.<Void>empty();
                    }
                    Map<String, Object> changed = new LinkedHashMap<>(account);
                    Map<String, Object> attributes = new LinkedHashMap<>();
                    if (account.get("attributes") instanceof Map<?, ?> existing) {
                        existing.forEach((key, value) -> attributes.put(String.valueOf(key), value));
                    }
                    attributes.put(TENANT_ATTRIBUTE, List.of(request.tenantId()));
                    changed.put("attributes", attributes);
                    return keycloak.send("clientAttribute", HttpMethod.PUT, changed, "/users/{id}", accountId)
                            .doOnSuccess(done -> created.add("clientAttribute"));
                });
    }

    private static Map<String, Object> clientOf(TenantRequest.Valid request) {
        Map<String, Object> client = new LinkedHashMap<>();
        client.put("clientId", request.clientId());
        client.put("name", request.name());
        client.put(
                "description",
                description(request.kind()) + " " + request.tenantId() + " (client credentials, onboarded by API)");
        client.put("enabled", true);
        client.put("protocol", "openid-connect");
        client.put("publicClient", false);
        client.put("clientAuthenticatorType", "client-secret");
        client.put("standardFlowEnabled", false);
        client.put("implicitFlowEnabled", false);
        client.put("directAccessGrantsEnabled", false);
        client.put("serviceAccountsEnabled", true);
        client.put("frontchannelLogout", false);
        // Whose client it is, so a repeat knows it from another tenant's client of the same id.
        client.put("attributes", Map.of(TENANT_ATTRIBUTE, request.tenantId()));
        client.put("protocolMappers", thawMappers());
        return client;
    }

    /** The two mappers every Thaw client carries (infra/keycloak/README.md): {@code tenant_id} and audience {@code thaw-api}. */
    static List<Map<String, Object>> thawMappers() {
        Map<String, Object> tenant = new LinkedHashMap<>();
        tenant.put("name", "tenant_id");
        tenant.put("protocol", "openid-connect");
        tenant.put("protocolMapper", "oidc-usermodel-attribute-mapper");
        tenant.put(
                "config",
                Map.of(
                        "user.attribute", TENANT_ATTRIBUTE,
                        "claim.name", TENANT_ATTRIBUTE,
                        "jsonType.label", "String",
                        "multivalued", "false",
                        "aggregate.attrs", "false",
                        "access.token.claim", "true",
                        "id.token.claim", "true",
                        "userinfo.token.claim", "true",
                        "introspection.token.claim", "true"));
        Map<String, Object> audience = new LinkedHashMap<>();
        audience.put("name", "thaw-api audience");
        audience.put("protocol", "openid-connect");
        audience.put("protocolMapper", "oidc-audience-mapper");
        audience.put(
                "config",
                Map.of(
                        "included.custom.audience", "thaw-api",
                        "access.token.claim", "true",
                        "id.token.claim", "false",
                        "introspection.token.claim", "true"));
        return List.of(tenant, audience);
    }
}
