package app.thaw.notifications;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.thaw.notifications.delivery.internal.DeliveryWorker;
import app.thaw.platform.events.ThawEvent;
import app.thaw.platform.testing.ApiCalls;
import app.thaw.platform.testing.CloudEvents;
import app.thaw.platform.testing.MutableClock;
import app.thaw.platform.testing.TestTokens;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The one application context every integration test of this module shares (same class,
 * same properties, so Spring caches it): the service on the embedded store, with a real SMTP
 * server (GreenMail), two SMS provider stubs, a webhook receiver, and a clock tests move. Timers
 * and the event relay do not run on their own: tests fire timers and read the outbox, so nothing
 * depends on timing. Deliveries are attempted on the dispatch worker after the event is
 * acknowledged, so {@link #deliver} and {@link #settle} wait until the worker is idle. Each test
 * works in a tenant of its own.
 */
@SpringBootTest(
        classes = NotificationServiceApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// The first request after the context starts warms the whole server up: on a loaded two-core machine
// it can take longer than the client's default 5 s (ReminderTests, the first class, timed out so).
@AutoConfigureWebTestClient(timeout = "30s")
@Import(NotificationsTestBase.TestClockConfiguration.class)
public abstract class NotificationsTestBase implements ApiCalls {

    protected static final TestTokens tokens = new TestTokens();
    protected static final GreenMail smtp = startSmtp();
    protected static final HttpStub smsPrimary = new HttpStub();
    protected static final HttpStub smsSecondary = new HttpStub();
    protected static final HttpStub receiver = new HttpStub();

    @TestConfiguration(proxyBeanMethods = false)
    static class TestClockConfiguration {

        @Bean
        @Primary
        MutableClock mutableClock() {
            return MutableClock.realTime();
        }
    }

    private static GreenMail startSmtp() {
        GreenMail mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        return mail;
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws java.io.IOException {
        Path dataDir = Files.createTempDirectory("thaw-notifications-test");
        registry.add("thaw.security.jwk-set-uri", tokens::jwkSetUri);
        registry.add("thaw.store.data-dir", dataDir::toString);
        registry.add(
                "thaw.notifications.webhooks.keyset-dir",
                () -> dataDir.resolve("keys").toString());
        registry.add("thaw.timers.enabled", () -> "false");
        registry.add("thaw.events.relay.enabled", () -> "false");
        registry.add("thaw.events.subscriptions[0].name", () -> "case-service");
        registry.add("thaw.events.subscriptions[0].types", () -> "thaw.notification.*");
        registry.add("thaw.events.subscriptions[0].url", () -> "http://127.0.0.1:9/internal/events");
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
        registry.add("thaw.notifications.sms.providers[0].name", () -> "primary");
        registry.add("thaw.notifications.sms.providers[0].url", () -> smsPrimary.url("/messages"));
        registry.add("thaw.notifications.sms.providers[0].api-key", () -> "primary-key");
        registry.add("thaw.notifications.sms.providers[1].name", () -> "secondary");
        registry.add("thaw.notifications.sms.providers[1].url", () -> smsSecondary.url("/messages"));
        registry.add("thaw.notifications.sms.timeout", () -> "2s");
        registry.add("thaw.notifications.webhooks.allowed-private-hosts", () -> "127.0.0.1");
        registry.add("thaw.notifications.webhooks.timeout", () -> "2s");
        // Endpoints read for sending are kept for an hour here: a change must reach the next send because
        // the service forgets its copy, never because the copy happened to expire.
        registry.add("thaw.notifications.webhooks.endpoint-reuse", () -> "1h");
        // Tests call the sweep themselves; a periodic one would race what they arrange.
        registry.add("thaw.notifications.dispatch.sweep-interval", () -> "1h");
    }

    @Autowired
    protected WebTestClient web;

    @Autowired
    protected MutableClock clock;

    @Autowired
    protected ReactiveMongoTemplate mongo;

    @Autowired
    protected DeliveryWorker worker;

    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    /** The events about a case (case-service's and evidence-service's) that tell someone by default (DefaultRules). */
    public static final List<String> NOTIFIED_CASE_AND_EVIDENCE_EVENTS = List.of(
            "thaw.case.opened",
            "thaw.case.triaged",
            "thaw.case.status_changed",
            "thaw.case.supplement_requested",
            "thaw.case.clock_breached",
            "thaw.case.task_due",
            "thaw.case.escalation_flagged",
            "thaw.case.closed",
            "thaw.evidence.received",
            "thaw.evidence.verified",
            "thaw.evidence.rejected");

    protected static String newTenant() {
        return "t-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A user token of {@code tenant} with the given roles. */
    protected static String token(String tenant, String subject, String... roles) {
        return tokens.token(
                List.of(roles), claims -> claims.claim("tenant_id", tenant).subject(subject));
    }

    protected static String admin(String tenant) {
        return token(tenant, "admin-1", "merchant_admin");
    }

    /** Delivers an event to this service as case-service's relay would. */
    protected WebTestClient.ResponseSpec deliver(ThawEvent event) {
        String service = tokens.token(
                List.of("thaw_service"),
                claims -> claims.claim("tenant_id", "thaw")
                        .subject("service-account-case-service")
                        .claim("azp", "case-service"));
        WebTestClient.ResponseSpec answer = web.post()
                .uri("/internal/events")
                .headers(h -> h.setBearerAuth(service))
                .contentType(MediaType.parseMediaType("application/cloudevents+json"))
                .bodyValue(event.toCloudEvent())
                .exchange();
        settle();
        return answer;
    }

    /** Waits until the dispatch worker has made every attempt queued so far (the event was acknowledged before them). */
    protected void settle() {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(worker::idle);
    }

    /**
     * The data of a {@code thaw.case.*} event: what every one starts with (docs/events.md: {@code caseId},
     * {@code scenario}, {@code drill} false, {@code restricted}), then the type's own members as name, value pairs.
     */
    public static Map<String, Object> caseData(
            String caseId, String scenario, boolean restricted, Object... membersAndValues) {
        Map<String, Object> data =
                CloudEvents.data("caseId", caseId, "scenario", scenario, "drill", false, "restricted", restricted);
        data.putAll(CloudEvents.data(membersAndValues));
        return data;
    }

    /** identity-monitor raised a HIGH identity-misuse alert in the tenant (three signals about one person); accepted. */
    protected void identityMisuseAlert(String tenant, String alertId) {
        deliver(event(
                        tenant,
                        "thaw.alert.raised",
                        alertId,
                        Map.of(
                                "alertId",
                                alertId,
                                "subjectId",
                                "s-1",
                                "subjectLabel",
                                "Z** W**",
                                "subjectType",
                                "PERSON",
                                "severity",
                                "HIGH",
                                "kind",
                                "IDENTITY_MISUSE",
                                "count",
                                3)))
                .expectStatus()
                .isOk();
    }

    /** An event that happened now, by this test's clock (the source's clock and ours agree). */
    protected ThawEvent event(String tenant, String type, String subject, Map<String, Object> data) {
        return event(tenant, type, subject, clock.instant(), data);
    }

    protected static ThawEvent event(
            String tenant, String type, String subject, Instant time, Map<String, Object> data) {
        return ThawEvent.of("/thaw/case-service", type, subject, tenant, time, null, data);
    }

    /** Registers a recipient through the API and answers its id. */
    protected String registerRecipient(String tenant, Map<String, Object> body) {
        return (String) web.post()
                .uri("/api/v1/notifications/recipients")
                .headers(h -> h.setBearerAuth(admin(tenant)))
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("id");
    }

    /** Registers a client (a merchant's contact) through the API: its fields as name, value pairs; answers its id. */
    protected String registerClient(String tenant, Object... fieldsAndValues) {
        Map<String, Object> client = CloudEvents.data("kind", "CLIENT");
        client.putAll(CloudEvents.data(fieldsAndValues));
        return registerRecipient(tenant, client);
    }

    /** Registers a member of staff holding {@code role}, told in the app (in-app inbox) only; answers its id. */
    protected String registerStaff(String tenant, String name, String userId, String role) {
        return registerRecipient(
                tenant,
                Map.of(
                        "kind",
                        "STAFF",
                        "name",
                        name,
                        "userId",
                        userId,
                        "roles",
                        List.of(role),
                        "channels",
                        List.of("IN_APP")));
    }

    /** The merchant's contact (client-user, English, Shanghai time) reached at {@code email} and {@code phone}. */
    protected static Map<String, Object> merchantContact(String email, String phone, List<String> channels) {
        return Map.of(
                "kind",
                "CLIENT",
                "name",
                "Merchant Contact",
                "userId",
                "client-user",
                "email",
                email,
                "phone",
                phone,
                "channels",
                channels,
                "language",
                "en",
                "timeZone",
                "Asia/Shanghai");
    }

    /** The text and HTML parts of a mail as read (decoded), one after the other. */
    protected static String decodedParts(jakarta.mail.internet.MimeMessage mail) throws Exception {
        StringBuilder text = new StringBuilder();
        collect((jakarta.mail.Multipart) mail.getContent(), text);
        return text.toString();
    }

    private static void collect(jakarta.mail.Multipart multipart, StringBuilder text) throws Exception {
        for (int i = 0; i < multipart.getCount(); i++) {
            Object content = multipart.getBodyPart(i).getContent();
            if (content instanceof jakarta.mail.Multipart nested) {
                collect(nested, text);
            } else {
                text.append(content).append('\n');
            }
        }
    }

    @Override
    public WebTestClient web() {
        return web;
    }
}
