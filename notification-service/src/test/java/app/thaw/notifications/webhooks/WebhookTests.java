package app.thaw.notifications.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import app.thaw.notifications.HttpStub;
import app.thaw.notifications.NotificationsTestBase;
import app.thaw.notifications.webhooks.internal.WebhookStore;
import app.thaw.platform.testing.IdempotencyFaults;
import app.thaw.platform.timers.Timers;
import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Webhooks against a real local receiver. Signatures are checked with the Standard Webhooks
 * reference library (com.standardwebhooks), an implementation independent of Thaw's.
 */
class WebhookTests extends NotificationsTestBase {

    @Autowired
    Timers timers;

    record Registered(String id, String secret) {}

    Registered register(String tenant, String path) {
        Map<?, ?> answer = postJson(
                        admin(tenant),
                        "/api/v1/notifications/webhooks",
                        Map.of("url", receiver.url(path), "eventTypes", List.of("thaw.case.*")))
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        return new Registered((String) ((Map<?, ?>) answer.get("endpoint")).get("id"), (String) answer.get("secret"));
    }

    void caseOpened(String tenant, String caseId) {
        caseOpened(tenant, caseId, null);
    }

    /** thaw.case.opened of {@code caseId}, at {@code sequence} among the case's events (none: unsequenced). */
    void caseOpened(String tenant, String caseId, @org.jspecify.annotations.Nullable Long sequence) {
        deliver(event(
                                tenant,
                                "thaw.case.opened",
                                caseId,
                                caseData(caseId, "RISK_TXN", false, "reference", "TH-" + caseId))
                        .withSequence(sequence))
                .expectStatus()
                .isOk();
    }

    Document webhookDelivery(String tenant) {
        return mongo.findOne(
                        Query.query(Criteria.where("tenantId")
                                .is(tenant)
                                .and("channel")
                                .is("WEBHOOK")),
                        Document.class,
                        "deliveries")
                .block();
    }

    Document endpoint(String id) {
        return mongo.findById(id, Document.class, WebhookStore.COLLECTION).block();
    }

    static void verifiedByTheReferenceLibrary(String secret, HttpStub.Received request) {
        assertThatCode(() -> new Webhook(secret).verify(request.body(), request.headers()))
                .doesNotThrowAnyException();
    }

    @Test
    void aKeyedRegistrationRunAgainAfterItsInstanceDiedFindsTheEndpointInsteadOfMakingASecond() {
        String tenant = newTenant();
        String key = java.util.UUID.randomUUID().toString();
        Map<String, Object> body =
                Map.of("url", receiver.url("/hooks/" + tenant), "eventTypes", List.of("thaw.case.*"));
        Map<?, ?> first = registerWithKey(tenant, key, body);
        // What kill -9 after the endpoint's insert leaves: the key claimed, its lease lapsed, no response kept.
        IdempotencyFaults.loseCompletion(mongo, key);

        Map<?, ?> again = registerWithKey(tenant, key, body);
        assertThat(((Map<?, ?>) again.get("endpoint")).get("id"))
                .isEqualTo(((Map<?, ?>) first.get("endpoint")).get("id"));
        assertThat(again.get("secret")).isEqualTo(first.get("secret"));
        assertThat(mongo.count(Query.query(Criteria.where("tenantId").is(tenant)), WebhookStore.COLLECTION)
                        .block())
                .isEqualTo(1);
    }

    @Test
    void anAccountNumberAProducerSentRawReachesTheWebhookAndTheRecordsMaskedToItsLastFour() {
        String tenant = newTenant();
        Registered endpoint = register(tenant, "/hooks/" + tenant);
        deliver(event(
                        tenant,
                        "thaw.case.opened",
                        "case-m1",
                        caseData(
                                "case-m1",
                                "RISK_TXN",
                                false,
                                "reference",
                                "TH-case-m1",
                                "holder",
                                Map.of(
                                        "type",
                                        "INDIVIDUAL",
                                        "displayName",
                                        "Li Wei",
                                        "accountReference",
                                        "6222021234567890123"))))
                .expectStatus()
                .isOk();

        HttpStub.Received request = receiver.received("/hooks/" + tenant).getFirst();
        assertThat(request.body()).contains("\"accountReference\":\"****0123\"").doesNotContain("6222021234567890123");
        verifiedByTheReferenceLibrary(endpoint.secret(), request);
        for (String collection : List.of("deliveries", "notifications", "inbox", "outbox")) {
            assertThat(mongo.findAll(Document.class, collection)
                            .map(Document::toJson)
                            .collectList()
                            .block())
                    .as(collection)
                    .noneMatch(json -> json.contains("6222021234567890123"));
        }
    }

    @Test
    void aWebhookIsSignedSoThatTheReferenceLibraryVerifiesIt() {
        String tenant = newTenant();
        Registered endpoint = register(tenant, "/hooks/" + tenant);
        assertThat(endpoint.secret()).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(endpoint.secret().substring(6))).hasSizeGreaterThanOrEqualTo(24);

        caseOpened(tenant, "case-w1");

        HttpStub.Received request = receiver.received("/hooks/" + tenant).getFirst();
        assertThat(request.header("webhook-id")).startsWith("msg_");
        assertThat(request.header("webhook-timestamp")).matches("\\d+");
        assertThat(request.header("webhook-signature")).startsWith("v1,");
        assertThat(request.body()).contains("\"type\":\"thaw.case.opened\"").contains("\"caseId\":\"case-w1\"");
        verifiedByTheReferenceLibrary(endpoint.secret(), request);
        // A tampered body fails the same check: the signature covers it.
        assertThatThrownBy(() -> new Webhook(endpoint.secret())
                        .verify(request.body().replace("case-w1", "case-xx"), request.headers()))
                .isInstanceOf(WebhookVerificationException.class);
    }

    @Test
    void aWebhookBodyCarriesItsCasesEventSequenceSoThePartnerCanOrderDeliveriesAndAnUnsequencedEventCarriesNone() {
        String tenant = newTenant();
        String path = "/hooks/" + tenant;
        register(tenant, path);

        caseOpened(tenant, "case-seq-7", 7L);
        caseOpened(tenant, "case-unsequenced");
        settle();

        assertThat(receiver.received(path))
                .extracting(HttpStub.Received::body)
                .anySatisfy(body ->
                        assertThat(body).contains("\"caseId\":\"case-seq-7\"").contains("\"sequence\":7"))
                .anySatisfy(body -> assertThat(body)
                        .contains("\"caseId\":\"case-unsequenced\"")
                        .doesNotContain("\"sequence\""));
    }

    @Test
    void duringARotationBothSecretsSignAndAfterTheOverlapOnlyTheNewOne() throws Exception {
        String tenant = newTenant();
        String path = "/hooks/" + tenant;
        Registered endpoint = register(tenant, path);
        String rotated = (String) postJson(
                        admin(tenant),
                        "/api/v1/notifications/webhooks/{id}/rotate-secret",
                        Map.of("version", 0),
                        endpoint.id())
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("secret");
        assertThat(rotated).isNotEqualTo(endpoint.secret());

        caseOpened(tenant, "case-w2");
        HttpStub.Received duringOverlap = receiver.received(path).getLast();
        assertThat(duringOverlap.header("webhook-signature").split(" ")).hasSize(2);
        verifiedByTheReferenceLibrary(endpoint.secret(), duringOverlap);
        verifiedByTheReferenceLibrary(rotated, duringOverlap);

        clock.advance(Duration.ofHours(25));
        caseOpened(tenant, "case-w3");
        HttpStub.Received afterOverlap = receiver.received(path).getLast();
        // The timestamp is a day ahead of the receiver's real clock, so check the signature itself with the library's
        // signer.
        String expected = new Webhook(rotated)
                .sign(
                        afterOverlap.header("webhook-id"),
                        Long.parseLong(afterOverlap.header("webhook-timestamp")),
                        afterOverlap.body());
        assertThat(afterOverlap.header("webhook-signature")).isEqualTo(expected);
    }

    static long version(Document endpoint) {
        return ((Number) endpoint.get("version")).longValue();
    }

    /** Enables or disables an endpoint through the API at {@code version}; answers its new version. */
    long changeEndpoint(String tenant, String id, String path, boolean enabled, long version) {
        Map<?, ?> changed = putJson(
                        admin(tenant),
                        "/api/v1/notifications/webhooks/{id}",
                        Map.of(
                                "url",
                                receiver.url(path),
                                "eventTypes",
                                List.of("thaw.case.*"),
                                "enabled",
                                enabled,
                                "version",
                                version),
                        id)
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        return ((Number) changed.get("version")).longValue();
    }

    /** Sends reuse an endpoint once read; a change through the API (disable, enable, rotate) applies to the very next send. */
    @Test
    void aChangeToAnEndpointAppliesToTheNextSendThoughSendsReuseTheEndpointTheyRead() {
        String tenant = newTenant();
        String path = "/hooks/" + tenant;
        Registered endpoint = register(tenant, path);
        caseOpened(tenant, "case-c1");
        assertThat(receiver.received(path)).hasSize(1);

        long version = changeEndpoint(tenant, endpoint.id(), path, false, version(endpoint(endpoint.id())));
        caseOpened(tenant, "case-c2");
        assertThat(receiver.received(path))
                .as("nothing is sent to a disabled endpoint")
                .hasSize(1);

        version = changeEndpoint(tenant, endpoint.id(), path, true, version);
        long current = version;
        postJson(
                        admin(tenant),
                        "/api/v1/notifications/webhooks/{id}/rotate-secret",
                        Map.of("version", current),
                        endpoint.id())
                .expectStatus()
                .isOk();
        caseOpened(tenant, "case-c3");
        assertThat(receiver.received(path)).hasSize(2);
        assertThat(receiver.received(path).getLast().header("webhook-signature").split(" "))
                .as("signed with both secrets")
                .hasSize(2);
    }

    /**
     * Planning an event reuses the tenant's enabled endpoints it read (for the reuse time, 1 h in
     * tests); an endpoint registered through this instance receives the very next event, while a
     * change made behind this instance's back (as through another one) waits for the reuse time.
     */
    @Test
    void eventsReuseTheTenantsEndpointsTheyReadAndANewEndpointReceivesTheNextEvent() {
        String tenant = newTenant();
        String first = "/hooks/" + tenant + "/first";
        String second = "/hooks/" + tenant + "/second";
        Registered endpoint = register(tenant, first);
        caseOpened(tenant, "case-p1");
        assertThat(receiver.received(first)).hasSize(1);

        register(tenant, second);
        caseOpened(tenant, "case-p2");
        assertThat(receiver.received(first)).hasSize(2);
        assertThat(receiver.received(second))
                .as("registered through this instance: the next event reaches it")
                .hasSize(1);

        mongo.updateFirst(
                        Query.query(Criteria.where("_id").is(endpoint.id())),
                        new Update().set("enabled", false),
                        WebhookStore.COLLECTION)
                .block();
        caseOpened(tenant, "case-p3");
        assertThat(receiver.received(first))
                .as("the endpoints read for the last event serve this one")
                .hasSize(3);
    }

    @Test
    void aFailingWebhookIsRetriedOnTheStandardScheduleThenGivenUp() {
        String tenant = newTenant();
        String path = "/hooks/" + tenant;
        receiver.always(path, HttpStub.Answer.status(500));
        register(tenant, path);
        Instant start = Instant.parse("2030-01-07T00:00:00Z");
        clock.set(start);

        caseOpened(tenant, "case-w4");
        List<Duration> schedule = List.of(
                Duration.ofSeconds(5),
                Duration.ofMinutes(5),
                Duration.ofMinutes(30),
                Duration.ofHours(2),
                Duration.ofHours(5),
                Duration.ofHours(10),
                Duration.ofHours(10));
        Instant expected = start;
        for (int made = 1; made <= schedule.size(); made++) {
            Duration delay = schedule.get(made - 1);
            Document delivery = webhookDelivery(tenant);
            assertThat(delivery.getString("status")).isEqualTo("RETRYING");
            expected = expected.plus(delay);
            assertThat(delivery.getDate("nextAttemptAt").toInstant()).isEqualTo(expected);
            advanceAndSendWhatIsDue(delay.minusMillis(1));
            assertThat(receiver.received(path)).as("not before its time").hasSize(made);
            advanceAndSendWhatIsDue(Duration.ofMillis(1));
        }
        assertThat(receiver.received(path)).hasSize(8);
        assertThat(webhookDelivery(tenant).getString("status")).isEqualTo("FAILED");
        getAs(
                        admin(tenant),
                        "/api/v1/notifications/deliveries/{id}",
                        webhookDelivery(tenant).getString("_id"))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.attempts.length()")
                .isEqualTo(8)
                .jsonPath("$.attempts[7].response")
                .isEqualTo("HTTP 500 {}");
        receiver.reset(path);
    }

    @Test
    void retryAfterPutsTheNextAttemptLaterThanTheSchedule() {
        String tenant = newTenant();
        String path = "/hooks/" + tenant;
        receiver.script(path, HttpStub.Answer.status(503).withHeader("Retry-After", "3600"));
        register(tenant, path);
        Instant start = Instant.parse("2030-02-01T00:00:00Z");
        clock.set(start);

        caseOpened(tenant, "case-w5");

        assertThat(webhookDelivery(tenant).getDate("nextAttemptAt").toInstant()).isEqualTo(start.plusSeconds(3600));
        advanceAndSendWhatIsDue(Duration.ofMinutes(59));
        assertThat(receiver.received(path)).hasSize(1);
        advanceAndSendWhatIsDue(Duration.ofMinutes(1));
        assertThat(receiver.received(path)).hasSize(2);
        assertThat(webhookDelivery(tenant).getString("status")).isEqualTo("DELIVERED");
    }

    @Test
    void aSuccessEndsTheEndpointsRunOfFailures() {
        String tenant = newTenant();
        String path = "/hooks/" + tenant;
        receiver.script(path, HttpStub.Answer.status(500));
        Registered endpoint = register(tenant, path);
        Instant start = Instant.parse("2030-02-02T00:00:00Z");
        clock.set(start);

        caseOpened(tenant, "case-w5b");
        assertThat(endpoint(endpoint.id()).getDate("failingSince")).isNotNull();

        advanceAndSendWhatIsDue(Duration.ofSeconds(5));
        assertThat(webhookDelivery(tenant).getString("status")).isEqualTo("DELIVERED");
        assertThat(endpoint(endpoint.id()).get("failingSince")).isNull();
    }

    @Test
    void a410DisablesTheEndpointAndTellsTheTenant() {
        String tenant = newTenant();
        String path = "/hooks/" + tenant;
        receiver.script(path, HttpStub.Answer.status(410));
        Registered endpoint = register(tenant, path);

        caseOpened(tenant, "case-w6");

        assertThat(webhookDelivery(tenant).getString("status")).isEqualTo("FAILED");
        assertThat(endpoint(endpoint.id()).getBoolean("enabled")).isFalse();
        getAs(token(tenant, "someone", "merchant_admin"), "/api/v1/notifications/inbox")
                .expectBody()
                .jsonPath("$.items[?(@.eventType == 'thaw.webhook.endpoint_disabled')].body")
                .value(bodies -> assertThat(bodies.toString()).contains("HTTP 410 Gone"));
        caseOpened(tenant, "case-w7");
        assertThat(receiver.received(path)).hasSize(1);
    }

    @Test
    void anEndpointFailingForFiveDaysIsDisabledAndTheTenantTold() {
        String tenant = newTenant();
        String path = "/hooks/" + tenant;
        receiver.always(path, HttpStub.Answer.status(502));
        Registered endpoint = register(tenant, path);
        clock.set(Instant.parse("2030-03-01T00:00:00Z"));
        caseOpened(tenant, "case-w8");
        assertThat(endpoint(endpoint.id()).getBoolean("enabled")).isTrue();

        clock.advance(Duration.ofDays(5));
        caseOpened(tenant, "case-w9");

        Document disabled = endpoint(endpoint.id());
        assertThat(disabled.getBoolean("enabled")).isFalse();
        assertThat(disabled.getString("disabledReason")).contains("5 days");
        getAs(token(tenant, "someone", "merchant_admin"), "/api/v1/notifications/inbox")
                .expectBody()
                .jsonPath("$.items[?(@.eventType == 'thaw.webhook.endpoint_disabled')]")
                .exists();
        receiver.reset(path);
    }

    /**
     * The e-mail telling the tenant its endpoint was disabled gives the reason in each recipient's language
     * (real SMTP): a zh-CN contact reads it in Chinese with no English sentence, an English one in English.
     */
    @Test
    void theTenantIsToldWhyItsEndpointWasDisabledInEachRecipientsLanguage() throws Exception {
        String tenant = newTenant();
        String zh = "zh-" + tenant + "@smtp.example";
        String en = "en-" + tenant + "@smtp.example";
        registerClient(tenant, "name", "李雷", "email", zh, "channels", List.of("EMAIL"), "language", "zh-CN");
        registerClient(tenant, "name", "Ann", "email", en, "channels", List.of("EMAIL"), "language", "en");
        String gonePath = "/hooks/gone-" + tenant;
        receiver.script(gonePath, HttpStub.Answer.status(410));
        register(tenant, gonePath);

        caseOpened(tenant, "case-w6zh");

        String goneZh = disabledMail(zh, "Webhook 端点已停用");
        assertThat(goneZh)
                .contains("Thaw 已停用您的 webhook 端点", "端点返回了 HTTP 410 Gone，表示它已永久停止接收")
                .doesNotContain("answered", "the endpoint", "{{", "disabledReason");
        assertThat(disabledMail(en, "Webhook endpoint disabled"))
                .contains("Thaw disabled your webhook endpoint", ": it answered HTTP 410 Gone.");

        // Failing for the tenant's five days: the number in the words of each language.
        String failingPath = "/hooks/failing-" + tenant;
        receiver.always(failingPath, HttpStub.Answer.status(502));
        register(tenant, failingPath);
        clock.set(Instant.parse("2030-04-01T00:00:00Z"));
        caseOpened(tenant, "case-w8zh");
        clock.advance(Duration.ofDays(5));
        caseOpened(tenant, "case-w9zh");

        assertThat(mailsTo(zh, "Webhook 端点已停用"))
                .anySatisfy(text -> assertThat(text)
                        .contains("连续 5 天投递均未成功")
                        .doesNotContain("failed for", "without a success", "days", "{days}"));
        assertThat(mailsTo(en, "Webhook endpoint disabled"))
                .anySatisfy(text -> assertThat(text).contains(": it failed for 5 days without a success."));
        receiver.reset(failingPath);
    }

    /** The decoded text of the one mail to {@code address} whose subject starts with {@code subject}. */
    private static String disabledMail(String address, String subject) {
        List<String> mails = mailsTo(address, subject);
        assertThat(mails).as("mails to " + address).hasSize(1);
        return mails.getFirst();
    }

    private static List<String> mailsTo(String address, String subject) {
        return java.util.Arrays.stream(smtp.getReceivedMessages())
                .filter(mail -> {
                    try {
                        return mail.getSubject().startsWith(subject)
                                && java.util.Arrays.stream(mail.getAllRecipients())
                                        .anyMatch(to -> to.toString().contains(address));
                    } catch (jakarta.mail.MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .map(mail -> {
                    try {
                        return mail.getSubject() + "\n" + decodedParts(mail);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    @Test
    void aManualReplaySendsTheSameMessageAgain() {
        String tenant = newTenant();
        String path = "/hooks/" + tenant;
        Registered endpoint = register(tenant, path);
        caseOpened(tenant, "case-w10");
        String deliveryId = webhookDelivery(tenant).getString("_id");

        postAs(admin(tenant), "/api/v1/notifications/deliveries/{id}/replay", deliveryId)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.attempts.length()")
                .isEqualTo(2);
        postAs(admin(newTenant()), "/api/v1/notifications/deliveries/{id}/replay", deliveryId)
                .expectStatus()
                .isNotFound();

        List<HttpStub.Received> received = receiver.received(path);
        assertThat(received).hasSize(2);
        assertThat(received.get(1).header("webhook-id"))
                .isEqualTo(received.get(0).header("webhook-id"));
        verifiedByTheReferenceLibrary(endpoint.secret(), received.get(1));
    }

    @Test
    void anEndpointSlowerThanTheTimeoutCountsAsAFailedAttempt() {
        String tenant = newTenant();
        String path = "/hooks/" + tenant;
        receiver.script(path, HttpStub.Answer.status(200).delayed(Duration.ofSeconds(3)));
        register(tenant, path);

        caseOpened(tenant, "case-w11");

        Document delivery = webhookDelivery(tenant);
        assertThat(delivery.getString("status")).isEqualTo("RETRYING");
        assertThat(delivery.getString("lastResponse")).contains("Timeout");
    }

    @Test
    void endpointsOnPrivateLoopbackOrMetadataAddressesAreRefused() {
        String tenant = newTenant();
        for (String url : List.of(
                "http://localhost:8080/hook",
                "http://169.254.169.254/latest/meta-data/",
                "http://10.0.0.5/hook",
                "http://192.168.1.10/hook",
                "http://[::1]/hook",
                "http://[fd00:ec2::254]/",
                "http://0.0.0.0/",
                "ftp://example.com/")) {
            postJson(
                            admin(tenant),
                            "/api/v1/notifications/webhooks",
                            Map.of("url", url, "eventTypes", List.of("thaw.case.*")))
                    .expectStatus()
                    .isEqualTo(422)
                    .expectBody()
                    .jsonPath("$.code")
                    .isEqualTo("webhook_url_refused");
        }
    }

    @Test
    void aSecretShorterThan24BytesIsRejected() {
        String tenant = newTenant();
        postJson(
                        admin(tenant),
                        "/api/v1/notifications/webhooks",
                        Map.of(
                                "url",
                                receiver.url("/short"),
                                "eventTypes",
                                List.of("thaw.case.*"),
                                "secret",
                                "whsec_" + Base64.getEncoder().encodeToString(new byte[16])))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("secret");
    }

    /** {@code tenant}'s admin registers the endpoint {@code body} under the Idempotency-Key {@code key}: 201. */
    private Map<?, ?> registerWithKey(String tenant, String key, Map<String, Object> body) {
        return web.post()
                .uri("/api/v1/notifications/webhooks")
                .headers(h -> {
                    h.setBearerAuth(admin(tenant));
                    h.set("Idempotency-Key", key);
                })
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
    }

    /** The clock moves on by {@code by}; the timers then due fire and their sends are made. */
    private void advanceAndSendWhatIsDue(Duration by) {
        clock.advance(by);
        timers.fireDue().block();
        settle();
    }
}
