package app.thaw.systemtests.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.thaw.systemtests.support.ThawApi;
import app.thaw.systemtests.support.ThawPlatform;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Issue 20, ADR 64: a platform admin onboards a merchant by API through the gateway (real Keycloak:
 * organization, admin user, role, membership), its admin signs in for the first time as a person does
 * (temporary password, then Keycloak's "update password" page), and the new tenant walks journey 1 end
 * to end with Thaw's staff. The same request again, keyed or not, makes nothing twice.
 */
@ExtendWith(ThawPlatform.class)
@Order(60)
class OnboardedTenantJourneyIT {

    static final String PLATFORM_ADMIN = "platform-admin";
    static final String TEMPORARY_PASSWORD = "Temporary-Pass-1";

    /**
     * The onboarding request of a merchant {@code tenant} named {@code name} (domain {@code <tenant>.example.com})
     * whose admin, Mei Lin, is {@code admin} with the temporary password; a mutable map, for a test to add to.
     */
    static Map<String, Object> merchant(String tenant, String name, String admin) {
        return new HashMap<>(Map.of(
                "tenantId",
                tenant,
                "kind",
                "MERCHANT",
                "name",
                name,
                "domain",
                tenant + ".example.com",
                "admin",
                Map.of(
                        "username",
                        admin,
                        "email",
                        "boss@" + tenant + ".example.com",
                        "firstName",
                        "Mei",
                        "lastName",
                        "Lin",
                        "temporaryPassword",
                        TEMPORARY_PASSWORD)));
    }

    /** Onboards a merchant tenant of a fresh id by API and signs its admin in; answers the admin's user name. */
    static String onboardMerchant(ThawApi thaw, String prefix, Map<String, Object> more) {
        String tenant = prefix + UUID.randomUUID().toString().substring(0, 6);
        String admin = tenant + "-admin";
        Map<String, Object> request = merchant(tenant, "Merchant " + tenant, admin);
        request.putAll(more);
        Map<String, Object> onboarded = onboard(thaw, request, UUID.randomUUID().toString(), HttpStatus.CREATED);
        assertThat(onboarded)
                .containsEntry("tenantId", tenant)
                .containsEntry("created", List.of("organization", "adminUser", "adminRole", "adminMembership"));
        String password = "Own-" + UUID.randomUUID();
        thaw.keycloak().firstSignIn(thaw.gatewayUrl(), admin, TEMPORARY_PASSWORD, password);
        thaw.signsInWith(admin, password);
        return admin;
    }

    /**
     * Onboards as a client should: a 503 from the gateway (the service did not answer in time, the machine being
     * loaded) or a 409 {@code idempotency_key_in_progress} is sent again with the same key until it settles.
     */
    static Map<String, Object> onboard(ThawApi thaw, Map<String, Object> request, String key, HttpStatus expected) {
        long started = System.nanoTime();
        for (int attempt = 1; ; attempt++) {
            EntityExchangeResult<Map<String, Object>> result = exchange(thaw, request, key)
                    .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                    .returnResult();
            int status = result.getStatus().value();
            Map<String, Object> body = result.getResponseBody();
            boolean unsettled = status == 503
                    || (status == 409 && body != null && "idempotency_key_in_progress".equals(body.get("code")));
            if (!unsettled || attempt == 20) {
                System.out.printf(
                        "Onboarding %s answered %d after %d attempt(s), %d ms%n",
                        request.get("tenantId"), status, attempt, (System.nanoTime() - started) / 1_000_000);
                assertThat(status).as("onboarding answered %s", body).isEqualTo(expected.value());
                return body;
            }
            try {
                Thread.sleep(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    static WebTestClient.ResponseSpec exchange(ThawApi thaw, Map<String, Object> request, String key) {
        return thaw.gateway()
                .post()
                .uri("/api/v1/monitor/admin/tenants")
                .headers(h -> {
                    h.setBearerAuth(thaw.token(PLATFORM_ADMIN));
                    if (key != null) {
                        h.set("Idempotency-Key", key);
                    }
                })
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(request)
                .exchange();
    }

    @Test
    void aMerchantOnboardedByApiSignsInAndCompletesJourneyOne(ThawPlatform platform) throws IOException {
        ThawApi thaw = new ThawApi(platform);
        String tenant = "nt-" + UUID.randomUUID().toString().substring(0, 6);
        String admin = tenant + "-admin";
        Map<String, Object> request = merchant(tenant, "New Trading " + tenant, admin);
        request.put("referredBy", "bank-demo");

        // Only platform admins onboard; bad input is named field by field.
        assertThat(ThawApi.problem(
                        thaw.post("acme-admin", request, "/api/v1/monitor/admin/tenants"), HttpStatus.FORBIDDEN))
                .containsEntry("code", "forbidden");
        Map<String, Object> bad = new HashMap<>(request);
        bad.put("tenantId", "Not Valid");
        bad.put("kind", "BANK");
        assertThat(String.valueOf(ThawApi.problem(
                                thaw.post(PLATFORM_ADMIN, bad, "/api/v1/monitor/admin/tenants"), HttpStatus.BAD_REQUEST)
                        .get("errors")))
                .contains("tenantId", "Pattern", "kind", "OneOf");

        String key = UUID.randomUUID().toString();
        Map<String, Object> onboarded = onboard(thaw, request, key, HttpStatus.CREATED);
        assertThat(onboarded)
                .containsEntry("tenantId", tenant)
                .containsEntry("kind", "MERCHANT")
                .containsEntry("plan", "THAW_ASSIST")
                .containsEntry("referredBy", "bank-demo")
                .containsEntry("created", List.of("organization", "adminUser", "adminRole", "adminMembership"));
        assertThat(onboarded.toString()).doesNotContain(TEMPORARY_PASSWORD);
        // Retried with its key: the first answer; without: everything found, nothing made.
        exchange(thaw, request, key)
                .expectStatus()
                .isCreated()
                .expectHeader()
                .valueEquals("Idempotent-Replayed", "true");
        assertThat(onboard(thaw, request, null, HttpStatus.OK)).containsEntry("created", List.of());
        // The same id as another kind of tenant is a conflict, named.
        Map<String, Object> asInsurer = new HashMap<>(request);
        asInsurer.put("kind", "INSURER");
        assertThat(ThawApi.problem(exchange(thaw, asInsurer, null), HttpStatus.CONFLICT))
                .containsEntry("code", "tenant_conflict")
                .containsEntry("field", "tenantId");

        // The temporary password alone gets no token: Keycloak wants a new one first.
        assertThat(org.assertj.core.api.Assertions.catchThrowable(
                        () -> thaw.keycloak().passwordToken("thaw", "thaw-test", admin, TEMPORARY_PASSWORD)))
                .isNotNull();
        String password = "Own-" + UUID.randomUUID();
        thaw.keycloak().firstSignIn(thaw.gatewayUrl(), admin, TEMPORARY_PASSWORD, password);
        thaw.signsInWith(admin, password);

        // The new admin's token carries its tenant and role through the gateway.
        Map<String, Object> me = ThawApi.ok(thaw.get(admin, "/api/v1/cases/whoami"));
        assertThat(me.toString()).contains(tenant, "merchant_admin");
        assertThat(ThawApi.ok(thaw.get(admin, "/api/v1/subscription"))).containsEntry("plan", "THAW_ASSIST");

        // And the new tenant walks journey 1, with Thaw's staff, as acme does.
        J1MerchantRiskFreezeIT.merchantRiskFreeze(thaw, admin, "New Trading " + tenant + " Ltd.", "LL-" + tenant);
    }

    @Test
    void aBankOnboardedByApiCallsThawWithItsNewClientsToken(ThawPlatform platform) {
        ThawApi thaw = new ThawApi(platform);
        String tenant = "nb-" + UUID.randomUUID().toString().substring(0, 6);
        Map<String, Object> onboarded = onboard(
                thaw,
                Map.of(
                        "tenantId",
                        tenant,
                        "kind",
                        "PARTNER_BANK",
                        "name",
                        "New Bank " + tenant,
                        "admin",
                        Map.of(
                                "username",
                                tenant + "-analyst",
                                "email",
                                "analyst@" + tenant + ".example.com",
                                "firstName",
                                "Bo",
                                "lastName",
                                "Banks",
                                "temporaryPassword",
                                TEMPORARY_PASSWORD)),
                UUID.randomUUID().toString(),
                HttpStatus.CREATED);
        assertThat(onboarded).containsEntry("plan", "PARTNER_BANK");
        @SuppressWarnings("unchecked")
        Map<String, Object> client = (Map<String, Object>) onboarded.get("client");
        assertThat(client).containsEntry("clientId", tenant + "-api");

        // The bank's machine client gets a token at once, with its tenant and role, and Thaw takes it.
        String token = thaw.keycloak().clientToken(tenant + "-api", (String) client.get("secret"));
        Map<String, Object> me = ThawApi.body(thaw.gateway()
                .get()
                .uri("/api/v1/monitor/whoami")
                .headers(h -> h.setBearerAuth(token))
                .exchange()
                .expectStatus()
                .isOk());
        assertThat(me.toString()).contains(tenant, "partner_bank");
        assertThat(ThawApi.body(thaw.gateway()
                        .get()
                        .uri("/api/v1/subscription")
                        .headers(h -> h.setBearerAuth(token))
                        .exchange()
                        .expectStatus()
                        .isOk()))
                .containsEntry("tenantId", tenant)
                .containsEntry("plan", "PARTNER_BANK");
    }
}
