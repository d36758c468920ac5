package app.thaw.notifications.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import app.thaw.notifications.HttpStub;
import app.thaw.notifications.NotificationsTestBase;
import app.thaw.platform.events.ThawEvent;
import app.thaw.platform.tenancy.PartnerLinkEvents;
import app.thaw.platform.timers.Timers;
import com.standardwebhooks.Webhook;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * A partner bank hears of its linked merchant's cases (ADR 61): on its own webhook endpoints (a
 * real HTTP receiver, signatures checked with the Standard Webhooks reference library) and in its
 * tenant-wide inbox, while the link stands; the link arrives as case-service's
 * {@code thaw.partner.*} events do.
 */
class PartnerDeliveryTests extends NotificationsTestBase {

    /** The first requests of a cold context on a busy machine may take longer than the client's default 5 s. */
    @org.junit.jupiter.api.BeforeEach
    void patientClient() {
        web = web.mutate().responseTimeout(java.time.Duration.ofSeconds(60)).build();
    }

    @Autowired
    Timers timers;

    record Registered(String id, String secret) {}

    static String bankAdmin(String bank) {
        return token(bank, "bank-officer", "partner_bank");
    }

    /** The bank's webhook endpoint at {@code /hooks/<bank>}, registered for case and evidence events: that path. */
    String bankHook(String bank) {
        String path = "/hooks/" + bank;
        registerBankEndpoint(bank, path);
        return path;
    }

    /** Neither the bank's endpoint at {@code path} nor its delivery log saw anything. */
    void assertHeardNothing(String bank, String path) {
        assertThat(receiver.received(path)).isEmpty();
        assertThat(bankDeliveries(bank)).isEmpty();
    }

    Registered registerBankEndpoint(String bank, String path) {
        // The first request of a cold context on a busy machine may take longer than the client's default 5 s.
        Map<?, ?> answer = web.mutate()
                .responseTimeout(Duration.ofSeconds(60))
                .build()
                .post()
                .uri("/api/v1/notifications/webhooks")
                .headers(h -> h.setBearerAuth(bankAdmin(bank)))
                .bodyValue(Map.of("url", receiver.url(path), "eventTypes", List.of("thaw.case.*", "thaw.evidence.*")))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        return new Registered((String) ((Map<?, ?>) answer.get("endpoint")).get("id"), (String) answer.get("secret"));
    }

    void link(String merchant, String bank, boolean active, long sequence) {
        Instant now = clock.instant();
        Object record = active
                ? new PartnerLinkEvents.Linked(merchant, bank, true, sequence, now, "admin-1", now)
                : new PartnerLinkEvents.Unlinked(merchant, bank, false, sequence, now, "admin-1", now);
        deliver(ThawEvent.of("/thaw/case-service", merchant + "|" + bank, merchant, now, sequence, null, record))
                .expectStatus()
                .isOk();
    }

    void caseEvent(String merchant, String type, String caseId, boolean restricted) {
        deliver(event(
                        merchant,
                        type,
                        caseId,
                        caseData(
                                caseId,
                                "RISK_TXN",
                                restricted,
                                "reference",
                                "TH-" + caseId,
                                "from",
                                "OPEN",
                                "to",
                                "TRIAGED")))
                .expectStatus()
                .isOk();
    }

    List<Document> bankDeliveries(String bank) {
        return mongo.find(Query.query(Criteria.where("tenantId").is(bank)), Document.class, "deliveries")
                .collectList()
                .block();
    }

    @Test
    void aLinkedBankGetsItsMerchantsCaseEventsOnItsWebhookAndInboxUntilTheMerchantRevokesTheLink() {
        String merchant = newTenant();
        String bank = newTenant();
        String path = "/hooks/" + bank;
        Registered endpoint = registerBankEndpoint(bank, path);
        link(merchant, bank, true, 1);

        caseEvent(merchant, "thaw.case.opened", "case-p1", false);

        List<HttpStub.Received> received = receiver.received(path);
        assertThat(received).hasSize(1);
        HttpStub.Received request = received.getFirst();
        assertThat(request.body())
                .contains("\"type\":\"thaw.case.opened\"")
                .contains("\"merchantTenantId\":\"" + merchant + "\"")
                .contains("\"caseId\":\"case-p1\"");
        assertThatCode(() -> new Webhook(endpoint.secret()).verify(request.body(), request.headers()))
                .doesNotThrowAnyException();
        // The delivery is the bank's (its log, its retries) and names the merchant; it closes no golden 15 minutes of
        // the merchant's.
        getAs(bankAdmin(bank), "/api/v1/notifications/deliveries")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.items[?(@.channel == 'WEBHOOK')].caseId")
                .value(ids -> assertThat(ids.toString()).contains("case-p1"));
        assertThat(bankDeliveries(bank))
                .allSatisfy(delivery ->
                        assertThat(delivery.getString("onBehalfOfTenant")).isEqualTo(merchant));
        assertThat(mongo.count(Query.query(Criteria.where("tenantId").is(bank)), "case_first_deliveries")
                        .block())
                .isZero();
        // The bank's tenant-wide inbox has it too, for every user of the bank.
        getAs(token(bank, "another-officer", "partner_bank"), "/api/v1/notifications/inbox")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.items[?(@.eventType == 'thaw.case.opened')]")
                .value(items -> assertThat((List<?>) items).hasSize(1));
        // The merchant's own endpoints are untouched by the bank's: nothing of the bank's in the merchant's log.
        assertThat(mongo.count(
                                Query.query(Criteria.where("tenantId")
                                        .is(merchant)
                                        .and("target")
                                        .is(endpoint.id())),
                                "deliveries")
                        .block())
                .isZero();

        link(merchant, bank, false, 2);
        caseEvent(merchant, "thaw.case.status_changed", "case-p1", false);

        assertThat(receiver.received(path)).hasSize(1);
        assertThat(bankDeliveries(bank))
                .noneMatch(delivery -> "thaw.case.status_changed".equals(delivery.getString("eventType")));
    }

    /** Cases a bank may not follow: the link is another merchant's, or the case is restricted. */
    static Stream<Arguments> casesABankMayNotFollow() {
        return Stream.of(
                Arguments.of("a bank the merchant never linked (another merchant did)", false, false),
                Arguments.of("a restricted case of the merchant that linked the bank", true, true));
    }

    @ParameterizedTest(name = "{0} hears nothing")
    @MethodSource("casesABankMayNotFollow")
    void aBankHearsNothingOfACaseItMayNotFollow(String which, boolean linkedByTheCasesMerchant, boolean restricted) {
        String merchant = newTenant();
        String bank = newTenant();
        String path = bankHook(bank);
        link(linkedByTheCasesMerchant ? merchant : newTenant(), bank, true, 1);

        caseEvent(merchant, "thaw.case.opened", "case-p2", restricted);

        assertHeardNothing(bank, path);
    }

    @Test
    void anEvidenceEventAboutTheMerchantsCaseReachesTheBankToo() {
        String merchant = newTenant();
        String bank = newTenant();
        String path = bankHook(bank);
        link(merchant, bank, true, 1);

        deliver(ThawEvent.of(
                        "/thaw/evidence-service",
                        "thaw.evidence.received",
                        "ev-1",
                        merchant,
                        clock.instant(),
                        null,
                        Map.of("caseId", "case-p4", "evidenceId", "ev-1", "kind", "ID_DOCUMENT")))
                .expectStatus()
                .isOk();

        assertThat(receiver.received(path))
                .singleElement()
                .satisfies(request -> assertThat(request.body())
                        .contains("\"type\":\"thaw.evidence.received\"")
                        .contains("case-p4"));
    }

    @Test
    void aRetryPlannedBeforeTheMerchantRevokedTheLinkIsNotSent() {
        String merchant = newTenant();
        String bank = newTenant();
        String path = "/hooks/" + bank;
        receiver.script(path, HttpStub.Answer.status(500));
        registerBankEndpoint(bank, path);
        clock.set(Instant.parse("2030-03-03T00:00:00Z"));
        link(merchant, bank, true, 1);

        caseEvent(merchant, "thaw.case.opened", "case-p5", false);
        assertThat(receiver.received(path)).hasSize(1);
        Document webhook = bankDeliveries(bank).stream()
                .filter(d -> "WEBHOOK".equals(d.getString("channel")))
                .findFirst()
                .orElseThrow();
        assertThat(webhook.getString("status")).isEqualTo("RETRYING");

        link(merchant, bank, false, 2);
        clock.advance(Duration.ofSeconds(5));
        timers.fireDue().block();
        settle();

        assertThat(receiver.received(path)).hasSize(1);
        Document after = mongo.findById(webhook.getString("_id"), Document.class, "deliveries")
                .block();
        assertThat(after.getString("status")).isEqualTo("FAILED");
        assertThat(after.getString("lastResponse")).contains("revoked");
    }
}
