package app.thaw.monitor.tenants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * Onboarding's steps against a stand-in for Keycloak's admin API over real HTTP: what each kind of
 * tenant gets, that a repeat makes nothing twice, that a failure half-way is completed by the same
 * request again, and what is refused as another tenant's.
 */
class TenantOnboardingTests {

    private final FakeKeycloak keycloak = new FakeKeycloak();
    private final List<String> plansApplied = new CopyOnWriteArrayList<>();
    private final TenantOnboarding onboarding = new TenantOnboarding(
            new KeycloakAdmin(WebClient.create(), keycloak.adminBase(), () -> Mono.just("monitor-token")),
            (tenantId, plan, referredBy) -> {
                plansApplied.add(tenantId + ":" + plan + ":" + referredBy);
                return Mono.just(plan == null ? "THAW_ASSIST" : plan);
            });

    @AfterEach
    void stop() {
        keycloak.close();
    }

    static TenantRequest request(String tenantId, String kind) {
        return new TenantRequest(
                tenantId,
                kind,
                "Name of " + tenantId,
                tenantId + ".example.com",
                new TenantRequest.Admin(
                        tenantId + "-admin", "admin@" + tenantId + ".example.com", "Ada", "Admin", "Temporary-Pass-1"),
                null,
                null);
    }

    private TenantOnboarding.Onboarded onboard(TenantRequest request) {
        return onboarding
                .onboard(request.validated(Set.of("MONITOR", "THAW_ASSIST", "PARTNER_BANK", "INSURER")))
                .block(Duration.ofSeconds(30));
    }

    @Test
    void aMerchantGetsItsOrganizationAnAdminWithATemporaryPasswordItsRoleAndMembershipAndNoClient() {
        TenantOnboarding.Onboarded done = onboard(request("newco", "MERCHANT"));

        assertThat(done.created()).containsExactly("organization", "adminUser", "adminRole", "adminMembership");
        assertThat(done.client()).isNull();
        assertThat(done.admin().role()).isEqualTo("merchant_admin");
        assertThat(done.admin().requiredActions()).containsExactly("UPDATE_PASSWORD");
        Map<String, Object> organization = keycloak.organizations.get(done.organizationId());
        assertThat(organization)
                .containsEntry("alias", "newco")
                .containsEntry("name", "Name of newco")
                .containsEntry("attributes", Map.of("tenant_id", List.of("newco"), "tenant_kind", List.of("MERCHANT")))
                .containsEntry("domains", List.of(Map.of("name", "newco.example.com", "verified", false)));
        Map<String, Object> admin = keycloak.users.get(done.admin().userId());
        assertThat(admin)
                .containsEntry("username", "newco-admin")
                .containsEntry("email", "admin@newco.example.com")
                .containsEntry("attributes", Map.of("tenant_id", List.of("newco")))
                .containsEntry("requiredActions", List.of("UPDATE_PASSWORD"))
                .containsEntry(
                        "credentials",
                        List.of(Map.of("type", "password", "value", "Temporary-Pass-1", "temporary", true)));
        assertThat(keycloak.roles.get(done.admin().userId())).containsExactly("merchant_admin");
        assertThat(keycloak.members.get(done.organizationId()))
                .containsExactly(done.admin().userId());
        assertThat(keycloak.clients).isEmpty();
        // The merchant keeps the configured default plan; nobody referred it.
        assertThat(plansApplied).containsExactly("newco:null:null");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aBankGetsAClientCredentialsClientWithTheThawMappersAndAServiceAccountOfItsTenant() {
        TenantOnboarding.Onboarded done = onboard(request("first-bank", "PARTNER_BANK"));

        assertThat(done.created())
                .containsExactly(
                        "organization",
                        "adminUser",
                        "adminRole",
                        "adminMembership",
                        "client",
                        "clientAttribute",
                        "clientRole",
                        "clientMembership");
        TenantOnboarding.Client client = done.client();
        assertThat(client).isNotNull();
        assertThat(client.clientId()).isEqualTo("first-bank-api");
        assertThat(client.secret()).isEqualTo("secret-of-first-bank-api");
        Map<String, Object> registered = keycloak.client("first-bank-api").orElseThrow();
        assertThat(registered)
                .containsEntry("publicClient", false)
                .containsEntry("serviceAccountsEnabled", true)
                .containsEntry("standardFlowEnabled", false)
                .containsEntry("directAccessGrantsEnabled", false)
                .containsEntry("attributes", Map.of("tenant_id", "first-bank"));
        assertThat((List<Map<String, Object>>) registered.get("protocolMappers"))
                .extracting(mapper -> mapper.get("protocolMapper"))
                .containsExactly("oidc-usermodel-attribute-mapper", "oidc-audience-mapper");
        assertThat((List<Map<String, Object>>) registered.get("protocolMappers"))
                .anySatisfy(mapper -> assertThat((Map<String, Object>) mapper.get("config"))
                        .containsEntry("claim.name", "tenant_id")
                        .containsEntry("user.attribute", "tenant_id"))
                .anySatisfy(mapper -> assertThat((Map<String, Object>) mapper.get("config"))
                        .containsEntry("included.custom.audience", "thaw-api"));
        String account = client.serviceAccountUserId();
        assertThat(keycloak.users.get(account)).containsEntry("attributes", Map.of("tenant_id", List.of("first-bank")));
        assertThat(keycloak.roles.get(account)).containsExactly("partner_bank");
        assertThat(keycloak.roles.get(done.admin().userId())).containsExactly("partner_bank");
        assertThat(keycloak.members.get(done.organizationId()))
                .containsExactlyInAnyOrder(done.admin().userId(), account);
        // A bank starts on the Partner Bank plan when the request names none.
        assertThat(plansApplied).containsExactly("first-bank:PARTNER_BANK:null");
        assertThat(done.plan()).isEqualTo("PARTNER_BANK");
    }

    @Test
    void theSameRequestAgainMakesNothingTwiceAndAnswersTheSameTenant() {
        TenantOnboarding.Onboarded first = onboard(request("again-ins", "INSURER"));
        TenantOnboarding.Onboarded second = onboard(request("again-ins", "INSURER"));

        assertThat(second.created()).isEmpty();
        assertThat(second.organizationId()).isEqualTo(first.organizationId());
        assertThat(second.admin().userId()).isEqualTo(first.admin().userId());
        assertThat(second.client()).isEqualTo(first.client());
        assertThat(keycloak.count("POST", "/organizations")).isEqualTo(1);
        assertThat(keycloak.count("POST", "/users")).isEqualTo(1);
        assertThat(keycloak.count("POST", "/clients")).isEqualTo(1);
        assertThat(keycloak.count("POST", "/users/.*/role-mappings/realm")).isEqualTo(2);
        assertThat(keycloak.count("POST", "/organizations/.*/members")).isEqualTo(2);
        assertThat(keycloak.count("PUT", "/users/.*")).isEqualTo(1);
        assertThat(keycloak.organizations).hasSize(1);
        assertThat(keycloak.users).hasSize(2);
    }

    @Test
    void aFailureHalfWayStopsWith502NamingTheStepAndTheSameRequestAgainCompletesTheRest() {
        keycloak.failNext("POST", "/users/.*/role-mappings/realm", 500);

        assertThatThrownBy(() -> onboard(request("halfway", "PARTNER_BANK")))
                .isInstanceOfSatisfying(OnboardingIncomplete.class, failure -> {
                    assertThat(failure.status().value()).isEqualTo(502);
                    assertThat(failure.properties())
                            .containsEntry("step", "adminRole")
                            .containsEntry("tenantId", "halfway");
                    assertThat(failure.getMessage()).contains("Keycloak answered 500");
                });
        assertThat(keycloak.organizations).hasSize(1);
        assertThat(keycloak.userNamed("halfway-admin")).isPresent();
        assertThat(keycloak.clients).isEmpty();

        // Then the admin's membership fails, then the client's service account's attribute: what is done stays done.
        keycloak.failNext("POST", "/organizations/.*/members", 503);
        assertThatThrownBy(() -> onboard(request("halfway", "PARTNER_BANK")))
                .isInstanceOfSatisfying(
                        OnboardingIncomplete.class,
                        failure -> assertThat(failure.properties()).containsEntry("step", "adminMembership"));
        keycloak.failNext("PUT", "/users/.*", 500);
        assertThatThrownBy(() -> onboard(request("halfway", "PARTNER_BANK")))
                .isInstanceOfSatisfying(
                        OnboardingIncomplete.class,
                        failure -> assertThat(failure.properties()).containsEntry("step", "clientAttribute"));

        TenantOnboarding.Onboarded done = onboard(request("halfway", "PARTNER_BANK"));
        assertThat(done.created()).containsExactly("clientAttribute", "clientRole", "clientMembership");
        assertThat(done.client()).isNotNull();
        assertThat(keycloak.count("POST", "/organizations")).isEqualTo(1);
        assertThat(keycloak.count("POST", "/users")).isEqualTo(1);
        assertThat(keycloak.count("POST", "/clients")).isEqualTo(1);
        assertThat(keycloak.roles.get(done.admin().userId())).containsExactly("partner_bank");
        assertThat(keycloak.members.get(done.organizationId()))
                .containsExactlyInAnyOrder(done.admin().userId(), done.client().serviceAccountUserId());
    }

    @Test
    void aLostAnswerToACreateIsFoundOnTheRetryNotMadeAgain() {
        // Keycloak made the client but its answer was lost (a 502 from a proxy, say).
        keycloak.failNext("GET", "/clients/.*/service-account-user", 502);
        assertThatThrownBy(() -> onboard(request("lost-answer", "INSURER"))).isInstanceOf(OnboardingIncomplete.class);

        TenantOnboarding.Onboarded done = onboard(request("lost-answer", "INSURER"));
        assertThat(done.client()).isNotNull();
        assertThat(keycloak.count("POST", "/clients")).isEqualTo(1);
        assertThat(keycloak.users.get(done.client().serviceAccountUserId()))
                .containsEntry("attributes", Map.of("tenant_id", List.of("lost-answer")));
    }

    @Test
    void anExistingTenantOfAnotherKindOrNameIsAConflictAndNothingIsMadeForIt() {
        // The demo tenants of the realm file carry no kind: they are never taken over by onboarding.
        keycloak.organization("Acme Trading", "acme", Map.of("tenant_id", List.of("acme")));
        assertThatThrownBy(() -> onboard(request("acme", "MERCHANT")))
                .isInstanceOfSatisfying(TenantConflict.class, conflict -> {
                    assertThat(conflict.status().value()).isEqualTo(409);
                    assertThat(conflict.code()).isEqualTo("tenant_conflict");
                    assertThat(conflict.properties())
                            .containsEntry("field", "tenantId")
                            .containsEntry("tenantId", "acme");
                });

        onboard(request("kinds", "MERCHANT"));
        assertThatThrownBy(() -> onboard(request("kinds", "INSURER")))
                .isInstanceOfSatisfying(
                        TenantConflict.class,
                        conflict -> assertThat(conflict.getMessage()).contains("kind MERCHANT"));
        assertThat(keycloak.userNamed("acme-admin")).isEmpty();
        assertThat(keycloak.clients).isEmpty();
    }

    @Test
    void anAliasTakenByAnOrganizationOfNoTenantIsAConflictNamingTheTenantId() {
        keycloak.organization("Somebody", "taken", Map.of());

        assertThatThrownBy(() -> onboard(request("taken", "MERCHANT")))
                .isInstanceOfSatisfying(
                        TenantConflict.class,
                        conflict -> assertThat(conflict.properties()).containsEntry("field", "tenantId"));
        assertThat(keycloak.organizations).hasSize(1);
    }

    @Test
    void anAdminUserNameOrEmailOfAnotherTenantIsAConflictNamingTheField() {
        keycloak.user("shared-admin", "someone@other.example.com", "other");
        TenantRequest named = new TenantRequest(
                "name-clash",
                "MERCHANT",
                "Name Clash",
                null,
                new TenantRequest.Admin("shared-admin", "x@name-clash.example.com", "A", "B", "Temporary-Pass-1"),
                null,
                null);
        assertThatThrownBy(() -> onboard(named))
                .isInstanceOfSatisfying(
                        TenantConflict.class,
                        conflict -> assertThat(conflict.properties()).containsEntry("field", "admin.username"));
        assertThat(keycloak.users.get(
                        keycloak.userNamed("shared-admin").orElseThrow().get("id")))
                .containsEntry("attributes", Map.of("tenant_id", List.of("other")));

        keycloak.user("somebody", "boss@mail-clash.example.com", "other");
        TenantRequest mailed = new TenantRequest(
                "mail-clash",
                "MERCHANT",
                "Mail Clash",
                null,
                new TenantRequest.Admin("mail-admin", "boss@mail-clash.example.com", "A", "B", "Temporary-Pass-1"),
                null,
                null);
        assertThatThrownBy(() -> onboard(mailed))
                .isInstanceOfSatisfying(
                        TenantConflict.class,
                        conflict -> assertThat(conflict.properties()).containsEntry("field", "admin.email"));
    }

    @Test
    void aClientIdOfAnotherTenantIsAConflict() {
        onboard(request("bank-one", "PARTNER_BANK"));
        // Somebody's client of the id the new bank's would have.
        keycloak.client("bank-one-api").orElseThrow().put("attributes", Map.of("tenant_id", "elsewhere"));

        assertThatThrownBy(() -> onboard(request("bank-one", "PARTNER_BANK"))).isInstanceOf(TenantConflict.class);
    }

    @Test
    void keycloakUnreachableIs502AtTheFirstStep() {
        TenantOnboarding unreachable = new TenantOnboarding(
                new KeycloakAdmin(
                        WebClient.create(),
                        java.net.URI.create("http://127.0.0.1:9/admin/realms/thaw"),
                        () -> Mono.just("t")),
                (tenantId, plan, referredBy) -> Mono.just("X"));

        assertThatThrownBy(() -> unreachable
                        .onboard(request("nowhere", "MERCHANT").validated(Set.of()))
                        .block(Duration.ofSeconds(30)))
                .isInstanceOfSatisfying(
                        OnboardingIncomplete.class,
                        failure -> assertThat(failure.properties()).containsEntry("step", "organization"));
    }

    @Test
    void theAdminBaseIsTheRealmsUnderAdmin() {
        assertThat(KeycloakAdmin.adminBase(
                        java.net.URI.create("http://kc:8180/realms/thaw/protocol/openid-connect/certs")))
                .hasToString("http://kc:8180/admin/realms/thaw");
    }
}
