package app.thaw.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import app.thaw.platform.testing.ApiAnswers;
import app.thaw.systemtests.support.Keycloak;
import app.thaw.systemtests.support.ThawPlatform;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

/**
 * The walking skeleton, as a partner bank's developer or a merchant would try it: real tokens
 * from the real Keycloak, through the gateway to every service, and the ways a call is refused.
 */
@ExtendWith(ThawPlatform.class)
@Order(10)
class WalkingSkeletonIT {

    static ThawPlatform platform;
    static Keycloak keycloak;
    static WebTestClient gateway;

    @BeforeAll
    static void connect(ThawPlatform running) {
        platform = running;
        keycloak = new Keycloak(running);
        gateway = client(running.gatewayUrl());
    }

    @Test
    void aCallWithoutATokenAnswers401ProblemAtTheGatewayAndAtAServiceDirectly() {
        for (WebTestClient entry : List.of(gateway, client(platform.serviceUrl("case-service")))) {
            ApiAnswers.unauthenticated(entry.get().uri("/api/v1/cases/whoami").exchange());
        }
    }

    @Test
    void aPartnerBanksMachineClientReachesEveryServiceWithItsTenantAndRole() {
        String token = keycloak.clientToken("demo-bank", "demo-bank-secret");
        ThawPlatform.SERVICES.forEach((area, service) -> whoami(area, token)
                .jsonPath("$.service")
                .isEqualTo(service)
                .jsonPath("$.tenantId")
                .isEqualTo("bank-demo")
                .jsonPath("$.clientId")
                .isEqualTo("demo-bank")
                .jsonPath("$.roles")
                .isEqualTo(List.of("partner_bank")));
    }

    @Test
    void aMerchantUserReachesEveryServiceWithItsTenantAndRole() {
        String token = keycloak.userToken("acme-admin");
        ThawPlatform.SERVICES.forEach((area, service) -> whoami(area, token)
                .jsonPath("$.service")
                .isEqualTo(service)
                .jsonPath("$.tenantId")
                .isEqualTo("acme")
                .jsonPath("$.username")
                .isEqualTo("acme-admin")
                .jsonPath("$.roles")
                .isEqualTo(List.of("merchant_admin")));
    }

    @Test
    void usersOfTwoMerchantTenantsAndStaffCarryTheirOwnTenant() {
        whoami("cases", keycloak.userToken("globex-member"))
                .jsonPath("$.tenantId")
                .isEqualTo("globex")
                .jsonPath("$.roles")
                .isEqualTo(List.of("merchant_member"));
        whoami("cases", keycloak.userToken("compliance"))
                .jsonPath("$.tenantId")
                .isEqualTo("thaw")
                .jsonPath("$.roles")
                .isEqualTo(List.of("compliance_officer"));
        whoami("evidence", keycloak.clientToken("demo-insurer", "demo-insurer-secret"))
                .jsonPath("$.tenantId")
                .isEqualTo("insurer-demo")
                .jsonPath("$.roles")
                .isEqualTo(List.of("insurer"));
    }

    @Test
    void anExpiredTokenIsRefused() {
        // thaw-test-expiring issues tokens that live one second; the services allow 5 s of clock skew.
        String token = keycloak.passwordToken("thaw", "thaw-test-expiring", "acme-member", Keycloak.DEMO_PASSWORD);
        Awaitility.await("the token to expire")
                .atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> gateway.get()
                                .uri("/api/v1/cases/whoami")
                                .headers(h -> h.setBearerAuth(token))
                                .exchange()
                                .returnResult(String.class)
                                .getStatus()
                                .value()
                        == 401);
        refused("/api/v1/cases/whoami", token, "expired");
    }

    @Test
    void aTokenFromAnotherRealmIsRefused() {
        String masterToken = keycloak.passwordToken("master", "admin-cli", "admin", "admin");
        refused("/api/v1/cases/whoami", masterToken, "rejected");
        refusedDirectly("case-service", "/api/v1/cases/whoami", masterToken);
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        String token = keycloak.passwordToken("thaw", "thaw-test-other-audience", "acme-admin", Keycloak.DEMO_PASSWORD);
        refused("/api/v1/monitor/whoami", token, "aud");
        refusedDirectly("identity-monitor", "/api/v1/monitor/whoami", token);
    }

    @Test
    void anUnsignedTokenWithAlgNoneIsRefused() {
        String real = keycloak.userToken("platform-admin");
        String header =
                Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes());
        String unsigned = header + "." + real.split("\\.")[1] + ".";
        refused("/api/v1/evidence/whoami", unsigned, "rejected");
        refusedDirectly("evidence-service", "/api/v1/evidence/whoami", unsigned);
    }

    @Test
    void aStoppedServiceMakesTheGatewayAnswer503ProblemWithin2Seconds() {
        String token = keycloak.userToken("supervisor");
        platform.stopService("notification-service");
        try {
            long started = System.nanoTime();
            ApiAnswers.serviceUnavailable(
                    gateway.get()
                            .uri("/api/v1/notifications/whoami")
                            .headers(h -> h.setBearerAuth(token))
                            .exchange(),
                    "notifications");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        } finally {
            platform.startService("notification-service");
        }
        whoami("notifications", token).jsonPath("$.service").isEqualTo("notification-service");
    }

    @Test
    void aBurstBeyondTheRateLimitGets429WithRetryAfter() {
        String token = keycloak.userToken("bank-analyst");
        WebClient web = WebClient.create(platform.gatewayUrl());
        List<Map.Entry<Integer, String>> answers = Flux.range(0, ThawPlatform.RATE_LIMIT_BURST + 40)
                .flatMap(
                        i -> web.get()
                                .uri("/api/v1/cases/whoami")
                                .headers(h -> h.setBearerAuth(token))
                                .exchangeToMono(response -> response.bodyToMono(String.class)
                                        .defaultIfEmpty("")
                                        .map(body -> Map.entry(
                                                response.statusCode().value(),
                                                String.valueOf(response.headers()
                                                                .asHttpHeaders()
                                                                .getFirst(HttpHeaders.RETRY_AFTER))
                                                        + " " + body))),
                        16)
                .collectList()
                .block(Duration.ofSeconds(60));
        assertThat(answers).isNotNull();
        assertThat(answers)
                .filteredOn(answer -> answer.getKey() == 200)
                .hasSizeGreaterThanOrEqualTo(ThawPlatform.RATE_LIMIT_BURST);
        assertThat(answers)
                .filteredOn(answer -> answer.getKey() == 429)
                .isNotEmpty()
                .allSatisfy(answer -> assertThat(answer.getValue()).matches("\\d+ .*\"code\":\"rate_limited\".*"));
    }

    @Test
    void traceContextCrossesTheGatewayIntoTheService() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        gateway.get()
                .uri("/api/v1/cases/no-such-thing")
                .headers(h -> {
                    h.setBearerAuth(keycloak.userToken("agent"));
                    h.set("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01");
                })
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody()
                // The 404 is the case service's own answer: its trace id is the caller's.
                .jsonPath("$.traceId")
                .isEqualTo(traceId);
    }

    @Test
    void theGatewayServesEachServicesApiDocumentAndSwaggerUi() {
        ThawPlatform.SERVICES.forEach((area, service) -> gateway.get()
                .uri("/openapi/" + area)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.info.title")
                .isEqualTo("Thaw " + service)
                .jsonPath("$.servers[0].url")
                .isEqualTo(platform.gatewayUrl())
                .jsonPath("$.paths['/api/v1/" + area + "/whoami']")
                .exists());
        gateway.get().uri("/swagger-ui/index.html").exchange().expectStatus().isOk();
    }

    private static WebTestClient.BodyContentSpec whoami(String area, String token) {
        return gateway.get()
                .uri("/api/v1/" + area + "/whoami")
                .headers(h -> h.setBearerAuth(token))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody();
    }

    private static void refused(String path, String token, String reason) {
        gateway.get()
                .uri(path)
                .headers(h -> h.setBearerAuth(token))
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("invalid_token")
                .jsonPath("$.detail")
                .value(detail -> assertThat((String) detail).contains(reason));
    }

    private static void refusedDirectly(String service, String path, String token) {
        client(platform.serviceUrl(service))
                .get()
                .uri(path)
                .headers(h -> h.setBearerAuth(token))
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("invalid_token");
    }

    private static WebTestClient client(String baseUrl) {
        return WebTestClient.bindToServer()
                .baseUrl(baseUrl)
                .responseTimeout(Duration.ofSeconds(15))
                .build();
    }
}
