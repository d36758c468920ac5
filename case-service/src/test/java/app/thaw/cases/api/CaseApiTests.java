package app.thaw.cases.api;

import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import app.thaw.platform.testing.ApiAnswers;
import app.thaw.platform.testing.ApiCalls;
import app.thaw.platform.testing.CloudEvents;
import app.thaw.platform.testing.MutableClock;
import app.thaw.platform.testing.TestTokens;
import app.thaw.platform.timers.Timers;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The case service as it runs, on the embedded store, with real signed tokens. Every API test
 * class extends this one, so they share one application context. Time is the test's: the
 * application's {@link Clock} is {@link #clock}, timers fire only when a test calls
 * {@link #fireDueTimers()}, and published events stay in the outbox (the relay is off) where tests
 * read them.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "thaw.timers.enabled=false",
            "thaw.events.relay.enabled=false",
            "thaw.events.subscriptions[0].name=stub",
            "thaw.events.subscriptions[0].types=thaw.case.*,thaw.partner.*",
            "thaw.events.subscriptions[0].url=http://127.0.0.1:9/internal/events"
        })
@AutoConfigureWebTestClient
@Import(CaseApiTests.TestClock.class)
public abstract class CaseApiTests implements ApiCalls {

    protected static final TestTokens tokens = new TestTokens();
    protected static final MutableClock clock = MutableClock.frozenAt(Instant.parse("2025-09-30T02:00:00Z"));

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws java.io.IOException {
        String dataDir = Files.createTempDirectory("thaw-cases-test").toString();
        registry.add("thaw.security.jwk-set-uri", tokens::jwkSetUri);
        registry.add("thaw.store.data-dir", () -> dataDir);
    }

    @TestConfiguration
    static class TestClock {
        @Bean
        @Primary
        Clock testClock() {
            return clock;
        }

        /** The staff directory as Keycloak would answer it (StaffDirectoryTests reads a stand-in for Keycloak itself). */
        @Bean
        @Primary
        app.thaw.cases.staff.StaffDirectory testStaffDirectory() {
            return new app.thaw.cases.staff.StaffDirectory(
                    () -> reactor.core.publisher.Mono.just(List.of(
                            new app.thaw.cases.staff.StaffDirectory.Staff("thaw-staff_agent", "Sam Agent"),
                            new app.thaw.cases.staff.StaffDirectory.Staff("li.wei", "李伟"))),
                    java.time.Duration.ofMinutes(5),
                    clock);
        }

        /** Tenants' names as Keycloak's organizations would give them (TenantNamesTests reads a stand-in for Keycloak). */
        @Bean
        @Primary
        app.thaw.cases.staff.TenantNames testTenantNames() {
            return new app.thaw.cases.staff.TenantNames(
                    () -> reactor.core.publisher.Mono.just(
                            Map.of("dash-bank", "Dash Partner Bank", "dash-insurer", "达什保险")),
                    java.time.Duration.ofMinutes(5),
                    clock);
        }
    }

    @Autowired
    protected WebTestClient web;

    @Autowired
    protected ReactiveMongoTemplate mongo;

    @Autowired
    protected Timers timers;

    // Four builds share two cores here: a slow answer is not a wrong one.
    @org.junit.jupiter.api.BeforeEach
    void patientClient() {
        web = web.mutate().responseTimeout(java.time.Duration.ofSeconds(30)).build();
    }

    /** A token of {@code tenant} with {@code roles}; the username tells who acted. */
    protected static String token(String tenant, String... roles) {
        return tokens.token(
                List.of(roles),
                claims -> claims.claim("tenant_id", tenant).claim("preferred_username", tenant + "-" + roles[0]));
    }

    protected static Map<String, Object> intake(String notice) {
        return Map.of(
                "holder",
                Map.of("type", "ENTERPRISE", "displayName", "杭州小象贸易有限公司", "accountReference", "ACC-778"),
                "platform",
                "连连支付",
                "noticeText",
                notice,
                "noticeReference",
                "N-42",
                "frozenAmount",
                Map.of("amount", "58200.00", "currency", "CNY"));
    }

    protected static final String RISK_NOTICE = "尊敬的用户，您的账户近期存在交易异常，系统风控已对相关交易进行风险审核，审核期间该笔交易资金暂缓入账。请在3个工作日内提交交易凭证。";

    /** Opens a case as {@code tenant}'s merchant admin; answers its id. */
    protected String open(String tenant, String notice) {
        return (String) createdId(postJson(token(tenant, "merchant_admin"), "/api/v1/cases", intake(notice)));
    }

    @SuppressWarnings("unchecked")
    protected Map<String, Object> read(String id, String bearer) {
        return getAs(bearer, "/api/v1/cases/{id}", id)
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
    }

    /**
     * Logs a contact with the case's platform as {@code bearer}: its channel, when it was, then the contact's own fields
     * as name, value pairs.
     */
    protected WebTestClient.ResponseSpec logContact(
            String caseId, String bearer, String channel, String at, Object... fieldsAndValues) {
        Map<String, Object> contact = CloudEvents.data("channel", channel, "at", at);
        contact.putAll(CloudEvents.data(fieldsAndValues));
        return post("/api/v1/cases/" + caseId + "/contacts", bearer, contact);
    }

    protected WebTestClient.ResponseSpec post(String path, String bearer, Object body) {
        return postJson(bearer, path, body);
    }

    /** The id of what was answered 201 (a case opened, say). */
    protected static Object createdId(WebTestClient.ResponseSpec answer) {
        return answer.expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("id");
    }

    /** Asserts a page answered 200 holds one case, {@code id}. */
    protected static void onlyCase(WebTestClient.ResponseSpec answer, String id) {
        org.assertj.core.api.Assertions.assertThat(ApiAnswers.items(answer))
                .singleElement()
                .satisfies(item -> org.assertj.core.api.Assertions.assertThat(((Map<?, ?>) item).get("id"))
                        .isEqualTo(id));
    }

    /**
     * The data of a HIGH identity-misuse {@code thaw.alert.raised} (impossible travel of subject {@code subj-1},
     * {@code Z** W**}): what identity-monitor publishes.
     */
    protected static Map<String, Object> identityMisuseAlert(String alertId, List<String> signalIds, String raisedAt) {
        return Map.of(
                "alertId",
                alertId,
                "subjectId",
                "subj-1",
                "subjectLabel",
                "Z** W**",
                "subjectType",
                "PERSON",
                "severity",
                "HIGH",
                "detector",
                "impossible_travel",
                "kind",
                "IDENTITY_MISUSE",
                "signalIds",
                signalIds,
                "count",
                signalIds.size(),
                "raisedAt",
                raisedAt);
    }

    protected WebTestClient.ResponseSpec transition(String id, String bearer, String to, Map<String, Object> more) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("to", to, "reason", "test"));
        body.putAll(more);
        return post("/api/v1/cases/" + id + "/transitions", bearer, body);
    }

    /** The types of the events the case published, oldest first, from the outbox. */
    protected List<String> published(String caseId) {
        return events(caseId).stream().map(event -> event.getString("type")).toList();
    }

    protected List<Document> events(String caseId) {
        return mongo.find(
                        Query.query(Criteria.where("event.subject").is(caseId))
                                .with(org.springframework.data.domain.Sort.by("createdAt")),
                        Document.class,
                        "outbox")
                .map(entry -> (Document) entry.get("event"))
                .collectList()
                .block();
    }

    protected void fireDueTimers() {
        timers.fireDue().block();
    }

    /**
     * The data of a {@code thaw.evidence.*} event about one item: what every one starts with (docs/events.md:
     * {@code caseId}, {@code evidenceId}, {@code requirementCode}), then the type's own members as name, value pairs.
     */
    protected static Map<String, Object> evidenceData(
            String caseId, String evidenceId, String requirementCode, Object... membersAndValues) {
        Map<String, Object> data =
                CloudEvents.data("caseId", caseId, "evidenceId", evidenceId, "requirementCode", requirementCode);
        data.putAll(CloudEvents.data(membersAndValues));
        return data;
    }

    protected static String internalEvent(String type, String tenant, String subject, Map<String, Object> data) {
        return tools.jackson.databind.json.JsonMapper.builder()
                .build()
                .writeValueAsString(CloudEvents.envelope("/thaw/test", type, tenant, subject, clock.instant(), data));
    }

    /** Delivers a CloudEvent (its JSON, or its map) to /internal/events as another service does: accepted. */
    protected void deliver(Object cloudEvent) {
        postJson(tokens.token("thaw_service"), "/internal/events", cloudEvent)
                .expectStatus()
                .is2xxSuccessful();
    }

    @Override
    public WebTestClient web() {
        return web;
    }
}
