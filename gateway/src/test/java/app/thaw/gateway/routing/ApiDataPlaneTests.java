package app.thaw.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import app.thaw.gateway.StandInService;
import app.thaw.platform.testing.TestTokens;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API's data plane (ADR 104): which calls it serves, and that what it answers is what the full WebFlux
 * path answers for the same call. The gateway's behaviour as a whole (routes, limits, breakers, streaming)
 * is {@code GatewayTests} and {@code GatewayResilienceTests}, whose API calls now run on the data plane.
 * Requests here go over raw HTTP (Reactor Netty's client), so a path reaches the gateway exactly as written.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiDataPlaneTests {

    static final TestTokens tokens = new TestTokens();
    static final Queue<HttpHeaders> received = new ConcurrentLinkedQueue<>();
    static final DisposableServer caseService = StandInService.start(
            received,
            (request, response) -> response.header("Content-Type", "application/json")
                    .header("X-From-Service", "yes")
                    .sendString(Mono.just("{\"path\":\"" + request.uri() + "\"}"))
                    .then());

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("thaw.security.jwk-set-uri", tokens::jwkSetUri);
        registry.add("THAW_CASES_URL", () -> "http://127.0.0.1:" + caseService.port());
    }

    @AfterAll
    static void stop() {
        caseService.disposeNow();
        tokens.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    record Answer(int status, HttpHeaders headers, String body) {
        JsonNode json() {
            return JsonMapper.builder().build().readTree(body);
        }
    }

    Answer get(String rawUri, Map<String, String> headers) {
        return HttpClient.create()
                .headers(h -> headers.forEach(h::add))
                .get()
                .uri("http://127.0.0.1:" + port + rawUri)
                .responseSingle((response, body) -> body.asString()
                        .defaultIfEmpty("")
                        .map(text -> {
                            HttpHeaders copy = new HttpHeaders();
                            response.responseHeaders().forEach(h -> copy.add(h.getKey(), h.getValue()));
                            return new Answer(response.status().code(), copy, text);
                        }))
                .block();
    }

    /**
     * Calls the data plane has timed, once the count has settled: a call is timed when it ends, which may be just
     * after its caller has read the answer.
     */
    double servedByDataPlane() {
        double last = -1;
        for (int reads = 0; reads < 30; reads++) {
            double now = meters.find("thaw.gateway.requests").timers().stream()
                    .mapToDouble(Timer::count)
                    .sum();
            if (now == last) {
                return now;
            }
            last = now;
            try {
                Thread.sleep(100);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return now;
            }
        }
        return last;
    }

    String token(String subject) {
        return tokens.token(List.of("merchant_admin"), claims -> claims.subject(subject));
    }

    @Test
    void anAuthenticatedApiCallIsServedByTheDataPlaneAndReachesTheService() {
        double before = servedByDataPlane();
        received.clear();
        Answer answer = get("/api/v1/cases/whoami?page=2&size=10", Map.of("Authorization", "Bearer " + token("plain")));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("path").asString()).isEqualTo("/api/v1/cases/whoami?page=2&size=10");
        assertThat(answer.headers().getFirst("X-From-Service")).isEqualTo("yes");
        assertThat(answer.headers().getFirst("X-RateLimit-Remaining")).isNotNull();
        assertThat(servedByDataPlane()).isEqualTo(before + 1);
        HttpHeaders seen = received.poll();
        assertThat(seen).isNotNull();
        assertThat(seen.getFirst(HttpHeaders.HOST)).isEqualTo("127.0.0.1:" + caseService.port());
        assertThat(seen.getFirst("X-Forwarded-For")).isEqualTo("127.0.0.1");
        assertThat(seen.getFirst("traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
    }

    /**
     * Requests the data plane leaves to the full path: each is still answered there (routed or refused, as
     * before), and none is counted as the data plane's.
     */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api/v1/cases/../cases/whoami",
                "/api/v1/cases/./whoami",
                "/api/v1/cases//whoami",
                "/api/v1/cases/%2e%2e/whoami",
                "/api/v1/cases/who%61mi",
                "/api/v1/cases/whoami;jsessionid=1",
                "/api/v1/cases/whoami?name=%00",
                "/api/v1/cases/whoami?name=%EF%BC%A1", // full-width A, percent-encoded
                "/api/v1/cases/whoami?access_token=x",
                "/api/v1/monitor/admin/tenants",
                "/api/v1/evidence/dossiers/jwks.json",
                "/api/v2/cases/whoami",
                "/apix/v1/cases/whoami",
            })
    void requestsWithAnythingToDecodeNormaliseOrDecideAreLeftToTheFullPath(String rawUri) {
        double before = servedByDataPlane();
        Answer answer = get(rawUri, Map.of("Authorization", "Bearer " + token("odd-paths")));
        assertThat(answer.status()).isBetween(200, 599);
        assertThat(servedByDataPlane()).as(rawUri).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Cookie: lang=en",
                "Authorization: bearer-ish",
                "Authorization: Basic YTpi",
                "Authorization: Bearer a b",
                "Authorization: Bearer ＡＢＣ", // full-width letters
                "Upgrade: websocket",
            })
    void requestsWithACookieAnUpgradeOrNoWellFormedBearerTokenAreLeftToTheFullPath(String header) {
        double before = servedByDataPlane();
        String name = header.substring(0, header.indexOf(':'));
        String value = header.substring(header.indexOf(':') + 2);
        Map<String, String> headers = name.equals("Authorization")
                ? Map.of(name, value)
                : Map.of("Authorization", "Bearer " + token("odd-headers"), name, value);
        Answer answer = get("/api/v1/cases/whoami", headers);
        assertThat(answer.status()).isBetween(200, 599);
        assertThat(servedByDataPlane()).as(header).isEqualTo(before);
    }

    @Test
    void aTraversalLeftToTheFullPathIsStillRefusedThere() {
        Answer answer =
                get("/api/v1/cases/%2e%2e/evidence/whoami", Map.of("Authorization", "Bearer " + token("walker")));
        assertThat(answer.status()).isEqualTo(400);
    }

    /** The same rejected token, once on the data plane and once (with a cookie) on the full path: one answer. */
    @Test
    void aRejectedTokenGetsTheSameProblemOnBothPaths() {
        String expired = tokens.token(
                List.of("merchant_admin"),
                claims -> claims.subject("late")
                        .issueTime(Date.from(Instant.now().minusSeconds(7200)))
                        .expirationTime(Date.from(Instant.now().minusSeconds(3600))));
        double before = servedByDataPlane();
        Answer lean = get("/api/v1/cases/whoami", Map.of("Authorization", "Bearer " + expired));
        assertThat(servedByDataPlane()).isEqualTo(before + 1);
        Answer full = get("/api/v1/cases/whoami", Map.of("Authorization", "Bearer " + expired, "Cookie", "lang=en"));
        assertThat(servedByDataPlane()).isEqualTo(before + 1);

        assertThat(lean.status()).isEqualTo(401).isEqualTo(full.status());
        assertThat(lean.headers().getFirst("WWW-Authenticate"))
                .isEqualTo(full.headers().getFirst("WWW-Authenticate"));
        assertThat(lean.headers().getFirst(HttpHeaders.CONTENT_TYPE)).isEqualTo("application/problem+json");
        for (String field : List.of("type", "title", "status", "detail", "code", "instance")) {
            assertThat(lean.json().get(field)).as(field).isEqualTo(full.json().get(field));
        }
        assertThat(lean.json().get("detail").asString()).contains("expired");
        // The headers Spring Security writes on the full path's answers are on the data plane's too.
        for (String header : List.of(
                "Cache-Control",
                "Pragma",
                "Expires",
                "X-Content-Type-Options",
                "X-Frame-Options",
                "X-XSS-Protection",
                "Referrer-Policy")) {
            assertThat(lean.headers().getFirst(header))
                    .as(header)
                    .isEqualTo(full.headers().getFirst(header));
        }
    }

    @Test
    void aTokenOfAnotherIssuerIsRefusedOnTheDataPlane() {
        String foreign =
                tokens.token(List.of("merchant_admin"), claims -> claims.issuer("http://evil.example/realms/thaw"));
        Answer answer = get("/api/v1/cases/whoami", Map.of("Authorization", "Bearer " + foreign));
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.json().get("code").asString()).isEqualTo("invalid_token");
        assertThat(answer.json().get("traceId")).isNotNull();
    }

    @Test
    void plainPathsAndQueriesAreTheOnesWithNothingToDecodeOrNormalise() {
        assertThat(ApiDataPlane.isPlainPath("/api/v1/cases/3f0c-11/timeline")).isTrue();
        assertThat(ApiDataPlane.isPlainPath("/api/v1/cases/a.b/c..d/e~f")).isTrue();
        for (String odd : List.of(
                "/api/v1/cases/..",
                "/api/v1/cases/.",
                "/api/v1/cases/../x",
                "/api/v1/cases/./x",
                "/api//v1",
                "/api/v1/cases/a%2Fb",
                "/api/v1/cases/a\\b",
                "/api/v1/cases/a;b",
                "/api/v1/cases/ａ",
                "/api/v1/cases/a b",
                "/api/v1/cases/\u0000")) {
            assertThat(ApiDataPlane.isPlainPath(odd)).as(odd).isFalse();
        }
        assertThat(ApiDataPlane.isPlainQuery("page=2&size=10&sort=-openedAt,reference"))
                .isTrue();
        for (String odd : List.of("q=%41", "q=a b", "q=\u0001", "q=ａ", "q=a#b")) {
            assertThat(ApiDataPlane.isPlainQuery(odd)).as(odd).isFalse();
        }
    }
}
