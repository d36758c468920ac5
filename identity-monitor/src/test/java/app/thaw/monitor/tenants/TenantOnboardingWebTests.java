package app.thaw.monitor.tenants;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.thaw.monitor.MonitorWebTestBase;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * {@code POST /api/v1/monitor/admin/tenants} through the application: only platform admins, input
 * refused naming field and rule before Keycloak is asked anything, the tenant made in Keycloak (a
 * stand-in over real HTTP, called with the monitor's own client-credentials token) with its plan and
 * referral, audited, a keyed retry replayed, a failure half-way answered 502 and completed by the same
 * request again, and a conflicting tenant 409.
 */
class TenantOnboardingWebTests extends MonitorWebTestBase {

    // Lives as long as the JVM: the context, cached, points at it.
    static final FakeKeycloak keycloak = new FakeKeycloak();

    @DynamicPropertySource
    static void keycloakAdmin(DynamicPropertyRegistry registry) {
        registry.add(
                "thaw.monitor.tenants.keycloak-admin-uri",
                () -> keycloak.adminBase().toString());
        registry.add("thaw.events.client.client-id", () -> "identity-monitor");
        registry.add("thaw.events.client.client-secret", () -> "test-secret");
        registry.add("thaw.events.client.token-uri", tokens::tokenUri);
    }

    static Map<String, Object> merchant(String tenantId) {
        return Map.of(
                "tenantId",
                tenantId,
                "kind",
                "MERCHANT",
                "name",
                "Merchant " + tenantId,
                "admin",
                Map.of(
                        "username", tenantId + "-admin",
                        "email", "admin@" + tenantId + ".example.com",
                        "firstName", "Mia",
                        "lastName", "Merchant",
                        "temporaryPassword", "Temporary-Pass-1"),
                "plan",
                "MONITOR",
                "referredBy",
                "bank-demo");
    }

    private WebTestClient.ResponseSpec onboard(String token, Object body, String key) {
        return web.post()
                .uri("/api/v1/monitor/admin/tenants")
                .headers(h -> {
                    h.setBearerAuth(token);
                    if (key != null) {
                        h.set("Idempotency-Key", key);
                    }
                })
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    /** The {@code tenant.onboarded} entries of this tenant, in every log. */
    private List<Document> onboardedAudit(String tenant) {
        return mongo.find(
                        Query.query(Criteria.where("action")
                                .is("tenant.onboarded")
                                .and("objectId")
                                .is(tenant)),
                        Document.class,
                        "audit_log")
                .collectList()
                .block();
    }

    private static String tenant() {
        return "on-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void onlyPlatformAdminsOnboard() {
        String tenant = tenant();
        for (String role : List.of("merchant_admin", "partner_bank", "staff_supervisor", "compliance_officer")) {
            onboard(token("thaw", role), merchant(tenant), null)
                    .expectStatus()
                    .isForbidden()
                    .expectBody()
                    .jsonPath("$.code")
                    .isEqualTo("forbidden");
        }
        assertThat(keycloak.organizations.values()).noneMatch(o -> tenant.equals(o.get("alias")));
    }

    @Test
    void badInputIsRefusedNamingEachFieldAndRuleBeforeKeycloakIsAsked() {
        int before = keycloak.calls.size();
        onboard(
                        platformAdmin(),
                        Map.of(
                                "tenantId",
                                "Not An Id",
                                "kind",
                                "BANK",
                                "name",
                                "N",
                                "admin",
                                Map.of(
                                        "username",
                                        "ok-admin",
                                        "email",
                                        "nope",
                                        "firstName",
                                        "A",
                                        "lastName",
                                        "B",
                                        "temporaryPassword",
                                        "short"),
                                "plan",
                                "GOLD"),
                        null)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("validation_failed")
                .jsonPath("$.errors[*].field")
                .isEqualTo(List.of("tenantId", "kind", "admin.email", "admin.temporaryPassword", "plan"))
                .jsonPath("$.errors[*].rule")
                .isEqualTo(List.of("Pattern", "OneOf", "Email", "Size", "OneOf"));
        // A field the request does not define is named too (strict requests, ADR 55).
        Map<String, Object> extra = new java.util.HashMap<>(merchant(tenant()));
        extra.put("realmRoles", List.of("platform_admin"));
        onboard(platformAdmin(), extra, null)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("realmRoles")
                .jsonPath("$.errors[0].rule")
                .isEqualTo("UnknownField");
        assertThat(keycloak.calls).hasSize(before);
    }

    @Test
    void aPlatformAdminOnboardsAMerchantWithItsPlanAndReferralAuditedAndAKeyedRetryIsReplayed() {
        String tenant = tenant();
        String key = UUID.randomUUID().toString();

        Map<String, Object> first = onboard(platformAdmin(), merchant(tenant), key)
                .expectStatus()
                .isCreated()
                .expectBody(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody();
        assertThat(first)
                .containsEntry("tenantId", tenant)
                .containsEntry("kind", "MERCHANT")
                .containsEntry("plan", "MONITOR")
                .containsEntry("referredBy", "bank-demo")
                .containsEntry("created", List.of("organization", "adminUser", "adminRole", "adminMembership"));
        assertThat(first.get("client")).as("a merchant has no client").isNull();
        assertThat(first.toString()).doesNotContain("Temporary-Pass-1");
        assertThat(keycloak.userNamed(tenant + "-admin")).isPresent();

        // The tenant has its plan at once, as its own users read it.
        getAs(token(tenant, "merchant_admin"), "/api/v1/subscription")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.plan")
                .isEqualTo("MONITOR");

        // Audited in the admin's log and in the new tenant's, without the password.
        List<Document> audited = onboardedAudit(tenant);
        assertThat(audited).extracting(d -> d.getString("tenantId")).containsExactlyInAnyOrder("thaw", tenant);
        assertThat(audited.toString()).contains("organization,adminUser").doesNotContain("Temporary-Pass-1");

        // The same request with its key: the first answer again, nothing asked of Keycloak.
        int calls = keycloak.calls.size();
        onboard(platformAdmin(), merchant(tenant), key)
                .expectStatus()
                .isCreated()
                .expectHeader()
                .valueEquals("Idempotent-Replayed", "true")
                .expectBody()
                .jsonPath("$.organizationId")
                .isEqualTo(first.get("organizationId"));
        assertThat(keycloak.calls).hasSize(calls);

        // Without the key: every step found, nothing made, 200.
        onboard(platformAdmin(), merchant(tenant), null)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.created")
                .isEmpty()
                .jsonPath("$.admin.userId")
                .isEqualTo(((Map<?, ?>) first.get("admin")).get("userId"));
        assertThat(keycloak.organizations.values().stream().filter(o -> tenant.equals(o.get("alias"))))
                .hasSize(1);
    }

    @Test
    void aKeycloakFailureHalfWayIs502NamingTheStepAndTheSameKeyedRequestCompletesIt() {
        String tenant = tenant();
        String key = UUID.randomUUID().toString();
        Map<String, Object> bank = new java.util.HashMap<>(merchant(tenant));
        bank.put("kind", "PARTNER_BANK");
        bank.remove("plan");
        bank.remove("referredBy");
        keycloak.failNext("POST", "/clients", 500);

        onboard(platformAdmin(), bank, key)
                .expectStatus()
                .isEqualTo(502)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("tenant_onboarding_incomplete")
                .jsonPath("$.step")
                .isEqualTo("client")
                .jsonPath("$.tenantId")
                .isEqualTo(tenant);

        onboard(platformAdmin(), bank, key)
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.created")
                .isEqualTo(List.of("client", "clientAttribute", "clientRole", "clientMembership"))
                .jsonPath("$.client.clientId")
                .isEqualTo(tenant + "-api")
                .jsonPath("$.client.secret")
                .isEqualTo("secret-of-" + tenant + "-api")
                .jsonPath("$.plan")
                .isEqualTo("PARTNER_BANK");
        assertThat(keycloak.users.values().stream().filter(u -> (tenant + "-admin").equals(u.get("username"))))
                .hasSize(1);
    }

    @Test
    void anExistingTenantOfAnotherKindIs409NamingTheField() {
        String tenant = tenant();
        onboard(platformAdmin(), merchant(tenant), null).expectStatus().isCreated();
        Map<String, Object> insurer = new java.util.HashMap<>(merchant(tenant));
        insurer.put("kind", "INSURER");

        onboard(platformAdmin(), insurer, null)
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("tenant_conflict")
                .jsonPath("$.field")
                .isEqualTo("tenantId")
                .jsonPath("$.tenantId")
                .isEqualTo(tenant);
    }

    @Test
    void aTenantOfTheRealmFileIsCompletedByOnboardingAuditedAndThenAnsweredAsFound() {
        // As thaw-realm.json makes the demo's bank: organization and user, no kind, no plan, no client of its own.
        String tenant = tenant();
        String organization = keycloak.organization("Bank " + tenant, tenant, Map.of("tenant_id", List.of(tenant)));
        String analyst = keycloak.user(tenant + "-analyst", "analyst@" + tenant + ".example.com", tenant);
        keycloak.member(organization, analyst, "partner_bank");
        Map<String, Object> bank = new java.util.HashMap<>(merchant(tenant));
        bank.put("kind", "PARTNER_BANK");
        bank.put("name", "Bank " + tenant);
        bank.put(
                "admin",
                Map.of(
                        "username", tenant + "-analyst",
                        "email", "analyst@" + tenant + ".example.com",
                        "firstName", "Bob",
                        "lastName", "Banks",
                        "temporaryPassword", "Temporary-Pass-1"));
        bank.put("plan", "PARTNER_BANK");
        bank.remove("referredBy");

        onboard(platformAdmin(), bank, null)
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.organizationId")
                .isEqualTo(organization)
                .jsonPath("$.admin.userId")
                .isEqualTo(analyst)
                .jsonPath("$.created")
                .isEqualTo(List.of("organizationKind", "client", "clientAttribute", "clientRole", "clientMembership"))
                .jsonPath("$.client.clientId")
                .isEqualTo(tenant + "-api")
                .jsonPath("$.plan")
                .isEqualTo("PARTNER_BANK");
        List<Document> audited = onboardedAudit(tenant);
        assertThat(audited).extracting(d -> d.getString("tenantId")).containsExactlyInAnyOrder("thaw", tenant);
        assertThat(audited.toString()).contains("organizationKind,client");

        onboard(platformAdmin(), bank, null)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.created")
                .isEmpty();
        // Its kind recorded: the same id as a merchant is now refused by that kind.
        bank.put("kind", "MERCHANT");
        onboard(platformAdmin(), bank, null)
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.field")
                .isEqualTo("tenantId");
    }

    @Test
    void aTenantOfTheRealmFileIsNotCompletedForAUserItDoesNotHold() {
        String tenant = tenant();
        keycloak.organization("Merchant " + tenant, tenant, Map.of("tenant_id", List.of(tenant)));

        onboard(platformAdmin(), merchant(tenant), null)
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("tenant_conflict")
                .jsonPath("$.field")
                .isEqualTo("admin.username");
        assertThat(keycloak.userNamed(tenant + "-admin")).isEmpty();
    }

    @Test
    void aKeyedOnboardingRunAgainAfterItsCompletionWasLostFindsTheTenantAndMakesNothingTwice() {
        String tenant = tenant();
        String key = UUID.randomUUID().toString();
        onboard(platformAdmin(), merchant(tenant), key).expectStatus().isCreated();
        // The instance died after Keycloak's steps, before the key was marked done (ADR 54, 56).
        app.thaw.platform.testing.IdempotencyFaults.loseCompletion(mongo, key);

        onboard(platformAdmin(), merchant(tenant), key)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.created")
                .isEmpty();
        assertThat(keycloak.organizations.values().stream().filter(o -> tenant.equals(o.get("alias"))))
                .hasSize(1);
        assertThat(keycloak.users.values().stream().filter(u -> (tenant + "-admin").equals(u.get("username"))))
                .hasSize(1);
    }
}
