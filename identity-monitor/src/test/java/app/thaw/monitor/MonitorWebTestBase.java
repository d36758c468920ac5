package app.thaw.monitor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.thaw.platform.testing.ApiCalls;
import app.thaw.platform.testing.AuditEntries;
import app.thaw.platform.testing.TestTokens;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The one application context every web test of the monitor shares (same class, same properties):
 * the real app on the in-process embedded store, tokens from {@link TestTokens}, the event relay off
 * so published events stay in the outbox to be asserted. Each test uses its own tenant, so tests
 * never see each other's data.
 */
// The monitor's own code logs at DEBUG in tests, so the PII test sees everything it could log (set
// here, not as a dynamic property: logging levels are read before those are added).
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "logging.level.app.thaw.monitor=DEBUG")
@AutoConfigureWebTestClient
public abstract class MonitorWebTestBase implements ApiCalls {

    protected static final TestTokens tokens = new TestTokens();

    /** Where the list files this context reads live. */
    protected static Path LIST_DIR;

    @DynamicPropertySource
    static void monitorProperties(DynamicPropertyRegistry registry) throws IOException {
        Path dir = Files.createTempDirectory("thaw-monitor-test");
        registry.add("thaw.security.jwk-set-uri", tokens::jwkSetUri);
        registry.add("thaw.store.data-dir", () -> dir.resolve("data").toString());
        registry.add(
                "thaw.monitor.protection.keyset-dir", () -> dir.resolve("keys").toString());
        registry.add("thaw.events.relay.enabled", () -> "false");
        registry.add("thaw.timers.enabled", () -> "false");
        // Usage counts stay in memory until a test flushes them (UsageMeterTests).
        registry.add("thaw.monitor.metering.flush-interval", () -> "1h");
        // The list is read from files the screening tests may change (a list update re-screens subjects).
        Path lists = dir.resolve("lists");
        Files.createDirectories(lists);
        for (String file : List.of("sdn.csv", "alt.csv")) {
            try (var in = MonitorWebTestBase.class.getResourceAsStream("/ofac/" + file)) {
                Files.copy(in, lists.resolve(file));
            }
        }
        LIST_DIR = lists;
        // A list replaces the configured list as a whole: every field of the one source is given.
        registry.add("thaw.monitor.screening.sources[0].id", () -> "ofac-sdn");
        registry.add("thaw.monitor.screening.sources[0].name", () -> "OFAC SDN (test sample)");
        registry.add("thaw.monitor.screening.sources[0].format", () -> "OFAC_CSV");
        registry.add(
                "thaw.monitor.screening.sources[0].location",
                () -> lists.resolve("sdn.csv").toUri().toString());
        registry.add(
                "thaw.monitor.screening.sources[0].alias-location",
                () -> lists.resolve("alt.csv").toUri().toString());
        registry.add("thaw.monitor.screening.sources[0].published", () -> "2021-06-01");
    }

    @Autowired
    protected WebTestClient web;

    @Autowired
    protected ReactiveMongoTemplate mongo;

    /** This machine is shared with other builds: allow slow answers rather than flaky timeouts. */
    @org.junit.jupiter.api.BeforeEach
    void patientClient() {
        web = web.mutate().responseTimeout(java.time.Duration.ofSeconds(60)).build();
    }

    /** A fresh tenant per test: isolation without cleaning up. */
    protected static String newTenant() {
        return "t-" + UUID.randomUUID().toString().substring(0, 8);
    }

    protected static String token(String tenant, String... roles) {
        return tokens.token(List.of(roles), claims -> claims.claim("tenant_id", tenant));
    }

    /** A platform administrator: staff (tenant {@code thaw}). */
    protected static String platformAdmin() {
        return token("thaw", "platform_admin");
    }

    /** {@code bearer} puts {@code tenant} on {@code plan} (the platform administrators' API). */
    protected WebTestClient.ResponseSpec putPlan(String bearer, String tenant, String plan) {
        return putJson(bearer, "/api/v1/monitor/admin/subscriptions/{tenant}", Map.of("plan", plan), tenant);
    }

    /** The subscription {@code bearer}'s tenant reads: 200, its body. */
    protected WebTestClient.BodyContentSpec subscription(String bearer) {
        return web.get()
                .uri("/api/v1/subscription")
                .headers(h -> h.setBearerAuth(bearer))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody();
    }

    protected String bank(String tenant) {
        return token(tenant, "partner_bank");
    }

    /** Enrols a person and answers its id. */
    protected String enrol(String tenant, Map<String, String> identifiers) {
        List<Map<String, String>> ids = identifiers.entrySet().stream()
                .map(e -> Map.of("type", e.getKey(), "value", e.getValue()))
                .toList();
        return web.post()
                .uri("/api/v1/monitor/subjects")
                .headers(h -> h.setBearerAuth(bank(tenant)))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("type", "PERSON", "identifiers", ids))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("id")
                .toString();
    }

    protected static Map<String, Object> signal(
            String id, String type, Instant at, String phone, Map<String, Object> more) {
        Map<String, Object> signal = new java.util.LinkedHashMap<>();
        signal.put("signalId", id);
        signal.put("type", type);
        signal.put("occurredAt", at.toString());
        signal.put("identifiers", List.of(Map.of("type", "PHONE", "value", phone)));
        signal.putAll(more);
        return signal;
    }

    /** Beijing, where journey 4's subject logs in. */
    protected static final Map<String, Object> BEIJING = Map.of("lat", 39.9042, "lon", 116.4074);

    /** Due south of Beijing by 1,200 km (10.79° of latitude). */
    protected static final Map<String, Object> SOUTH_1200_KM = Map.of("lat", 29.1122, "lon", 116.4074);

    /** Journey 4's loan application: from a new device (emulator-7) 1,200 km south of the login, to lender-x. */
    protected static Map<String, Object> journeyFourLoan(String id, Instant at, String phone) {
        return signal(
                id,
                "CREDIT_APPLICATION",
                at,
                phone,
                Map.of("device", "emulator-7", "location", SOUTH_1200_KM, "institution", "lender-x", "amount", 50000));
    }

    /** How many signals of {@code tenant} are stored. */
    protected long signalCount(String tenant) {
        return mongo.count(Query.query(Criteria.where("tenantId").is(tenant)), "signals")
                .block();
    }

    protected WebTestClient.ResponseSpec post(String tenant, Map<String, Object> signal) {
        return web.post()
                .uri("/api/v1/monitor/signals")
                .headers(h -> h.setBearerAuth(bank(tenant)))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(signal)
                .exchange();
    }

    protected List<Document> outbox(String tenant) {
        return mongo.find(Query.query(Criteria.where("event.tenantId").is(tenant)), Document.class, "outbox")
                .collectList()
                .block();
    }

    protected List<Document> alerts(String tenant) {
        return mongo.find(Query.query(Criteria.where("tenantId").is(tenant)), Document.class, "alerts")
                .collectList()
                .block();
    }

    /** The alert's move was made: 200, the alert now in {@code state} at {@code version}. */
    protected static void expectMoved(WebTestClient.ResponseSpec answer, String state, int version) {
        answer.expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.state")
                .isEqualTo(state)
                .jsonPath("$.version")
                .isEqualTo(version);
    }

    /** The audit log's entries of {@code tenant} recording {@code action}. */
    protected List<Document> audited(String tenant, String action) {
        return AuditEntries.of(mongo, tenant, action);
    }

    @Override
    public WebTestClient web() {
        return web;
    }
}
