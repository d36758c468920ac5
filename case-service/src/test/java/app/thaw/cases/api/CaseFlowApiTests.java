package app.thaw.cases.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import app.thaw.platform.testing.ApiAnswers;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;

class CaseFlowApiTests extends CaseApiTests {

    @Test
    void theFirstDeliveredClientNotificationMeetsTheGoldenFifteen() {
        String id = open("flow1", RISK_NOTICE);
        Instant delivered = clock.instant().plusSeconds(300);

        deliver(internalEvent(
                "thaw.notification.delivered",
                "flow1",
                "msg-1",
                Map.of(
                        "caseId",
                        id,
                        "eventType",
                        "thaw.case.opened",
                        "channel",
                        "EMAIL",
                        "recipientKind",
                        "CLIENT",
                        "deliveredAt",
                        delivered.toString(),
                        "firstForCase",
                        true)));

        Map<String, Object> golden = clock(id, "GOLDEN_15");
        assertThat(golden).containsEntry("state", "MET").containsEntry("metAt", delivered.toString());
        assertThat(published(id)).contains("thaw.case.clock_met");
    }

    @Test
    void anUnmetGoldenFifteenIsBreachedWhenItsTimerFiresAndTheCaseIsAtRisk() {
        String id = open("flow2", RISK_NOTICE);
        clock.advance(Duration.ofMinutes(16));
        try {
            fireDueTimers();
        } finally {
            clock.advance(Duration.ofMinutes(-16));
        }

        assertThat(clock(id, "GOLDEN_15")).containsEntry("state", "BREACHED");
        assertThat(events(id))
                .filteredOn(e -> e.getString("type").equals("thaw.case.clock_breached"))
                .extracting(e -> ((Document) e.get("data")).getString("clock"))
                .contains("GOLDEN_15");
        getAs(token("flow2", "merchant_admin"), "/api/v1/cases?atRisk=true")
                .expectBody()
                .jsonPath("$.items[0].id")
                .isEqualTo(id);
    }

    @Test
    void aCaseHasOneTimerAtItsEarliestRunningDeadlineWhichMovesOnAfterEachFiring() {
        String id = open("flow2b", RISK_NOTICE);
        Document caseDoc = mongo.findById(id, Document.class, "cases").block();
        List<Document> timersOfCase = mongo.find(
                        org.springframework.data.mongodb.core.query.Query.query(
                                org.springframework.data.mongodb.core.query.Criteria.where("payload.caseId")
                                        .is(id)),
                        Document.class,
                        "timers")
                .collectList()
                .block();
        assertThat(timersOfCase)
                .singleElement()
                .satisfies(timer -> assertThat(timer.getDate("dueAt")).isEqualTo(caseDoc.getDate("nextClockDueAt")));

        clock.advance(Duration.ofMinutes(16));
        try {
            fireDueTimers();
        } finally {
            clock.advance(Duration.ofMinutes(-16));
        }

        Document after = mongo.findById(id, Document.class, "cases").block();
        Document timer = mongo.findById("case/" + id + "/next-deadline", Document.class, "timers")
                .block();
        assertThat(after.getDate("nextClockDueAt")).isAfter(caseDoc.getDate("nextClockDueAt"));
        assertThat(timer.getString("status")).isEqualTo("SCHEDULED");
        assertThat(timer.getDate("dueAt")).isEqualTo(after.getDate("nextClockDueAt"));
    }

    @Test
    void evidenceEventsUpdateTheChecklistAndARejectionKeepsItsReason() {
        String id = open("flow3", RISK_NOTICE);

        deliver(internalEvent(
                "thaw.evidence.received",
                "flow3",
                "ev-1",
                evidenceData(
                        id,
                        "ev-1",
                        "BUSINESS_LICENSE",
                        "sha256",
                        "ab",
                        "size",
                        10,
                        "contentType",
                        "image/png",
                        "fileName",
                        "l.png",
                        "uploadedBy",
                        "u",
                        "expired",
                        true)));
        deliver(internalEvent(
                "thaw.evidence.rejected",
                "flow3",
                "ev-1",
                evidenceData(
                        id,
                        "ev-1",
                        "BUSINESS_LICENSE",
                        "reasonCode",
                        "EXPIRED",
                        "note",
                        "valid until 2024-12-31",
                        "verifiedBy",
                        "v")));
        deliver(internalEvent(
                "thaw.evidence.verified",
                "flow3",
                "ev-2",
                evidenceData(id, "ev-2", "BANK_STATEMENT", "verifiedBy", "v")));

        getAs(token("flow3", "merchant_admin"), "/api/v1/cases/{id}", id)
                .expectBody()
                .jsonPath("$.checklist[?(@.code == 'BUSINESS_LICENSE')].status")
                .isEqualTo("REJECTED")
                .jsonPath("$.checklist[?(@.code == 'BUSINESS_LICENSE')].rejectionReason")
                .isEqualTo("EXPIRED: valid until 2024-12-31")
                .jsonPath("$.checklist[?(@.code == 'BANK_STATEMENT')].status")
                .isEqualTo("ACCEPTED");
    }

    @Test
    void staffSetAChecklistStatusByHandAndARejectionNeedsAReason() {
        String id = open("flow4", RISK_NOTICE);
        String agent = token("thaw", "staff_agent");

        putJson(agent, "/api/v1/cases/{id}/checklist/LEGAL_REP_ID", Map.of("status", "REJECTED"), id)
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("rejection_reason_required");
        putJson(agent, "/api/v1/cases/{id}/checklist/LEGAL_REP_ID", Map.of("status", "ACCEPTED"), id)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.checklist[?(@.code == 'LEGAL_REP_ID')].status")
                .isEqualTo("ACCEPTED");
        putJson(
                        token("flow4", "merchant_admin"),
                        "/api/v1/cases/{id}/checklist/LEGAL_REP_ID",
                        Map.of("status", "ACCEPTED"),
                        id)
                .expectStatus()
                .isForbidden();
    }

    @Test
    void aHighIdentityMisuseAlertOpensOneCaseHoweverOftenItIsDelivered() {
        String alert = "alert-" + java.util.UUID.randomUUID();
        Map<String, Object> data = identityMisuseAlert(
                alert, List.of("s1", "s2", "s3"), clock.instant().toString());
        deliver(internalEvent("thaw.alert.raised", "flow5", alert, data));
        deliver(internalEvent("thaw.alert.raised", "flow5", alert, data));
        deliver(internalEvent(
                "thaw.alert.raised",
                "flow5",
                "low",
                Map.of("alertId", "low-1", "severity", "LOW", "kind", "IDENTITY_MISUSE")));

        getAs(token("flow5", "merchant_admin"), "/api/v1/cases")
                .expectBody()
                .jsonPath("$.items.length()")
                .isEqualTo(1)
                .jsonPath("$.items[0].scenario")
                .isEqualTo("IDENTITY_MISUSE")
                .jsonPath("$.items[0].sourceAlertId")
                .isEqualTo(alert)
                .jsonPath("$.items[0].status")
                .isEqualTo("TRIAGED");
    }

    @Test
    void aSanctionsHitOpensARestrictedComplianceHoldReviewCase() {
        deliver(internalEvent(
                "thaw.alert.raised",
                "flow6",
                "a6",
                Map.of(
                        "alertId",
                        "a6",
                        "subjectId",
                        "c-1",
                        "subjectLabel",
                        "A*** Ltd",
                        "subjectType",
                        "COMPANY",
                        "severity",
                        "MEDIUM",
                        "kind",
                        "SANCTIONS_HIT",
                        "listEntryId",
                        "SDN-1",
                        "score",
                        0.93)));

        getAs(token("flow6", "merchant_admin"), "/api/v1/cases")
                .expectBody()
                .jsonPath("$.items.length()")
                .isEqualTo(0);
        getAs(token("thaw", "compliance_officer"), "/api/v1/cases?tenantId=flow6")
                .expectBody()
                .jsonPath("$.items[0].scenario")
                .isEqualTo("COMPLIANCE_HOLD")
                .jsonPath("$.items[0].restricted")
                .isEqualTo(true)
                .jsonPath("$.items[0].holder.type")
                .isEqualTo("ENTERPRISE");
    }

    @Test
    void aContactWithAStatedCycleSchedulesTheFollowUpInTheTenantsCalendar() {
        String id = open("flow7", RISK_NOTICE);
        // Tuesday 30 September 2025, 10:00 in Shanghai; a 7-day cycle → day 5 → 14 October (Golden Week off).
        logContact(
                        id,
                        token("flow7", "merchant_admin"),
                        "PHONE",
                        "2025-09-30T02:00:00Z",
                        "ticketNumber",
                        "T-77",
                        "agent",
                        "agent 7",
                        "summary",
                        "called support",
                        "nextStep",
                        "send invoices",
                        "statedCycleDays",
                        7)
                .expectStatus()
                .isOk();

        assertThat(clock(id, "FOLLOW_UP")).containsEntry("dueAt", "2025-10-14T02:00:00Z");
        getAs(token("flow7", "merchant_admin"), "/api/v1/cases/{id}/scripts?lang=zh-CN", id)
                .expectBody()
                .jsonPath("$.scripts.recap")
                .value(text -> assertThat((String) text).contains("T-77", "send invoices"));
    }

    @Test
    void aTenantsOwnTimeZoneAndHolidaysMoveItsFollowUps() {
        String admin = token("flow8", "merchant_admin");
        putJson(admin, "/api/v1/cases/settings", Map.of("country", "Mars", "timeZone", "Asia/Shanghai"))
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("unknown_calendar_country");
        putJson(admin, "/api/v1/cases/settings", Map.of("country", "DE", "timeZone", "Europe/Berlinn"))
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("invalid_time_zone");
        putJson(admin, "/api/v1/cases/settings", Map.of("country", "US", "timeZone", "America/New_York"))
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("ETag", "\"1\"");
        String id = open("flow8", RISK_NOTICE);

        // Wednesday 26 November 2025, 16:00 in New York; Thursday 27 is Thanksgiving. (A contact whose chase has
        // already passed plans none, so the contact lies ahead of the test clock.)
        logContact(id, admin, "EMAIL", "2025-11-26T21:00:00Z", "summary", "mailed", "statedCycleDays", 1)
                .expectStatus()
                .isOk();

        assertThat(clock(id, "FOLLOW_UP")).containsEntry("dueAt", "2025-11-28T21:00:00Z");
    }

    @Test
    void aSupplementRequestPublishesItsItemsAndThe24HourAcknowledgementClock() {
        String id = open("flow13", RISK_NOTICE);
        String admin = token("flow13", "merchant_admin");
        for (String to : List.of("GATHERING_EVIDENCE", "SUBMITTED", "UNDER_REVIEW")) {
            transition(id, admin, to, Map.of()).expectStatus().isOk();
        }

        transition(id, admin, "SUPPLEMENT_REQUESTED", Map.of("items", List.of("TRANSACTION_BACKGROUND")))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.supplementItems[0]")
                .isEqualTo("TRANSACTION_BACKGROUND");

        Document requested = events(id).stream()
                .filter(e -> e.getString("type").equals("thaw.case.supplement_requested"))
                .findFirst()
                .orElseThrow();
        Document data = (Document) requested.get("data");
        assertThat(data.getList("items", String.class)).containsExactly("TRANSACTION_BACKGROUND");
        assertThat(Instant.parse(data.getString("acknowledgeBy")))
                .isEqualTo(clock.instant().plus(Duration.ofHours(24)));
        assertThat(clock(id, "SUPPLEMENT_ACK_24H")).containsEntry("state", "RUNNING");
        transition(id, admin, "RESOLVED", Map.of())
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.allowedStates[0]")
                .isEqualTo("GATHERING_EVIDENCE");
    }

    @Test
    void aJudicialFreezeResolvesOnlyWithTheAuthoritysReleaseReference() {
        String id = open("flow14", "根据上海市浦东新区人民法院（2025）沪0115执保1234号民事裁定书，对您名下账户予以司法冻结。");
        String admin = token("flow14", "merchant_admin");
        for (String to : List.of("GATHERING_EVIDENCE", "SUBMITTED", "UNDER_REVIEW")) {
            transition(id, admin, to, Map.of()).expectStatus().isOk();
        }

        transition(id, admin, "RESOLVED", Map.of())
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("release_reference_required");
        transition(id, admin, "RESOLVED", Map.of("releaseReference", "（2025）沪0115执保解1234号"))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.releaseReference")
                .isEqualTo("（2025）沪0115执保解1234号")
                .jsonPath("$.triage.facts.authority")
                .isEqualTo("上海市浦东新区人民法院");
    }

    @Test
    void aCaseIsResolvedReviewedClosedAndFoundInTheLibrary() {
        String id = open("flow9", RISK_NOTICE);
        String admin = token("flow9", "merchant_admin");
        for (String to : List.of("GATHERING_EVIDENCE", "SUBMITTED", "UNDER_REVIEW", "RESOLVED")) {
            transition(id, admin, to, Map.of()).expectStatus().isOk();
        }
        transition(id, admin, "CLOSED", Map.of())
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("review_required");
        putJson(
                        admin,
                        "/api/v1/cases/{id}/review",
                        Map.of(
                                "summary",
                                "Funds held 3 days over missing invoices",
                                "whys",
                                List.of("no invoices", "not filed", "no checklist", "new hire", "no onboarding"),
                                "rootCause",
                                "no invoice checklist at onboarding",
                                "penalty",
                                "3 days frozen",
                                "fix",
                                "invoice checklist",
                                "actionItems",
                                List.of(Map.of(
                                        "title",
                                        "write checklist",
                                        "owner",
                                        "ops",
                                        "dueDate",
                                        "2025-10-20",
                                        "done",
                                        false))),
                        id)
                .expectStatus()
                .isOk();
        post("/api/v1/cases/" + id + "/review/complete", admin, Map.of())
                .expectStatus()
                .isOk();
        transition(id, admin, "CLOSED", Map.of())
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("CLOSED")
                .jsonPath("$.outcome")
                .isEqualTo("RESTORED");

        assertThat(published(id)).contains("thaw.case.closed");
        getAs(admin, "/api/v1/cases/library?q=INVOICE CHECKLIST")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.items[0].caseId")
                .isEqualTo(id);
        getAs(token("other", "merchant_admin"), "/api/v1/cases/library?q=invoice")
                .expectBody()
                .jsonPath("$.items.length()")
                .isEqualTo(0);
        getAs(admin, "/api/v1/cases/{id}/timeline", id)
                .expectBody()
                .jsonPath("$[-1].type")
                .isEqualTo("closed");
    }

    @Test
    void aDrillRunsTheRealClocksAndItsReportShowsEachStepAgainstItsClock() {
        String admin = token("flow10", "merchant_admin");
        String id = (String) createdId(postJson(admin, "/api/v1/cases/drills", Map.of("scenario", "ACCOUNT_TAKEOVER")));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> tasks =
                (List<Map<String, Object>>) read(id, admin).get("tasks");
        clock.advance(Duration.ofMinutes(10));
        try {
            Object freeze = tasks.stream()
                    .filter(t -> String.valueOf(t.get("title")).startsWith("Freeze"))
                    .findFirst()
                    .orElseThrow()
                    .get("id");
            post("/api/v1/cases/" + id + "/tasks/" + freeze + "/done", admin, Map.of("note", "froze via console"))
                    .expectStatus()
                    .isOk();
        } finally {
            clock.advance(Duration.ofMinutes(-10));
        }

        getAs(admin, "/api/v1/cases/{id}/drill-report", id)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.drill")
                .isEqualTo(true)
                .jsonPath("$.timeline[?(@.clock == 'TAKEOVER_FREEZE_15')].result")
                .isEqualTo("MET_IN_TIME")
                .jsonPath("$.timeline[?(@.clock == 'TAKEOVER_FREEZE_15')].tookSeconds")
                .isEqualTo(600)
                .jsonPath("$.timeline[?(@.clock == 'TAKEOVER_PROOF_20')].result")
                .isEqualTo("PENDING");
        assertThat(events(id))
                .allSatisfy(event -> assertThat(((Document) event.get("data")).getBoolean("drill"))
                        .isTrue());
        String real = open("flow10", RISK_NOTICE);
        getAs(admin, "/api/v1/cases/{id}/drill-report", real).expectStatus().isNotFound();
    }

    @Test
    void waitingOnTheHolderPausesClocksAndTheDelayReportSumsEachPartysTime() {
        String id = open("flow11", RISK_NOTICE);
        String admin = token("flow11", "merchant_admin");

        post("/api/v1/cases/" + id + "/waiting", admin, Map.of("party", "HOLDER"))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.clocks[?(@.kind == 'TASK_DUE' && @.state == 'PAUSED')]")
                .exists();
        clock.advance(Duration.ofHours(2));
        try {
            post("/api/v1/cases/" + id + "/waiting", admin, Map.of("party", "PLATFORM"))
                    .expectStatus()
                    .isOk();
            getAs(admin, "/api/v1/cases/{id}/delay-report", id)
                    .expectBody()
                    .jsonPath("$.secondsByParty.HOLDER")
                    .isEqualTo(7200)
                    .jsonPath("$.waitingOn")
                    .isEqualTo("PLATFORM");
        } finally {
            clock.advance(Duration.ofHours(-2));
        }
        assertThat(published(id)).contains("thaw.case.clock_paused");
    }

    @Test
    void aTenantAdminCopiesAPlaybookAndNewCasesFollowTheNewVersionWhileOldOnesKeepTheirs() {
        String admin = token("flow12", "merchant_admin");
        String before = open("flow12", RISK_NOTICE);
        newPlaybookVersion(admin, "RISK_TXN", List.of(merchantStep("打电话给客户经理", "Call the account manager", 30)))
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.version")
                .isEqualTo(2)
                .jsonPath("$.owner")
                .isEqualTo("flow12");
        post("/api/v1/cases/playbooks/RISK_TXN/versions", admin, Map.of("basedOnVersion", 1))
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("version_conflict");

        String after = open("flow12", RISK_NOTICE);

        assertThat(read(before, admin))
                .extracting(c -> ((Map<?, ?>) c.get("playbook")).get("version"))
                .isEqualTo(1);
        assertThat(read(after, admin))
                .extracting(c -> ((Map<?, ?>) c.get("playbook")).get("version"))
                .isEqualTo(2);
        assertThat((List<?>) read(after, admin).get("tasks")).hasSize(1);
        post(
                        "/api/v1/cases/playbooks/RISK_TXN/versions",
                        token("flow12", "merchant_member"),
                        Map.of("basedOnVersion", 2))
                .expectStatus()
                .isForbidden();
    }

    @Test
    void aTenantsJudicialPlaybookThatSendsStaffToThePlatformsSupportIsRefusedByStepAndRule() {
        String admin = token("flow12j", "merchant_admin");
        ApiAnswers.firstViolation(
                newPlaybookVersion(
                        admin,
                        "JUDICIAL_FREEZE",
                        List.of(
                                merchantStep("联系执行机关了解冻结范围", "Ask the authority about the scope", 60),
                                merchantStep("联系平台官方客服申请解冻", "Ask the platform to lift the freeze", 60))),
                "steps[1].title",
                "ContactRule");
        // The same step is a RISK_TXN case's own business: the platform's support is whom it contacts.
        newPlaybookVersion(
                        admin,
                        "RISK_TXN",
                        List.of(merchantStep("联系平台官方客服申请解冻", "Ask official support to lift the freeze", 60)))
                .expectStatus()
                .isCreated();
        getAs(admin, "/api/v1/cases/playbooks/JUDICIAL_FREEZE")
                .expectBody()
                .jsonPath("$.version")
                .isEqualTo(1);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> clock(String caseId, String kind) {
        String bearer = token(caseTenant(caseId), "merchant_admin");
        List<Map<String, Object>> clocks =
                (List<Map<String, Object>>) read(caseId, bearer).get("clocks");
        return clocks.stream()
                .filter(c -> kind.equals(c.get("kind")))
                .reduce((a, b) -> b)
                .orElseThrow();
    }

    String caseTenant(String caseId) {
        return mongo.findById(caseId, Document.class, "cases").block().getString("tenantId");
    }

    /** A tenant admin's new version of its playbook for {@code scenario}, based on version 1. */
    private WebTestClient.ResponseSpec newPlaybookVersion(
            String admin, String scenario, List<Map<String, Object>> steps) {
        return post(
                "/api/v1/cases/playbooks/" + scenario + "/versions",
                admin,
                Map.of("basedOnVersion", 1, "steps", steps));
    }

    /** A playbook step for the merchant's admin, titled in Chinese and English, due after {@code dueMinutes}. */
    private static Map<String, Object> merchantStep(String zh, String en, int dueMinutes) {
        return Map.of("title", Map.of("zh", zh, "en", en), "ownerRole", "merchant_admin", "dueMinutes", dueMinutes);
    }
}
