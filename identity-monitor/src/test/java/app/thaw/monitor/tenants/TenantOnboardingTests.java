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

    /** A request for a tenant as the realm file has it: its name, and the admin user it holds. */
    static TenantRequest realmTenant(String tenantId, String kind, String name, String username) {
        return new TenantRequest(
                tenantId,
                kind,
                name,
                tenantId + ".example.com",
                new TenantRequest.Admin(
                        username, username + "@" + tenantId + ".example.com", "Ada", "Admin", "Temporary-Pass-1"),
                null,
                null);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aTenantOfTheRealmFileWithoutAKindIsCompletedForItsOwnAdminUserAndThenFoundAsAnyOther() {
        // As thaw-realm.json makes acme: organization with tenant_id, no kind; acme-admin carries acme, is a member.
        String acme = keycloak.organization("Acme Trading", "acme", Map.of("tenant_id", List.of("acme")));
        String acmeAdmin = keycloak.user("acme-admin", "acme-admin@acme.example.com", "acme");
        keycloak.member(acme, acmeAdmin, "merchant_admin", "default-roles-thaw");

        TenantOnboarding.Onboarded done = onboard(realmTenant("acme", "MERCHANT", "Acme Trading", "acme-admin"));

        assertThat(done.created()).containsExactly("organizationKind");
        assertThat(done.organizationId()).isEqualTo(acme);
        assertThat(done.admin().userId()).isEqualTo(acmeAdmin);
        // The kind added, nothing else of the organization lost (Keycloak's PUT replaces the whole of it).
        assertThat(keycloak.organizations.get(acme))
                .containsEntry("name", "Acme Trading")
                .containsEntry("attributes", Map.of("tenant_id", List.of("acme"), "tenant_kind", List.of("MERCHANT")))
                .containsEntry("domains", List.of(Map.of("name", "acme.example.com", "verified", false)));
        // The user is the realm's as it was: no password set, no second user, no role added.
        assertThat(keycloak.users.get(acmeAdmin)).doesNotContainKeys("credentials", "requiredActions");
        assertThat(keycloak.count("POST", "/users")).isZero();
        assertThat(keycloak.count("POST", "/organizations")).isZero();
        assertThat(keycloak.roles.get(acmeAdmin)).containsExactlyInAnyOrder("merchant_admin", "default-roles-thaw");
        assertThat(plansApplied).containsExactly("acme:null:null");

        // From then on it is a tenant like any onboarded one: the same request finds everything ...
        TenantOnboarding.Onboarded again = onboard(realmTenant("acme", "MERCHANT", "Acme Trading", "acme-admin"));
        assertThat(again.created()).isEmpty();
        assertThat(keycloak.count("PUT", "/organizations/.*")).isEqualTo(1);
        // ... and another kind is refused by the kind it now has.
        assertThatThrownBy(() -> onboard(realmTenant("acme", "INSURER", "Acme Trading", "acme-admin")))
                .isInstanceOfSatisfying(TenantConflict.class, conflict -> {
                    assertThat(conflict.properties()).containsEntry("field", "tenantId");
                    assertThat(conflict.getMessage()).contains("kind MERCHANT");
                });
    }

    @Test
    void aBankOfTheRealmFileGetsItsKindItsOwnClientAndItsPlanAndKeepsItsUsers() {
        String bank =
                keycloak.organization("Demo Partner Bank", "bank-demo", Map.of("tenant_id", List.of("bank-demo")));
        String analyst = keycloak.user("bank-analyst", "bank-analyst@bank-demo.example.com", "bank-demo");
        keycloak.member(bank, analyst, "partner_bank");

        TenantOnboarding.Onboarded done =
                onboard(realmTenant("bank-demo", "PARTNER_BANK", "Demo Partner Bank", "bank-analyst"));

        assertThat(done.created())
                .containsExactly("organizationKind", "client", "clientAttribute", "clientRole", "clientMembership");
        assertThat(done.client()).isNotNull();
        assertThat(done.client().clientId()).isEqualTo("bank-demo-api");
        assertThat(keycloak.roles.get(done.client().serviceAccountUserId())).containsExactly("partner_bank");
        assertThat(keycloak.members.get(bank))
                .containsExactlyInAnyOrder(analyst, done.client().serviceAccountUserId());
        assertThat(plansApplied).containsExactly("bank-demo:PARTNER_BANK:null");
    }

    @Test
    void aKindlessTenantIsNotCompletedWithoutItsOwnAdminUserNorAsAnotherKindNorUnderAnotherName() {
        String acme = keycloak.organization("Acme Trading", "acme", Map.of("tenant_id", List.of("acme")));
        String member = keycloak.user("acme-member", "acme-member@acme.example.com", "acme");
        keycloak.member(acme, member, "merchant_member");
        keycloak.user("globex-admin", "globex-admin@globex.example.com", "globex");
        keycloak.user("nobody", "nobody@example.com", null);

        // No such user: onboarding would make one into a tenant it did not make.
        assertThatThrownBy(() -> onboard(realmTenant("acme", "MERCHANT", "Acme Trading", "acme-boss")))
                .isInstanceOfSatisfying(TenantConflict.class, conflict -> {
                    assertThat(conflict.properties()).containsEntry("field", "admin.username");
                    assertThat(conflict.getMessage()).contains("without a kind", "acme-boss");
                });
        // Another tenant's user, or a user of no tenant.
        for (String username : List.of("globex-admin", "nobody")) {
            assertThatThrownBy(() -> onboard(realmTenant("acme", "MERCHANT", "Acme Trading", username)))
                    .isInstanceOfSatisfying(
                            TenantConflict.class,
                            conflict -> assertThat(conflict.properties()).containsEntry("field", "admin.username"));
        }
        // Its user holds a merchant's role: it is no bank.
        assertThatThrownBy(() -> onboard(realmTenant("acme", "PARTNER_BANK", "Acme Trading", "acme-member")))
                .isInstanceOfSatisfying(TenantConflict.class, conflict -> {
                    assertThat(conflict.properties()).containsEntry("field", "kind");
                    assertThat(conflict.getMessage()).contains("merchant_member", "MERCHANT", "PARTNER_BANK");
                });
        // Another name.
        assertThatThrownBy(() -> onboard(realmTenant("acme", "MERCHANT", "Acme Corp", "acme-member")))
                .isInstanceOfSatisfying(
                        TenantConflict.class,
                        conflict -> assertThat(conflict.properties()).containsEntry("field", "tenantId"));

        // Nothing changed: no kind, no user, no role, no client.
        assertThat(keycloak.organizations.get(acme)).containsEntry("attributes", Map.of("tenant_id", List.of("acme")));
        assertThat(keycloak.count("PUT", ".*")).isZero();
        assertThat(keycloak.count("POST", ".*")).isZero();
        assertThat(keycloak.roles.get(member)).containsExactly("merchant_member");
    }

    @Test
    void anOrganizationOfTheTenantsIdUnderAnotherAliasIsNoTenantToComplete() {
        // tenant_id says acme, the alias does not: not the tenant the realm file makes, so not completed.
        keycloak.organization("Acme Trading", "acme-old", Map.of("tenant_id", List.of("acme")));
        keycloak.user("acme-admin", "acme-admin@acme.example.com", "acme");

        assertThatThrownBy(() -> onboard(realmTenant("acme", "MERCHANT", "Acme Trading", "acme-admin")))
                .isInstanceOfSatisfying(
                        TenantConflict.class,
                        conflict -> assertThat(conflict.properties()).containsEntry("field", "tenantId"));
        assertThat(keycloak.count("PUT", ".*")).isZero();
    }

    @Test
    void aFailureWhileRecordingTheKindIs502AndTheSameRequestAgainCompletesIt() {
        String insurer =
                keycloak.organization("Demo Insurer", "insurer-demo", Map.of("tenant_id", List.of("insurer-demo")));
        String adjuster =
                keycloak.user("insurer-adjuster", "insurer-adjuster@insurer-demo.example.com", "insurer-demo");
        keycloak.member(insurer, adjuster, "insurer");
        keycloak.failNext("PUT", "/organizations/.*", 500);

        assertThatThrownBy(() -> onboard(realmTenant("insurer-demo", "INSURER", "Demo Insurer", "insurer-adjuster")))
                .isInstanceOfSatisfying(
                        OnboardingIncomplete.class,
                        failure -> assertThat(failure.properties()).containsEntry("step", "organizationKind"));
        assertThat(keycloak.clients).isEmpty();

        TenantOnboarding.Onboarded done =
                onboard(realmTenant("insurer-demo", "INSURER", "Demo Insurer", "insurer-adjuster"));
        assertThat(done.created()).startsWith("organizationKind", "client");
        assertThat(keycloak.organizations.get(insurer))
                .containsEntry(
                        "attributes", Map.of("tenant_id", List.of("insurer-demo"), "tenant_kind", List.of("INSURER")));
    }

    @Test
    void anExistingTenantOfAnotherKindOrNameIsAConflictAndNothingIsMadeForIt() {
        // A tenant of the realm file (no kind) asked for under another name is not completed.
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
