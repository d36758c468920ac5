package app.thaw.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import app.thaw.systemtests.support.Keycloak;
import app.thaw.systemtests.support.ThawApi;
import app.thaw.systemtests.support.ThawPlatform;
import io.netty.buffer.Unpooled;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * The front door under load, as callers meet it (issue 17): many callers at once get answers, never a
 * 503, while the services are healthy; one tenant flooding the gateway is refused with 429 while
 * another tenant is served; an upload of twice the gateway's heap streams through it within its memory; the
 * service's own refusals reach the caller unchanged; the breaker opens on a service that is really
 * down and closes when it is back.
 */
@ExtendWith(ThawPlatform.class)
// Last: its flood and its big upload leave nothing another test would meet.
@Order(90)
class FrontDoorIT {

    static final ConnectionProvider POOL = ConnectionProvider.builder("front-door-it")
            .maxConnections(200)
            .pendingAcquireMaxCount(-1)
            .build();

    final ThawPlatform platform;
    final Keycloak keycloak;
    final HttpClient http;

    FrontDoorIT(ThawPlatform platform) {
        this.platform = platform;
        this.keycloak = new Keycloak(platform);
        this.http = HttpClient.create(POOL).baseUrl(platform.gatewayUrl()).responseTimeout(Duration.ofSeconds(30));
    }

    @Test
    void sixtyFourAndThenOneHundredFiftyCallersAtOnceAreAnsweredWithoutA503() {
        // Users no other test here uses: each test's callers keep their own rate-limit buckets.
        List<String> tokens =
                List.of("agent", "supervisor", "bank-analyst", "insurer-adjuster", "acme-member", "globex-member")
                        .stream()
                        .map(keycloak::userToken)
                        .toList();
        for (int callers : List.of(64, 150)) {
            Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
            Flux.range(0, callers * 2)
                    .flatMap(
                            i -> status(http.headers(
                                            h -> h.set("Authorization", "Bearer " + tokens.get(i % tokens.size())))
                                    .get()
                                    .uri("/api/v1/cases/whoami")),
                            callers)
                    .doOnNext(status -> statuses.merge(status, 1, Integer::sum))
                    .blockLast(Duration.ofSeconds(120));
            assertThat(statuses).as("%d callers at once: %s", callers, statuses).containsKey(200);
            // Past a client's own burst the answer is 429; never a 5xx from the front door.
            assertThat(statuses.keySet())
                    .as("%d callers at once: %s", callers, statuses)
                    .allMatch(status -> status == 200 || status == 429);
        }
    }

    @Test
    void aTenantFloodingTheGatewayIsRefusedWith429WhileAnotherTenantIsServed() {
        String flooder = keycloak.clientToken(ThawApi.DEMO_BANK, "demo-bank-secret");
        String neighbour = keycloak.userToken("compliance");
        AtomicBoolean flooding = new AtomicBoolean(true);
        Map<Integer, Integer> flood = new ConcurrentHashMap<>();
        // Far past the client's limit (a burst of 60, then 5 per second here): 32 at once, without pause.
        var floodDone = Flux.range(0, Integer.MAX_VALUE)
                .takeWhile(i -> flooding.get())
                .flatMap(
                        i -> status(http.headers(h -> h.set("Authorization", "Bearer " + flooder))
                                .get()
                                .uri("/api/v1/monitor/whoami")),
                        32)
                .doOnNext(status -> flood.merge(status, 1, Integer::sum))
                .then()
                .toFuture();
        Map<Integer, Integer> served = new ConcurrentHashMap<>();
        try {
            for (int i = 0; i < 25; i++) {
                served.merge(
                        status(http.headers(h -> h.set("Authorization", "Bearer " + neighbour))
                                        .get()
                                        .uri("/api/v1/cases/whoami"))
                                .block(Duration.ofSeconds(30)),
                        1,
                        Integer::sum);
                Mono.delay(Duration.ofMillis(200)).block();
            }
        } finally {
            flooding.set(false);
            floodDone.join();
        }
        assertThat(flood).as("the flooder: %s", flood).containsKey(429);
        assertThat(flood.keySet()).as("the flooder: %s", flood).allMatch(status -> status == 200 || status == 429);
        assertThat(served).as("the other tenant: %s", served).containsOnlyKeys(200);
    }

    @Test
    void anUploadTwiceTheGatewaysHeapStreamsThroughItWithinItsMemory() throws Exception {
        ThawApi thaw = new ThawApi(platform);
        String caseId = (String) thaw.openCase(
                        "globex-admin",
                        Map.of(
                                "holder",
                                Map.of(
                                        "type",
                                        "ENTERPRISE",
                                        "displayName",
                                        "Globex Trading",
                                        "accountReference",
                                        "GX-1"),
                                "platform",
                                "Alipay",
                                "noticeText",
                                "您的账户因交易异常被风控冻结"))
                .get("id");
        awaitEvidenceKnows(caseId, keycloak.userToken("globex-admin"));
        byte[] block = textBlock();
        // 64 KiB × 8,192 = 512 MiB: twice the gateway's heap and its direct-memory limit, so a gateway
        // that held the body would fail. (1 GiB runs in gateway/bench/upload-and-fairness.sh: in the system
        // tests the embedded store, not the gateway, once failed under a 1 GiB GridFS write.)
        int blocks = 8 * 1024;
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        for (int i = 0; i < blocks; i++) {
            sha256.update(block);
        }
        String expected = HexFormat.of().formatHex(sha256.digest());

        long before = platform.residentBytes("gateway");
        AtomicLong peak = new AtomicLong(before);
        AtomicBoolean uploading = new AtomicBoolean(true);
        Thread sampler = Thread.ofVirtual().start(() -> {
            while (uploading.get()) {
                peak.accumulateAndGet(platform.residentBytes("gateway"), Math::max);
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        String token = keycloak.userToken("globex-admin");
        Map.Entry<Integer, String> answer;
        try {
            answer = http.headers(h -> h.set("Authorization", "Bearer " + token)
                            .set("Content-Type", "text/plain")
                            .set("Content-Length", Long.toString((long) blocks * block.length)))
                    .responseTimeout(Duration.ofMinutes(5))
                    .post()
                    .uri("/api/v1/evidence/cases/" + caseId + "/items?requirementCode=BANK_STATEMENT&fileName=big.txt")
                    .send(Flux.range(0, blocks).map(i -> Unpooled.wrappedBuffer(block)))
                    .responseSingle((response, body) -> body.asString()
                            .defaultIfEmpty("")
                            .map(text -> Map.entry(response.status().code(), text)))
                    .block(Duration.ofMinutes(6));
        } finally {
            uploading.set(false);
            sampler.join();
        }
        assertThat(answer.getKey()).as(answer.getValue()).isEqualTo(201);
        assertThat(answer.getValue()).contains("\"sha256\":\"" + expected + "\"");
        if (before > 0) {
            assertThat(peak.get() - before)
                    .as("the gateway's RSS grew from %d MiB to %d MiB", before >> 20, peak.get() >> 20)
                    .isLessThan(128L << 20);
        }
    }

    @Test
    void theServicesOwnRefusalsOfAnUploadReachTheCallerUnchanged() {
        String token = keycloak.userToken("acme-admin");
        ThawApi thaw = new ThawApi(platform);
        String caseId = (String) thaw.openCase(
                        "acme-admin",
                        Map.of(
                                "holder",
                                Map.of("type", "ENTERPRISE", "displayName", "Acme Ltd", "accountReference", "AC-1"),
                                "platform",
                                "Alipay",
                                "noticeText",
                                "您的账户因交易异常被风控冻结"))
                .get("id");
        awaitEvidenceKnows(caseId, token);
        byte[] block = textBlock();
        int blocks = 150 * 16; // 150 MiB: over acme's 100 MB
        for (String path : List.of(
                "/api/v1/evidence/cases/" + caseId + "/items?requirementCode=BANK_STATEMENT&fileName=big.txt",
                "/api/v1/evidence/cases/" + UUID.randomUUID()
                        + "/items?requirementCode=BANK_STATEMENT&fileName=big.txt")) {
            Map.Entry<Integer, String> answer = http.headers(h -> h.set("Authorization", "Bearer " + token)
                            .set("Content-Type", "text/plain")
                            .set("Content-Length", Long.toString((long) blocks * block.length)))
                    .post()
                    .uri(path)
                    .send(Flux.range(0, blocks).map(i -> Unpooled.wrappedBuffer(block)))
                    .responseSingle((response, body) -> body.asString()
                            .defaultIfEmpty("")
                            .map(text -> Map.entry(response.status().code(), text)))
                    .block(Duration.ofMinutes(2));
            if (path.contains(caseId)) {
                assertThat(answer.getKey()).as(answer.getValue()).isEqualTo(413);
                assertThat(answer.getValue()).contains("\"code\":\"evidence_too_large\"");
            } else {
                assertThat(answer.getKey()).as(answer.getValue()).isEqualTo(404);
            }
        }
    }

    @Test
    void theBreakerOpensOnAServiceThatIsReallyDownAndClosesWhenItIsBack() {
        String token = keycloak.userToken("platform-admin");
        platform.stopService("identity-monitor");
        AtomicInteger calls = new AtomicInteger();
        try {
            // No connection, call after call: each a 503; after ten failures the breaker opens and the
            // gateway stops forwarding ("pausing").
            Awaitility.await("the breaker opens")
                    .atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> {
                        calls.incrementAndGet();
                        Map.Entry<Integer, String> answer = call(token, "/api/v1/monitor/whoami");
                        assertThat(answer.getKey()).isEqualTo(503);
                        return answer.getValue().contains("pausing");
                    });
            assertThat(calls.get()).isGreaterThanOrEqualTo(10);
        } finally {
            platform.startService("identity-monitor");
        }
        // Back: after the breaker's wait, a trial call goes through and the service is served again.
        Awaitility.await("the breaker closes")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> call(token, "/api/v1/monitor/whoami").getKey() == 200);
    }

    /** evidence-service learns of a case from case-service's event: until then an upload is rightly 404. */
    private void awaitEvidenceKnows(String caseId, String token) {
        Awaitility.await("evidence-service knows case " + caseId)
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> call(token, "/api/v1/evidence/cases/" + caseId + "/items")
                                .getKey()
                        == 200);
    }

    private Map.Entry<Integer, String> call(String token, String path) {
        return http.headers(h -> h.set("Authorization", "Bearer " + token))
                .get()
                .uri(path)
                .responseSingle((response, body) -> body.asString()
                        .defaultIfEmpty("")
                        .map(text -> Map.entry(response.status().code(), text)))
                .block(Duration.ofSeconds(30));
    }

    private static Mono<Integer> status(HttpClient.ResponseReceiver<?> request) {
        return request.responseSingle(
                (response, body) -> body.then(Mono.just(response.status().code())));
    }

    /** 64 KiB of plain text (so evidence-service's content sniffing accepts it). */
    private static byte[] textBlock() {
        StringBuilder text = new StringBuilder();
        int line = 0;
        while (text.length() < 64 * 1024) {
            text.append(String.format("statement line %08d: transfer received, balance unchanged%n", line++));
        }
        return text.substring(0, 64 * 1024).getBytes(StandardCharsets.US_ASCII);
    }
}
