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
import org.junit.jupiter.params.provider.CsvSource;
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
            "spring.cloud.gateway.server.webflux.httpclient.response-timeout=700ms",
            // Above the 32 MiB bodies below, far under the 1 GiB the endless callers below would send.
            "thaw.gateway.lingering-close.max-bytes=40MB",
            "thaw.gateway.lingering-close.max-time=10s",
            "thaw.gateway.lingering-close.idle-timeout=4s"
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
                    // evidence-service refusing an upload at once, from its headers, without reading the body:
                    // 404 for a case it does not know, else 413 over the tenant's limit.
                    .post(
                            "/api/v1/evidence/cases/{caseId}/items",
                            (request, response) -> "unknown".equals(request.param("caseId"))
                                    ? response.status(404)
                                            .header("Content-Type", "application/problem+json")
                                            .sendString(Mono.just("{\"code\":\"case_not_found\"}"))
                                            .then()
                                    : response.status(413)
                                            .header("Content-Type", "application/problem+json")
                                            .sendString(
                                                    Mono.just("{\"code\":\"evidence_too_large\",\"maxBytes\":1024}"))
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
                java.net.http.HttpRequest.Builder request = upload(how, "c-1", token, body);
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

    /** An upload of {@code body} to a case's items by the JDK's client, on the data plane or (with a cookie) the full path. */
    private java.net.http.HttpRequest.Builder upload(String how, String caseId, String token, byte[] body) {
        java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + port + "/api/v1/evidence/cases/" + caseId + "/items"))
                .timeout(Duration.ofSeconds(20))
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .header(HttpHeaders.CONTENT_TYPE, MediaType.TEXT_PLAIN_VALUE)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body));
        if (how.startsWith("full path")) {
            request.header(HttpHeaders.COOKIE, "lang=en");
        }
        return request;
    }

    /**
     * A caller that itself sends {@code Expect: 100-continue} (the JDK's client with {@code expectContinue}) gets
     * the gateway's {@code 100}, starts its body, and is refused by the service long before the body ends. The
     * gateway answers with {@code Connection: close}; closed with the body still arriving, the connection was
     * reset under the caller, which lost the answer ({@code LingeringClose} reads the rest first).
     */
    @ParameterizedTest(name = "{0}, {1}")
    @CsvSource({"data plane, c-1, 413", "data plane, unknown, 404", "full path, c-1, 413", "full path, unknown, 404"})
    void aCallerThatExpectsContinueGetsTheServicesRefusalOfItsUploadEveryTime(String how, String caseId, int status)
            throws Exception {
        String token = tokenFor(
                "expecting-" + how.replace(' ', '-') + "-" + caseId,
                "expecting"); // a tenant per case: within its burst (30)
        byte[] body = new byte[32 * 1024 * 1024]; // still being written when the answer comes
        List<String> lost = new ArrayList<>();
        int attempts = 6;
        for (int attempt = 0; attempt < attempts; attempt++) {
            // A new client each time: a fresh connection, as the answer closes it.
            try (java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
                    .version(java.net.http.HttpClient.Version.HTTP_1_1)
                    .build()) {
                java.net.http.HttpRequest.Builder request =
                        upload(how, caseId, token, body).expectContinue(true);
                try {
                    java.net.http.HttpResponse<String> answer =
                            client.send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
                    if (answer.statusCode() != status
                            || !answer.body().contains(status == 404 ? "case_not_found" : "evidence_too_large")) {
                        lost.add("attempt " + attempt + ": " + answer.statusCode() + " " + answer.body());
                    }
                } catch (java.io.IOException failed) {
                    lost.add("attempt " + attempt + ": " + failed);
                }
            }
        }
        assertThat(lost).as("answers lost in %d attempts", attempts).isEmpty();
        assertThat(breakers.breaker("evidence").getMetrics().getNumberOfFailedCalls())
                .isZero();
    }

    /**
     * The rest of a refused body is read, but not for ever: a caller that goes on sending past
     * {@code max-bytes} (40 MB here) is closed, whether it expected {@code 100-continue} (Reactor Netty would close
     * at once) or not (Reactor Netty would keep the connection and skip the whole body, however long). It still has
     * the service's answer.
     */
    @ParameterizedTest(name = "{0}, Expect: {1}")
    @CsvSource({"data plane, true", "data plane, false", "full path, true", "full path, false"})
    void aCallerThatGoesOnSendingFarPastTheAnswerIsClosedAfterMaxBytes(String how, boolean expect) throws Exception {
        long declared = 1L << 30;
        try (RawUpload upload = RawUpload.start(port, tokenFor("endless", "endless-" + how), how, expect, declared)) {
            long written = upload.writeUntilRefused(declared);
            String answer = upload.answer(Duration.ofSeconds(10));
            assertThat(answer).startsWith("HTTP/1.1 413").contains("evidence_too_large");
            assertThat(written)
                    .as("bytes written before the gateway closed")
                    .isGreaterThan(40L << 20)
                    .isLessThan(160L << 20);
        }
    }

    /** A 1 GiB upload on the data plane, expecting {@code 100-continue}, refused (413) after its first MiB. */
    private RawUpload refusedMidBody(String client, String user) throws Exception {
        RawUpload upload = RawUpload.start(port, tokenFor(client, user), "data plane", true, 1L << 30);
        upload.write(1 << 20);
        assertThat(upload.answer(Duration.ofSeconds(5))).startsWith("HTTP/1.1 413");
        return upload;
    }

    /**
     * A caller that stops sending after the answer is closed once it has been quiet for {@code idle-timeout} (4 s here: wide margins for a loaded CI machine).
     * The answer's end came with a FIN (a half-close), so only writing shows whether the gateway still reads.
     */
    @Test
    void aCallerThatGoesQuietAfterTheAnswerIsClosedAfterTheIdleTimeout() throws Exception {
        try (RawUpload upload = refusedMidBody("quiet-caller", "quiet")) {
            Thread.sleep(500); // a caller that pauses, under the idle timeout
            assertThat(upload.stillRead()).as("read on after a pause of 0.5 s").isTrue();
            Thread.sleep(6500); // then falls silent, past it
            assertThat(upload.stillRead()).as("read on after 6.5 s of silence").isFalse();
        }
    }

    /**
     * A caller that trickles its body, never quiet for long, is closed after {@code max-time} (10 s from the answer's
     * end, which the caller reads a little later), not before.
     */
    @Test
    void aCallerThatTricklesItsBodyAfterTheAnswerIsClosedAfterMaxTime() throws Exception {
        try (RawUpload upload = refusedMidBody("trickling", "trickler")) {
            long answered = System.nanoTime();
            long refused = answered;
            try {
                while (refused - answered < Duration.ofSeconds(25).toNanos()) {
                    upload.write(1024);
                    Thread.sleep(200); // a caller that is slow on purpose: under the 4 s idle timeout
                    refused = System.nanoTime();
                }
            } catch (java.io.IOException closed) {
                refused = System.nanoTime(); // a write reset by the gateway's close, at most two writes later
            }
            assertThat(Duration.ofNanos(refused - answered))
                    .isBetween(Duration.ofMillis(8000), Duration.ofMillis(16000));
        }
    }

    /**
     * An upload written by hand over a socket to /api/v1/evidence/cases/c-1/items (which the stand-in refuses with
     * 413 from its headers), with a thread reading what the gateway answers until it closes.
     */
    static final class RawUpload implements AutoCloseable {
        private final java.net.Socket socket;
        private final java.io.OutputStream out;
        private final java.io.ByteArrayOutputStream received = new java.io.ByteArrayOutputStream();
        /** The gateway's side has ended: a FIN (after the answer) or a reset. */
        private volatile boolean ended;

        private final byte[] chunk = new byte[64 * 1024];

        private RawUpload(java.net.Socket socket) throws java.io.IOException {
            this.socket = socket;
            this.out = socket.getOutputStream();
        }

        static RawUpload start(int port, String token, String how, boolean expect, long declared)
                throws java.io.IOException {
            RawUpload upload = new RawUpload(new java.net.Socket("127.0.0.1", port));
            String head = "POST /api/v1/evidence/cases/c-1/items HTTP/1.1\r\n"
                    + "Host: 127.0.0.1:" + port + "\r\n"
                    + "Authorization: Bearer " + token + "\r\n"
                    + "Content-Type: text/plain\r\n"
                    + "Content-Length: " + declared + "\r\n"
                    + (expect ? "Expect: 100-continue\r\n" : "")
                    + (how.startsWith("full path") ? "Cookie: lang=en\r\n" : "")
                    + "\r\n";
            upload.out.write(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            upload.out.flush();
            java.io.InputStream in = upload.socket.getInputStream();
            if (expect) {
                String interim = "HTTP/1.1 100 Continue\r\n\r\n";
                byte[] seen = in.readNBytes(interim.length());
                assertThat(new String(seen, java.nio.charset.StandardCharsets.US_ASCII))
                        .isEqualToIgnoringCase(interim);
            }
            Thread.ofVirtual().start(() -> {
                byte[] buffer = new byte[8192];
                try {
                    for (int read; (read = in.read(buffer)) >= 0; ) {
                        synchronized (upload.received) {
                            upload.received.write(buffer, 0, read);
                        }
                    }
                } catch (java.io.IOException reset) {
                    // a reset ends the answer as well
                } finally {
                    upload.ended = true;
                }
            });
            return upload;
        }

        void write(int bytes) throws java.io.IOException {
            for (int left = bytes; left > 0; left -= chunk.length) {
                out.write(chunk, 0, Math.min(left, chunk.length));
            }
            out.flush();
        }

        /** Writes until the gateway closes the connection or {@code limit} bytes went; how many went. */
        long writeUntilRefused(long limit) {
            long written = 0;
            try {
                while (written < limit) {
                    int length = (int) Math.min(chunk.length, limit - written);
                    out.write(chunk, 0, length);
                    written += length;
                }
            } catch (java.io.IOException closed) {
                // the gateway stopped reading
            }
            return written;
        }

        /** What the gateway answered: a whole answer (head, and body by its length), or what came before it closed. */
        String answer(Duration within) throws InterruptedException {
            java.util.regex.Pattern length = java.util.regex.Pattern.compile("(?i)\\r\\ncontent-length: *(\\d+)");
            long until = System.nanoTime() + within.toNanos();
            while (true) {
                boolean closed = ended;
                String text;
                synchronized (received) {
                    text = received.toString(java.nio.charset.StandardCharsets.ISO_8859_1);
                }
                int headEnd = text.indexOf("\r\n\r\n");
                java.util.regex.Matcher declared = length.matcher(text);
                boolean whole = headEnd > 0
                        && declared.find()
                        && text.length() >= headEnd + 4 + Integer.parseInt(declared.group(1));
                if (whole || closed || System.nanoTime() > until) {
                    return text;
                }
                Thread.sleep(20);
            }
        }

        /**
         * Whether the gateway still reads: two bytes 0.2 s apart, the second refused when the first met a closed
         * socket (which answers with a reset).
         */
        boolean stillRead() throws InterruptedException {
            try {
                write(1);
                Thread.sleep(200);
                write(1);
                return true;
            } catch (java.io.IOException reset) {
                return false;
            }
        }

        @Override
        public void close() throws java.io.IOException {
            socket.close();
        }
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
