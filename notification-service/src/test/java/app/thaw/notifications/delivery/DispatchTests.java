package app.thaw.notifications.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import app.thaw.notifications.NotificationsTestBase;
import app.thaw.notifications.events.ConsumedEvents;
import app.thaw.platform.events.EventData;
import app.thaw.platform.events.EventOutbox;
import app.thaw.platform.events.ThawEvent;
import app.thaw.platform.timers.Timers;
import jakarta.mail.internet.MimeMessage;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

class DispatchTests extends NotificationsTestBase {

    @Autowired
    DispatchService dispatch;

    @Autowired
    Timers timers;

    /** case-service's {@code thaw.case.opened} for the tenant's case, delivered: 200. */
    void caseOpened(String tenant, String caseId, boolean restricted) {
        deliver(event(tenant, "thaw.case.opened", caseId, opened(caseId, restricted)))
                .expectStatus()
                .isOk();
    }

    static Map<String, Object> opened(String caseId, boolean restricted) {
        return Map.of(
                "caseId",
                caseId,
                "scenario",
                restricted ? "COMPLIANCE_HOLD" : "RISK_TXN",
                "drill",
                false,
                "restricted",
                restricted,
                "reference",
                "TH-" + caseId,
                "holder",
                Map.of("type", "ENTERPRISE", "displayName", "Shenzhen Widgets <Ltd>", "accountReference", "acct-1"),
                "platform",
                "LianLian",
                "scope",
                "TRANSACTION",
                "openedAt",
                Instant.now().toString());
    }

    /** The tenant's one delivery on {@code channel}. */
    Document onlyDelivery(String tenant, String channel) {
        List<Document> on = deliveries(tenant).stream()
                .filter(d -> channel.equals(d.getString("channel")))
                .toList();
        assertThat(on).as(channel + " deliveries").hasSize(1);
        return on.getFirst();
    }

    Map<String, Object> client(String tenant, String email, String phone) {
        return merchantContact(email, phone, List.of("EMAIL", "SMS", "IN_APP"));
    }

    List<MimeMessage> mailTo(String address) {
        return Arrays.stream(smtp.getReceivedMessages())
                .filter(message -> {
                    try {
                        return Arrays.stream(message.getAllRecipients())
                                .anyMatch(to -> to.toString().contains(address));
                    } catch (jakarta.mail.MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    List<Document> outboxFor(String tenant) {
        return mongo.find(
                        Query.query(Criteria.where("event.tenantId")
                                .is(tenant)
                                .and("event.type")
                                .is(DispatchService.DELIVERED)),
                        Document.class,
                        EventOutbox.OUTBOX)
                .collectList()
                .block();
    }

    List<Document> deliveries(String tenant) {
        return mongo.find(Query.query(Criteria.where("tenantId").is(tenant)), Document.class, "deliveries")
                .collectList()
                .block();
    }

    /** A client reading Chinese in Shanghai, in the in-app inbox. */
    void chineseClient(String tenant) {
        registerClient(
                tenant,
                "name",
                "王经理",
                "userId",
                "client-zh",
                "channels",
                List.of("IN_APP"),
                "language",
                "zh-CN",
                "timeZone",
                "Asia/Shanghai");
    }

    @Test
    void aCaseOpeningReachesTheClientOnEveryChannelAndOnlyTheFirstDeliveryClosesTheGoldenFifteen() throws Exception {
        String tenant = newTenant();
        String email = tenant + "@merchant.example";
        registerRecipient(tenant, client(tenant, email, "+8613800000001"));
        ThawEvent opened = event(tenant, "thaw.case.opened", "case-1", opened("case-1", false));

        deliver(opened).expectStatus().isOk();

        List<MimeMessage> mails = mailTo(email);
        assertThat(mails).hasSize(1);
        assertThat(mails.getFirst().getSubject()).isEqualTo("[TH-case-1] We found it and we are on it");
        assertThat(smsPrimary.received("/messages"))
                .anySatisfy(sms -> assertThat(sms.body())
                        .contains("+8613800000001")
                        .contains("case TH-case-1 opened for Shenzhen Widgets <Ltd>"));
        getAs(token(tenant, "client-user", "merchant_member"), "/api/v1/notifications/inbox")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.items[0].title")
                .isEqualTo("[TH-case-1] We found it and we are on it");

        List<Document> published = outboxFor(tenant);
        assertThat(published).hasSize(3);
        assertThat(published)
                .filteredOn(entry -> entry.get("event", Document.class)
                        .get("data", Document.class)
                        .getBoolean("firstForCase"))
                .singleElement()
                .satisfies(
                        entry -> assertThat(entry.get("event", Document.class).get("data", Document.class))
                                .containsEntry("caseId", "case-1")
                                .containsEntry("eventType", "thaw.case.opened")
                                .containsEntry("recipientKind", "CLIENT"));
        getAs(admin(tenant), "/api/v1/notifications/cases/case-1/first-delivery")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.deliveredAt")
                .exists();
    }

    @Test
    void aTakeoverCasesFirstMessageOffersTheClientTwoOptionsWithTheirSuccessEstimates() {
        String tenant = newTenant();
        String email = tenant + "@merchant.example";
        registerRecipient(tenant, client(tenant, email, "+8613800000009"));
        Map<String, Object> takeover = new java.util.HashMap<>(opened("case-t", false));
        takeover.put("scenario", "ACCOUNT_TAKEOVER");
        deliver(event(tenant, "thaw.case.opened", "case-t", takeover))
                .expectStatus()
                .isOk();
        caseOpened(tenant, "case-r", false);

        String inbox = getAs(token(tenant, "client-user", "merchant_member"), "/api/v1/notifications/inbox")
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(inbox)
                .contains(
                        "1. Fastest: LianLian's self-service recovery",
                        "estimated success 60%",
                        "2. Most likely to succeed",
                        "estimated success 90%");
        assertThat(inbox.split("estimated success 60%", -1))
                .as("only the takeover case's message offers them")
                .hasSize(2);
    }

    @Test
    void theSameEventDispatchedAgainAfterARestartDeliversNothingTwice() {
        String tenant = newTenant();
        String email = tenant + "@merchant.example";
        registerRecipient(tenant, client(tenant, email, "+8613800000002"));
        ThawEvent opened = event(tenant, "thaw.case.opened", "case-2", opened("case-2", false));
        deliver(opened).expectStatus().isOk();
        int smsBefore = smsPrimary.received("/messages").size();

        // As after a restart that lost the inbox's record of the event: the pipeline runs again for the same event id.
        dispatch.dispatch(new Notification(
                        opened.id(),
                        tenant,
                        opened.type(),
                        "case-2",
                        false,
                        false,
                        EventData.fromJson(opened.data(), ConsumedEvents.Opened.class),
                        null))
                .block();
        settle();
        deliver(opened).expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("duplicate");

        assertThat(mailTo(email)).hasSize(1);
        assertThat(smsPrimary.received("/messages")).hasSize(smsBefore);
        assertThat(deliveries(tenant))
                .hasSize(3)
                .allSatisfy(
                        delivery -> assertThat(delivery.getInteger("attempts")).isEqualTo(1));
        assertThat(outboxFor(tenant)).hasSize(3);
    }

    @Test
    void aTenantWithNoRecipientGetsTheMessageInItsTenantInboxAndTheGoldenFifteenStillCloses() {
        String tenant = newTenant();
        caseOpened(tenant, "case-3", false);

        getAs(token(tenant, "anyone", "merchant_member"), "/api/v1/notifications/inbox")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.items[0].title")
                .isEqualTo("[TH-case-3] We found it and we are on it");
        assertThat(outboxFor(tenant))
                .singleElement()
                .satisfies(
                        entry -> assertThat(entry.get("event", Document.class).get("data", Document.class))
                                .containsEntry("firstForCase", true)
                                .containsEntry("channel", "IN_APP"));
    }

    @Test
    void aChineseTenantsInboxIsWrittenInChineseWithTimesInItsZone() {
        String tenant = newTenant();
        putJson(
                        token(tenant, "boss", "merchant_admin"),
                        "/api/v1/notifications/settings",
                        Map.of(
                                "version",
                                0,
                                "reminderOffsets",
                                List.of("PT60M", "PT30M", "PT10M"),
                                "escalateAfter",
                                "PT5M",
                                "retrySchedule",
                                List.of("PT5S"),
                                "disableAfter",
                                "P5D",
                                "secretOverlap",
                                "PT24H",
                                "language",
                                "zh-CN",
                                "timeZone",
                                "Asia/Shanghai"))
                .expectStatus()
                .isOk();
        caseOpened(tenant, "case-zh", false);

        assertThat(deliveries(tenant)).singleElement().satisfies(d -> {
            assertThat(d.getString("language")).isEqualTo("zh-CN");
            assertThat(d.getString("text")).doesNotContain("Hello").containsPattern("[\\u4e00-\\u9fff]");
        });
    }

    @Test
    void theTenantInboxGreetsTheHolderNotTheInbox() {
        String tenant = newTenant();
        caseOpened(tenant, "case-9", false);

        assertThat(deliveries(tenant))
                .singleElement()
                .satisfies(d -> assertThat(d.getString("text"))
                        .startsWith("Hello Shenzhen Widgets <Ltd>,")
                        .doesNotContain("Tenant inbox"));
    }

    @Test
    void theTriagedMessageListsTheChecklistAndAClientSeesTimesInItsZone() {
        String tenant = newTenant();
        chineseClient(tenant);
        Map<String, Object> triaged = caseData(
                "case-10",
                "RISK_TXN",
                false,
                "reference",
                "acme-C-2025-000010",
                "scope",
                "TRANSACTION",
                "holder",
                Map.of("displayName", "杭州小象贸易有限公司"),
                "checklist",
                List.of(Map.of(
                        "code",
                        "BANK_STATEMENT",
                        "en",
                        "bank statement",
                        "zh",
                        "银行流水",
                        "reasonEn",
                        "where the money came from",
                        "reasonZh",
                        "资金来源",
                        "status",
                        "MISSING")));

        deliver(event(tenant, "thaw.case.triaged", "case-10", triaged))
                .expectStatus()
                .isOk();

        assertThat(deliveries(tenant))
                .singleElement()
                .satisfies(d -> assertThat(d.getString("text"))
                        .contains("acme-C-2025-000010", "请准备以下材料", "- 银行流水：资金来源")
                        .doesNotContain("随后发送"));
    }

    @Test
    void aChineseClientsSupplementRequestNamesTheCaseByItsReferenceWithTheDeadlineInItsZoneAndTheItemsInWords() {
        String tenant = newTenant();
        chineseClient(tenant);
        String caseId = "0b6f2c1e-6c1a-4d59-9f0e-2f6f8c7f4a11";
        Map<String, Object> supplement = caseData(
                caseId,
                "RISK_TXN",
                false,
                "reference",
                "acme-C-2026-000042",
                "requestedAt",
                "2026-12-07T02:00:00Z",
                "items",
                List.of("BANK_STATEMENT"),
                "acknowledgeBy",
                "2026-12-08T02:00:00Z");

        deliver(event(tenant, "thaw.case.supplement_requested", caseId, supplement))
                .expectStatus()
                .isOk();

        assertThat(deliveries(tenant)).singleElement().satisfies(d -> {
            assertThat(d.getString("subject"))
                    .isEqualTo("[acme-C-2026-000042] 需补充材料：请在 2026年12月8日 10:00（Asia/Shanghai） 前确认");
            assertThat(d.getString("text"))
                    .contains("案件 acme-C-2026-000042", "银行流水")
                    .doesNotContain(caseId, "2026-12-08T02:00:00Z", "BANK_STATEMENT");
        });
    }

    @Test
    void anEvidenceMessageNamesTheCaseByTheReferenceItsOpeningCarried() {
        String tenant = newTenant();
        chineseClient(tenant);
        String caseId = "5d0c6a9e-0d41-4b7e-9a55-6f2e8d1b7c30";
        caseOpened(tenant, caseId, false);
        Map<String, Object> received = Map.of(
                "caseId",
                caseId,
                "evidenceId",
                "ev-1",
                "requirementCode",
                "BANK_STATEMENT",
                "sha256",
                "ab",
                "size",
                10,
                "contentType",
                "application/pdf",
                "fileName",
                "流水.pdf",
                "uploadedBy",
                "client-zh",
                "expired",
                false,
                "linked",
                false);

        deliver(event(tenant, "thaw.evidence.received", "ev-1", received))
                .expectStatus()
                .isOk();

        assertThat(deliveries(tenant))
                .filteredOn(d -> "thaw.evidence.received".equals(d.getString("eventType")))
                .singleElement()
                .satisfies(d -> {
                    assertThat(d.getString("subject")).isEqualTo("[TH-" + caseId + "] 已收到：银行流水");
                    assertThat(d.getString("text")).contains("案件 TH-" + caseId).doesNotContain("案件 " + caseId);
                });
    }

    @Test
    void theHolderOfARestrictedCaseGetsOnlyTheFixedNoticeWhileStaffGetTheFacts() throws Exception {
        String tenant = newTenant();
        String email = tenant + "@holder.example";
        registerClient(tenant, "name", "Holder", "email", email, "channels", List.of("EMAIL"), "language", "zh-CN");
        registerStaff(tenant, "Officer", "officer-1", "compliance_officer");

        caseOpened(tenant, "case-4", true);

        MimeMessage mail = mailTo(email).getFirst();
        assertThat(mail.getSubject()).isEqualTo("账户暂时无法使用");
        String content = org.springframework.util.StreamUtils.copyToString(
                mail.getInputStream(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(mail.getContent().toString() + content)
                .doesNotContain("COMPLIANCE_HOLD")
                .doesNotContain("Shenzhen");
        assertThat(onlyDelivery(tenant, "EMAIL").getString("text")).isEqualTo("因接收到主管机关通知，账户暂时无法使用，具体请等待官方公告。");
        assertThat(onlyDelivery(tenant, "IN_APP").getString("text")).contains("Shenzhen Widgets <Ltd>");
    }

    @Test
    void aNonUrgentMessageWaitsOutQuietHoursButAnUrgentOnePasses() {
        String tenant = newTenant();
        String email = tenant + "@quiet.example";
        LocalTime now = LocalTime.now(ZoneOffset.UTC);
        registerClient(
                tenant,
                "name",
                "Night Owl",
                "userId",
                "owl",
                "email",
                email,
                "channels",
                List.of("EMAIL", "IN_APP"),
                "timeZone",
                "UTC",
                "quietHours",
                Map.of(
                        "start",
                        now.minusHours(1).withSecond(0).withNano(0).toString().substring(0, 5),
                        "end",
                        now.plusHours(2).withSecond(0).withNano(0).toString().substring(0, 5)));

        deliver(event(
                        tenant,
                        "thaw.case.status_changed",
                        "case-5",
                        caseData(
                                "case-5",
                                "RISK_TXN",
                                false,
                                "from",
                                "SUBMITTED",
                                "to",
                                "UNDER_REVIEW",
                                "reason",
                                "reviewing",
                                "actor",
                                "agent-1")))
                .expectStatus()
                .isOk();
        assertThat(mailTo(email)).isEmpty();
        assertThat(onlyDelivery(tenant, "EMAIL").getString("status")).isEqualTo("DEFERRED");
        assertThat(onlyDelivery(tenant, "IN_APP").getString("status")).isEqualTo("DELIVERED");

        caseOpened(tenant, "case-6", false);
        assertThat(mailTo(email)).hasSize(1);

        clock.advance(Duration.ofHours(2).plusMinutes(1));
        timers.fireDue().block();
        settle();
        assertThat(mailTo(email)).hasSize(2);
    }

    @Test
    void aDeliveryLeftPendingByAStoppedInstanceIsSentByTheSweepOnceItsLeaseLapses() {
        String tenant = newTenant();
        caseOpened(tenant, "case-8", false);
        Document sent = deliveries(tenant).getFirst();
        // As if the instance that stored it stopped before its first attempt: a second delivery, PENDING, leased to it.
        String id = sent.getString("_id").replace("|IN_APP", "|IN_APP-again").replace("case-8", "case-8b");
        Document stranded = new Document(sent)
                .append("_id", id)
                .append("status", "PENDING")
                .append("attempts", 0)
                .append("leaseUntil", java.util.Date.from(clock.instant().plus(Duration.ofMinutes(1))));
        stranded.remove("attemptLog");
        stranded.put("channel", "IN_APP");
        mongo.insert(stranded, "deliveries").block();

        dispatch.sweep().block();
        settle();
        assertThat(mongo.findById(id, Document.class, "deliveries").block().getString("status"))
                .as("still leased to the instance that stored it")
                .isEqualTo("PENDING");

        clock.advance(Duration.ofMinutes(3));
        assertThat(dispatch.sweep().block()).isPositive();
        settle();
        dispatch.sweep().block();
        settle();

        Document after = mongo.findById(id, Document.class, "deliveries").block();
        assertThat(after.getString("status")).isEqualTo("DELIVERED");
        assertThat(after.getList("attemptLog", Document.class))
                .as("sent once, though swept twice")
                .singleElement()
                .satisfies(attempt -> assertThat(attempt.getString("status")).isEqualTo("SUCCEEDED"));
    }

    @Test
    void anotherTenantsDeliveryAnswers404() {
        String tenant = newTenant();
        caseOpened(tenant, "case-7", false);
        String id = deliveries(tenant).getFirst().getString("_id");

        getAs(admin(tenant), "/api/v1/notifications/deliveries/{id}", id)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.attempts[0].status")
                .isEqualTo("SUCCEEDED");
        getAs(admin(newTenant()), "/api/v1/notifications/deliveries/{id}", id)
                .expectStatus()
                .isNotFound()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("not_found");
    }
}
