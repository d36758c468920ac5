package app.thaw.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import app.thaw.gateway.routing.ServiceBreakerGatewayFilterFactory;
import app.thaw.platform.testing.TestTokens;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;

/**
 * The front door's resilience against a real HTTP stand-in for the services: the service's answers pass
 * through unchanged, the breaker opens only on the service's own failures and closes when it recovers,
 * and limits per client and per tenant refuse with 429 without touching the breaker.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "thaw.gateway.limits.burst=1000",
            "thaw.gateway.limits.sustained=1000",
            "thaw.gateway.limits.max-in-flight=2",
            "thaw.gateway.limits.tenant-burst=30",
            "thaw.gateway.limits.tenant-sustained=1",
            "thaw.gateway.limits.per=1m",
            "thaw.gateway.limits.tenant-max-in-flight=1000",
            "thaw.gateway.resilience.sliding-window-size=4",
            "thaw.gateway.resilience.minimum-number-of-calls=4",
            "thaw.gateway.resilience.wait-in-open-state=1s",
            "thaw.gateway.resilience.calls-in-half-open-state=1",
            "spring.cloud.gateway.server.webflux.httpclient.response-timeout=700ms"
        })
class GatewayResilienceTests {

    static final TestTokens tokens = new TestTokens();
    /** What the stand-in answers on /api/v1/cases/** (status), and how many calls reached it. */
    static final AtomicInteger caseStatus = new AtomicInteger(200);

    static final AtomicInteger caseCalls = new AtomicInteger();
    /** Held answers: /api/v1/notifications/hold waits for this. */
    static final AtomicReference<Sinks.Empty<Void>> release = new AtomicReference<>(Sinks.empty());

    static final DisposableServer services = HttpServer.create()
            .host("127.0.0.1")
            .port(0)
            .route(routes -> routes.get("/api/v1/cases/answer/{status}", (request, response) -> {
                        caseCalls.incrementAndGet();
                        int status = Integer.parseInt(request.param("status"));
                        return response.status(status)
                                .header("Content-Type", "application/problem+json")
                                .header("Retry-After", "7")
                                .sendString(Mono.just("{\"code\":\"from_service\",\"status\":" + status + "}"))
                                .then();
                    })
                    .get("/api/v1/cases/whoami", (request, response) -> {
                        caseCalls.incrementAndGet();
                        return response.status(caseStatus.get())
                                .header("Content-Type", "application/json")
                                .sendString(Mono.just("{\"from\":\"case-service\"}"))
                                .then();
                    })
                    .get(
                            "/api/v1/monitor/slow",
                            (request, response) -> Mono.delay(Duration.ofSeconds(3))
                                    .then(response.sendString(Mono.just("late")).then()))
                    .get(
                            "/api/v1/notifications/hold",
                            (request, response) -> release.get()
                                    .asMono()
                                    .then(response.sendString(Mono.just("released"))
                                            .then()))
                    // evidence-service refusing an upload at once, from its headers, without reading the body.
                    .post(
                            "/api/v1/evidence/cases/{caseId}/items",
                            (request, response) -> response.status(413)
                                    .header("Content-Type", "application/problem+json")
                                    .sendString(Mono.just("{\"code\":\"evidence_too_large\",\"maxBytes\":1024}"))
                                    .then()))
            .bindNow();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("thaw.security.jwk-set-uri", tokens::jwkSetUri);
        String url = "http://127.0.0.1:" + services.port();
        registry.add("THAW_CASES_URL", () -> url);
        registry.add("THAW_EVIDENCE_URL", () -> url);
        registry.add("THAW_NOTIFICATIONS_URL", () -> url);
        registry.add("THAW_MONITOR_URL", () -> url);
    }

    @AfterAll
    static void stop() {
        services.disposeNow();
        tokens.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    ServiceBreakerGatewayFilterFactory breakers;

    @BeforeEach
    void healthyServices() {
        caseStatus.set(200);
        breakers.breaker("cases").reset();
        breakers.breaker("monitor").reset();
    }

    @Test
    void everyAnswerOfTheServicePassesThroughUnchanged() {
        String token = tokenFor("passing", "passer");
        for (int status : List.of(400, 403, 404, 409, 413, 422, 500, 503)) {
            breakers.breaker("cases").reset();
            Answer answer = get("/api/v1/cases/answer/" + status, token);
            assertThat(answer.status()).as("status %d", status).isEqualTo(status);
            assertThat(answer.body()).isEqualTo("{\"code\":\"from_service\",\"status\":" + status + "}");
            assertThat(answer.headers().get(HttpHeaders.CONTENT_TYPE)).isEqualTo("application/problem+json");
            assertThat(answer.headers().get(HttpHeaders.RETRY_AFTER)).isEqualTo("7");
        }
    }

    @Test
    void theBreakerOpensOnlyOnTheServicesOwnFailuresAndClosesWhenItRecovers() {
        String token = tokenFor("watching", "breaker-watcher");
        CircuitBreaker breaker = breakers.breaker("cases");
        // Answers the caller caused (4xx) are the service working: the breaker stays closed.
        for (int i = 0; i < 6; i++) {
            assertThat(get("/api/v1/cases/answer/404", token).status()).isEqualTo(404);
        }
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isZero();

        // The service fails: each 500 reaches the caller as the service's own answer, until the breaker
        // opens (half of the last 4 calls failed).
        caseStatus.set(500);
        for (int i = 0; i < 2; i++) {
            Answer failed = get("/api/v1/cases/whoami", token);
            assertThat(failed.status())
                    .as(
                            "call %d: %s, breaker %s",
                            i, failed.body(), breaker.getMetrics().getNumberOfFailedCalls())
                    .isEqualTo(500);
        }
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        int reached = caseCalls.get();
        Answer paused = get("/api/v1/cases/whoami", token);
        assertThat(paused.status()).isEqualTo(503);
        assertThat(paused.body()).contains("\"code\":\"service_unavailable\"", "\"service\":\"cases\"", "pausing");
        assertThat(paused.headers().get(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
        assertThat(caseCalls.get()).as("an open breaker forwards nothing").isEqualTo(reached);

        // The service recovers: after the wait, a trial call goes through and closes the breaker.
        caseStatus.set(200);
        Awaitility.await()
                .atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> get("/api/v1/cases/whoami", token).status() == 200);
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void aServiceThatDoesNotAnswerInTimeIsA503AndAFailureOfThatServiceOnly() {
        String token = tokenFor("patient", "patient-one");
        Answer late = get("/api/v1/monitor/slow", token);
        assertThat(late.status()).isEqualTo(503);
        assertThat(late.body()).contains("\"service\":\"monitor\"", "did not answer in time", "Idempotency-Key");
        assertThat(breakers.breaker("monitor").getMetrics().getNumberOfFailedCalls())
                .isEqualTo(1);
        assertThat(breakers.breaker("cases").getMetrics().getNumberOfFailedCalls())
                .isZero();
    }

    @Test
    void aTenantOverItsSharedLimitIsRefusedWhileOtherTenantsAreServedAndNoBreakerCounts() {
        // Thirty different clients of one tenant use up the tenant's burst of 30; one more client is refused.
        for (int i = 0; i < 30; i++) {
            assertThat(get("/api/v1/cases/whoami", tokenFor("flooder", "client-" + i))
                            .status())
                    .isEqualTo(200);
        }
        Answer refused = get("/api/v1/cases/whoami", tokenFor("flooder", "client-30"));
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.body()).contains("\"code\":\"rate_limited\"", "this tenant");
        assertThat(refused.headers().get(HttpHeaders.RETRY_AFTER)).isNotBlank();
        // Another tenant is untouched by it.
        assertThat(get("/api/v1/cases/whoami", tokenFor("quiet", "client-0")).status())
                .isEqualTo(200);
        assertThat(breakers.breaker("cases").getMetrics().getNumberOfFailedCalls())
                .isZero();
    }

    @Test
    void aClientWithTooManyCallsInFlightIsRefusedAtOnceAndServedAgainWhenTheyEnd() {
        String token = tokenFor("holder-tenant", "busy");
        release.set(Sinks.empty());
        List<Mono<Answer>> held = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Mono<Answer> call = getAsync("/api/v1/notifications/hold", token).cache();
            call.subscribe();
            held.add(call);
        }
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> {
            Answer third = get("/api/v1/cases/whoami", token);
            return third.status() == 429 && third.body().contains("in progress at once: at most 2");
        });
        // Another client of the same tenant is not affected by this client's cap.
        assertThat(get("/api/v1/cases/whoami", tokenFor("holder-tenant", "other"))
                        .status())
                .isEqualTo(200);
        release.get().tryEmitEmpty();
        for (Mono<Answer> call : held) {
            assertThat(call.block(Duration.ofSeconds(5)).status()).isEqualTo(200);
        }
        assertThat(get("/api/v1/cases/whoami", token).status()).isEqualTo(200);
    }

    /**
     * On both paths (the data plane, and the full path a cookie sends it to). {@code GatewayTests} checks that
     * a caller's {@code Expect: 100-continue} is not relayed: with it, such a service closed the connection
     * under the gateway's upload and the answer became a 503.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"data plane", "full path"})
    void anUploadTheServiceRefusesAtOnceGetsTheServicesAnswerNotA503(String how) throws Exception {
        String token = tokenFor("uploader", "uploader");
        byte[] body = new byte[16 * 1024 * 1024]; // sent while the service has long answered
        try (java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1)
                .build()) {
            for (int attempt = 0; attempt < 4; attempt++) {
                java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(
                                java.net.URI.create("http://127.0.0.1:" + port + "/api/v1/evidence/cases/c-1/items"))
                        .timeout(Duration.ofSeconds(20))
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                        .header(HttpHeaders.CONTENT_TYPE, MediaType.TEXT_PLAIN_VALUE)
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body));
                if (how.startsWith("full path")) {
                    request.header(HttpHeaders.COOKIE, "lang=en");
                }
                java.net.http.HttpResponse<String> answer =
                        client.send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
                assertThat(answer.statusCode())
                        .as("attempt %d: %s", attempt, answer.body())
                        .isEqualTo(413);
                assertThat(answer.body()).contains("evidence_too_large");
            }
        }
        assertThat(breakers.breaker("evidence").getMetrics().getNumberOfFailedCalls())
                .isZero();
    }

    // ---- a plain HTTP client, so what the gateway sends is seen as a real caller sees it ----

    record Answer(int status, String body, java.util.Map<String, String> headers) {}

    private Answer get(String path, String token) {
        return getAsync(path, token).block(Duration.ofSeconds(10));
    }

    private Mono<Answer> getAsync(String path, String token) {
        return HttpClient.create()
                .headers(h -> h.set(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .get()
                .uri("http://127.0.0.1:" + port + path)
                .responseSingle((response, content) -> content.asString()
                        .defaultIfEmpty("")
                        .map(text -> new Answer(response.status().code(), text, headers(response.responseHeaders()))));
    }

    private static java.util.Map<String, String> headers(io.netty.handler.codec.http.HttpHeaders headers) {
        java.util.Map<String, String> copy = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach(entry -> copy.putIfAbsent(entry.getKey(), entry.getValue()));
        return copy;
    }

    private static String tokenFor(String tenant, String subject) {
        return tokens.token(
                List.of("merchant_admin"), claims -> claims.subject(subject).claim("tenant_id", tenant));
    }
}
