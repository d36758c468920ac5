package app.thaw.cases.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import app.thaw.cases.api.CaseApiTests;
import app.thaw.platform.testing.MessageBundles;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * The staff dashboard's pages, rendered by the running service on the API tests' shared context:
 * the same data, roles and restriction as the API, in English and Chinese, writes through htmx
 * form posts that answer the refreshed case or a visible refusal.
 */
class CasesDashboardTests extends CaseApiTests {

    // Tokens are made when used: a static one may expire before a slow run reaches its last test.
    private static final String COMPLIANCE_NOTICE = "根据主管机关通知，您的账户暂时不可用，请等待官方公告。";

    @Test
    void theQueueRanksABreachedCaseFirstThenTheNearestDeadlineWithLiveCountdowns() {
        String tenant = "dash-" + UUID.randomUUID();
        String assignee = "queue-" + UUID.randomUUID();
        String breached = openAssigned(tenant, assignee, RISK_NOTICE);
        clock.advance(Duration.ofMinutes(16));
        try {
            fireDueTimers();
        } finally {
            clock.advance(Duration.ofMinutes(-16));
        }
        String soon = openAssigned(tenant, assignee, RISK_NOTICE);
        clock.advance(Duration.ofMinutes(5));
        String later;
        try {
            later = openAssigned(tenant, assignee, RISK_NOTICE);
        } finally {
            clock.advance(Duration.ofMinutes(-5));
        }

        String page = page("/dashboard/cases/?assignee=" + assignee, agent(), "en");

        assertThat(page)
                .contains(
                        "lang=\"en\"",
                        "<h2>Queue</h2>",
                        "Risky transaction",
                        "data-due=",
                        "data-overdue=\"overdue {0}\"");
        assertThat(page.indexOf("id=\"case-" + breached + "\""))
                .isPositive()
                .isLessThan(page.indexOf("id=\"case-" + soon + "\""));
        assertThat(page.indexOf("id=\"case-" + soon + "\"")).isLessThan(page.indexOf("id=\"case-" + later + "\""));
    }

    @Test
    void theQueueIsInChineseForAChineseBrowser() {
        String assignee = "zh-" + UUID.randomUUID();
        openAssigned("dash-zh", assignee, RISK_NOTICE);

        String page = page("/dashboard/cases/?assignee=" + assignee, agent(), "zh-CN,zh;q=0.9");

        assertThat(page)
                .contains("lang=\"zh-CN\"", "案件队列", "风险交易", "已分诊", "data-left=\"剩余 {0}\"")
                .doesNotContain("Risky transaction");
    }

    @Test
    void aFilterAskedByHtmxAnswersOnlyTheResultsFragmentWithTheMatchingCases() {
        String assignee = "filter-" + UUID.randomUUID();
        String triaged = openAssigned("dash-filter", assignee, RISK_NOTICE);
        String gathering = openAssigned("dash-filter", assignee, RISK_NOTICE);
        transition(gathering, token("dash-filter", "merchant_admin"), "GATHERING_EVIDENCE", Map.of())
                .expectStatus()
                .isOk();

        String fragment = html(web.get()
                .uri("/dashboard/cases/?assignee={a}&status=GATHERING_EVIDENCE", assignee)
                .headers(h -> h.setBearerAuth(agent()))
                .header("HX-Request", "true")
                .exchange());

        assertThat(fragment)
                .startsWith("<section id=\"queue-results\"")
                .doesNotContain("<html", "queue-filters")
                .contains("case-" + gathering)
                .doesNotContain("case-" + triaged);
        String bad = web.get()
                .uri("/dashboard/cases/?status=NAPPING")
                .headers(h -> h.setBearerAuth(agent()))
                .header("HX-Request", "true")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(bad).contains("problem-validation_failed", "status");
    }

    @Test
    void aComplianceHoldIsListedAndOpenedForComplianceButAbsentAndNotFoundForAnAgent() {
        String tenant = "dash-restricted-" + UUID.randomUUID();
        String assignee = "restricted-" + UUID.randomUUID();
        String id = openAssigned(tenant, assignee, COMPLIANCE_NOTICE);

        assertThat(page("/dashboard/cases/?assignee=" + assignee, compliance(), "en"))
                .contains("case-" + id, "compliance restricted");
        assertThat(page("/dashboard/cases/" + id, compliance(), "en"))
                .contains("Compliance hold", "compliance restricted", "id=\"move-GATHERING_EVIDENCE\"");

        assertThat(page("/dashboard/cases/?assignee=" + assignee, agent(), "en"))
                .doesNotContain(id)
                .contains("queue-empty");
        String notFound = web.get()
                .uri("/dashboard/cases/{id}", id)
                .headers(h -> h.setBearerAuth(agent()))
                .header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(notFound)
                .contains("lang=\"zh-CN\"", "未找到", "这里没有这个案件")
                .doesNotContain(COMPLIANCE_NOTICE, "Compliance hold");
    }

    @Test
    void theCasePageShowsFactsTimelineChecklistTasksAndOnlyTheMovesAllowedNow() {
        String id = openAssigned("dash-case", "case-" + UUID.randomUUID(), RISK_NOTICE);

        String page = page("/dashboard/cases/" + id, agent(), "en");

        assertThat(page)
                .contains(
                        "Risky transaction",
                        "连连支付",
                        "Asia/Shanghai",
                        "id=\"timeline-table\"",
                        "id=\"checklist-table\"",
                        "id=\"tasks-table\"",
                        "Golden 15 (first client notice)",
                        "id=\"contact-form\"");
        // Opened 2025-09-30T02:00:00Z: every time in the shared format, to the minute in the tenant's zone, no offset.
        assertThat(page)
                .contains("2025-09-30 10:00<", "CNY 58,200.00")
                .doesNotContainPattern("\\d\\d:\\d\\d:\\d\\d \\+08:00");
        assertThat(page)
                .contains("id=\"move-GATHERING_EVIDENCE\"")
                .doesNotContain("id=\"move-RESOLVED\"", "id=\"move-CLOSED\"", "id=\"move-SUBMITTED\"");
        assertThat(page("/dashboard/cases/" + id, agent(), "zh-CN")).contains("开始收集证据", "证据清单", "时间线");
    }

    /**
     * Issue 23, "no English left on a zh-CN page": a case worked to its resolution (a contact, a rejected
     * checklist item, every status, the clocks cancelled by the resolution), its page and the queue rendered in Chinese: no missing
     * key, no English words. The clock's cancellation, which the timeline keeps as an English sentence, is
     * worded in Chinese, with the reason the person typed as typed.
     */
    @Test
    @SuppressWarnings("unchecked")
    void aCaseWorkedToItsEndHasNoEnglishLeftOnItsChinesePages() {
        String tenant = "dash-zh-all-" + UUID.randomUUID();
        String assignee = "zh-all-" + UUID.randomUUID();
        String id = openAssigned(tenant, assignee, RISK_NOTICE);
        String admin = token(tenant, "merchant_admin");
        logContact(
                        id,
                        admin,
                        "PHONE",
                        "2025-09-30T02:00:00Z",
                        "summary",
                        "已致电平台客服",
                        "nextStep",
                        "补交发票",
                        "statedCycleDays",
                        7)
                .expectStatus()
                .isOk();
        // A rejection as evidence-service's verdict writes it: its reason code, then the reviewer's note.
        String item = ((java.util.List<String>)
                        ((Map<String, Object>) read(id, agent()).get("readiness")).get("missing"))
                .getFirst();
        checklist(id, item, "REJECTED", "EXPIRED: 营业执照已过期");
        assertThat(page("/dashboard/cases/" + id, agent(), "en")).contains("Expired: 营业执照已过期");
        for (String to : new String[] {"GATHERING_EVIDENCE", "SUBMITTED", "UNDER_REVIEW", "RESOLVED"}) {
            transition(id, admin, to, Map.of("reason", "平台已审核通过"))
                    .expectStatus()
                    .isOk();
        }

        String zh = page("/dashboard/cases/" + id, agent(), "zh-CN");
        assertThat(zh)
                .contains("案件已解决（已恢复）：平台已审核通过", "平台已作出决定：停止催办", "电话", "已恢复", "已过期：营业执照已过期")
                .doesNotContain("the case was resolved", "No longer");
        MessageBundles.assertChinese(zh);
        MessageBundles.assertChinese(
                page("/dashboard/cases/?assignee=" + assignee + "&status=RESOLVED", agent(), "zh-CN"));
        // In English the timeline keeps the service's own sentence.
        assertThat(page("/dashboard/cases/" + id, agent(), "en")).contains("the case was resolved (RESTORED): 平台已审核通过");
    }

    @Test
    void theNoticesOwnDeadlineIsARunningClockOnTheCasePageInBothLanguages() {
        String id = openAssigned("dash-notice", "notice-" + UUID.randomUUID(), RISK_NOTICE);

        String en = page("/dashboard/cases/" + id, agent(), "en");
        String zh = page("/dashboard/cases/" + id, agent(), "zh-CN");

        String clocks = en.substring(en.indexOf("id=\"clocks-table\""));
        assertThat(clocks).contains("Deadline stated by the notice", "“3个工作日内”");
        assertThat(zh.substring(zh.indexOf("id=\"clocks-table\""))).contains("通知书规定的期限", "“3个工作日内”");
        assertThat(en).doesNotContain("id=\"case-needs-person\"");
    }

    @Test
    void aNoticeMatchingNothingIsMarkedNeedsAPersonInTheQueueAndOnItsPageWithNoScenarioGuessed() {
        String assignee = "nobody-" + UUID.randomUUID();
        String id = openAssigned("dash-needs", assignee, "您好，附件为本月对账单，请查收。");
        String matched = openAssigned("dash-needs", assignee, RISK_NOTICE);

        String queue = page("/dashboard/cases/?assignee=" + assignee, agent(), "en");
        String row = queue.substring(queue.indexOf("id=\"case-" + id + "\""));
        row = row.substring(0, row.indexOf("</tr>"));
        String matchedRow = queue.substring(queue.indexOf("id=\"case-" + matched + "\""));
        matchedRow = matchedRow.substring(0, matchedRow.indexOf("</tr>"));
        assertThat(row)
                .contains("needs-person", "Needs a person (no scenario matched)")
                .doesNotContain("Risky transaction");
        assertThat(matchedRow).contains("Risky transaction").doesNotContain("needs-person");
        assertThat(page("/dashboard/cases/?assignee=" + assignee, agent(), "zh-CN"))
                .contains("需人工判断（未匹配任何场景）");

        String en = page("/dashboard/cases/" + id, agent(), "en");
        assertThat(en).contains("id=\"case-needs-person\"", "None guessed: the notice matched no scenario");
        assertThat(en.substring(en.indexOf("id=\"case-scenario\""), en.indexOf("id=\"case-scenario\"") + 200))
                .doesNotContain("Risky transaction<");
        assertThat(page("/dashboard/cases/" + id, agent(), "zh-CN")).contains("需人工判断（未匹配任何场景）", "未推测：通知书未匹配任何场景");
    }

    @Test
    void aMoveByButtonAnswersTheCaseInItsNewStatusWithTheTimelineEntry() {
        String id = openAssigned("dash-move", "move-" + UUID.randomUUID(), RISK_NOTICE);
        long version = ((Number) read(id, agent()).get("version")).longValue();

        // As the page posts it: multipart, which passes the gateway's CSRF filter untouched.
        MultipartBodyBuilder form = new MultipartBodyBuilder();
        form.part("to", "GATHERING_EVIDENCE");
        form.part("reason", "merchant sent the invoices");
        form.part("version", String.valueOf(version));
        String body = html(web.post()
                .uri("/dashboard/cases/{id}/transitions", id)
                .headers(h -> h.setBearerAuth(agent()))
                .header("HX-Request", "true")
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(form.build()))
                .exchange());

        assertThat(body)
                .startsWith("<div id=\"case-body\"")
                .contains(
                        "The case is now Gathering evidence.",
                        "merchant sent the invoices",
                        "TRIAGED → GATHERING_EVIDENCE",
                        "id=\"move-SUBMITTED\"")
                .doesNotContain("id=\"move-GATHERING_EVIDENCE\"");
        assertThat(read(id, agent())).containsEntry("status", "GATHERING_EVIDENCE");
    }

    @Test
    void aRefusedMoveOrMissingReasonAnswersItsProblemWhereThePageShowsIt() {
        String id = openAssigned("dash-refused", "refused-" + UUID.randomUUID(), RISK_NOTICE);

        WebTestClient.ResponseSpec illegal = postForm(
                "/dashboard/cases/" + id + "/transitions", agent(), Map.of("to", "RESOLVED", "reason", "skip ahead"));
        illegal.expectStatus()
                .isEqualTo(HttpStatus.CONFLICT)
                .expectHeader()
                .valueEquals("HX-Retarget", "#case-problem")
                .expectBody(String.class)
                .value(problem -> assertThat(problem)
                        .contains(
                                "problem-illegal_transition",
                                "This move is not allowed from the current status.",
                                "TRIAGED"));
        postForm("/dashboard/cases/" + id + "/transitions", agent(), Map.of("to", "GATHERING_EVIDENCE", "reason", " "))
                .expectStatus()
                .isBadRequest()
                .expectBody(String.class)
                .value(problem ->
                        assertThat(problem).contains("Please correct the input.", "reason", "must not be blank"));
        // In Chinese the same refusals name the field and the state in Chinese, not the API's English detail.
        MultiValueMap<String, String> blank = new LinkedMultiValueMap<>();
        blank.add("to", "GATHERING_EVIDENCE");
        blank.add("reason", " ");
        assertThat(postFormIn("zh-CN", "/dashboard/cases/" + id + "/transitions", blank))
                .contains("请更正输入。", "请检查：", "原因（每次变更必填）")
                .doesNotContain("must not be blank", "reason");
        MultiValueMap<String, String> skip = new LinkedMultiValueMap<>();
        skip.add("to", "RESOLVED");
        skip.add("reason", "跳过");
        assertThat(postFormIn("zh-CN", "/dashboard/cases/" + id + "/transitions", skip))
                .contains("当前状态不允许这项变更。", "案件当前状态：已分诊。")
                .doesNotContain("cannot move", "TRIAGED");
        long stale = ((Number) read(id, agent()).get("version")).longValue() + 1;
        postForm(
                        "/dashboard/cases/" + id + "/transitions",
                        agent(),
                        Map.of("to", "GATHERING_EVIDENCE", "reason", "stale", "version", String.valueOf(stale)))
                .expectStatus()
                .isEqualTo(HttpStatus.CONFLICT)
                .expectBody(String.class)
                .value(problem -> assertThat(problem).contains("Someone changed the case meanwhile"));
        assertThat(read(id, agent())).containsEntry("status", "TRIAGED");
    }

    @Test
    void aLoggedContactWithAPromisedReplyShowsTheFollowUpItScheduled() {
        String id = openAssigned("dash-contact", "contact-" + UUID.randomUUID(), RISK_NOTICE);

        // 10:00 in Shanghai is 02:00 UTC.
        String body = html(postForm(
                "/dashboard/cases/" + id + "/contacts",
                agent(),
                Map.of(
                        "channel",
                        "PHONE",
                        "ticketNumber",
                        "T-9",
                        "agent",
                        "Ms Li",
                        "summary",
                        "asked for the review status",
                        "nextStep",
                        "call back",
                        "promisedReplyAt",
                        "2025-10-09T10:00")));

        assertThat(body)
                .contains(
                        "Contact logged. Follow-up scheduled for",
                        "2025-10-09 10:00<",
                        "data-due=\"2025-10-09T02:00:00Z\"",
                        "asked for the review status",
                        "T-9");
        postForm(
                        "/dashboard/cases/" + id + "/contacts",
                        agent(),
                        Map.of("channel", "PHONE", "summary", "x", "statedCycleDays", "900"))
                .expectStatus()
                .isBadRequest()
                .expectBody(String.class)
                .value(problem -> assertThat(problem).contains("statedCycleDays"));
        postForm("/dashboard/cases/" + id + "/contacts", agent(), Map.of("channel", "PIGEON", "summary", "x"))
                .expectStatus()
                .isBadRequest()
                .expectBody(String.class)
                .value(problem -> assertThat(problem).contains("channel"));
        // The date window holds for form fields too (ADR 58): a far date is named, never a 500.
        for (String far : new String[] {"+999999999-12-31T23:59", "2101-01-01T00:00", "1969-12-31T23:59"}) {
            postForm(
                            "/dashboard/cases/" + id + "/contacts",
                            agent(),
                            Map.of("channel", "PHONE", "summary", "x", "promisedReplyAt", far))
                    .expectStatus()
                    .isBadRequest()
                    .expectBody(String.class)
                    .value(problem -> assertThat(problem).contains("promisedReplyAt"));
        }
    }

    @Test
    void aDrillsReportPageShowsEachStepAgainstItsClockAndARealCaseHasNone() {
        String admin = token("dash-drill", "merchant_admin");
        String drill =
                (String) createdId(postJson(admin, "/api/v1/cases/drills", Map.of("scenario", "ACCOUNT_TAKEOVER")));

        assertThat(page("/dashboard/cases/" + drill, agent(), "en")).contains("id=\"drill-link\"");
        assertThat(page("/dashboard/cases/" + drill + "/drill", agent(), "en"))
                .contains("Drill report", "Account takeover", "Takeover: freeze within 15 min", "900 s", "Pending");
        assertThat(page("/dashboard/cases/" + drill + "/drill", agent(), "zh-CN"))
                .contains("演练报告", "进行中");
        String real = openAssigned("dash-drill", "real-" + UUID.randomUUID(), RISK_NOTICE);
        getAs(agent(), "/dashboard/cases/{id}/drill", real).expectStatus().isNotFound();
    }

    @Test
    void theChartsCountResolutionTimesGoldenFifteenAndBreachesOfTheTenantsCases() {
        String tenant = "dash-charts-" + UUID.randomUUID();
        String admin = token(tenant, "merchant_admin");
        String resolved = openAssigned(tenant, "c", RISK_NOTICE);
        openAssigned(tenant, "c", RISK_NOTICE);
        clock.advance(Duration.ofMinutes(16));
        try {
            fireDueTimers();
        } finally {
            clock.advance(Duration.ofMinutes(-16));
        }
        clock.advance(Duration.ofHours(6));
        try {
            for (String to : new String[] {"GATHERING_EVIDENCE", "SUBMITTED", "UNDER_REVIEW", "RESOLVED"}) {
                transition(resolved, admin, to, Map.of()).expectStatus().isOk();
            }
        } finally {
            clock.advance(Duration.ofHours(-6));
        }

        String page = page("/dashboard/cases/charts?tenantId=" + tenant, agent(), "en");

        assertThat(page)
                .contains(
                        "Figures over 2 cases",
                        "new Chart(canvas",
                        "id=\"chart-golden\"",
                        "id=\"chart-resolution-by-scenario\"");
        assertThat(page)
                .containsPattern(
                        "(?s)id=\"table-golden\".*<td>Met in time</td><td>0</td>.*<td>Breached</td><td>2</td>");
        assertThat(page)
                .containsPattern("(?s)id=\"table-resolution-by-scenario\".*<td>Risky transaction</td><td>6.0</td>");
        assertThat(page).containsPattern("(?s)id=\"table-resolution-by-platform\".*<td>连连支付</td><td>6.0</td>");
        assertThat(page)
                .containsPattern("(?s)id=\"table-breaches\".*<td>Golden 15 \\(first client notice\\)</td><td>2</td>");
        assertThat(page("/dashboard/cases/charts?tenantId=" + tenant, agent(), "zh-CN"))
                .contains("黄金 15 分钟达成情况", "按场景的解决用时");
    }

    @Test
    void theChartsRefuseAMalformedTenantWithAProblemPageNamingTenantId() {
        for (String tenantId : java.util.List.of("a".repeat(65), "acme\u0000", "../acme")) {
            web.get()
                    .uri("/dashboard/cases/charts?tenantId={tenant}", tenantId)
                    .headers(h -> h.setBearerAuth(agent()))
                    .header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                    .exchange()
                    .expectStatus()
                    .isBadRequest()
                    .expectBody(String.class)
                    .value(page -> assertThat(page)
                            .contains("problem-validation_failed", "tenantId")
                            .doesNotContain("new Chart(canvas"));
        }
        // The form's field, typed by a person: empty means every tenant, surrounding spaces are dropped.
        assertThat(page("/dashboard/cases/charts?tenantId=", agent(), "en")).contains("new Chart(canvas");
        getAs(agent(), "/dashboard/cases/charts?tenantId={tenant}", " acme ")
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(page -> assertThat(page).contains("new Chart(canvas", "value=\"acme\""));
    }

    @Test
    void theSharedStylesScriptsAndWebJarsAreServedUnderTheCasesPrefix() {
        Map<String, String> assets = Map.of(
                "assets/thaw.css",
                "text/css",
                "assets/thaw.js",
                "text/javascript",
                "webjars/htmx.org/dist/htmx.min.js",
                "text/javascript",
                "webjars/chart.js/dist/chart.umd.min.js",
                "text/javascript");
        assets.forEach((asset, type) -> getAs(agent(), "/dashboard/cases/" + asset)
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(type));
    }

    // ------------------------------------------------------------------ issue 23: the case page as a workbench

    @Test
    @SuppressWarnings("unchecked")
    void aTaskIsMarkedDoneAndAClockMetFromThePageByTheApisRules() {
        String id = openAssigned("dash-work", "work-" + UUID.randomUUID(), RISK_NOTICE);
        Map<String, Object> task =
                ((java.util.List<Map<String, Object>>) read(id, agent()).get("tasks")).getFirst();

        String body =
                html(postForm("/dashboard/cases/" + id + "/tasks/" + task.get("id") + "/done", agent(), Map.of()));
        assertThat(body)
                .startsWith("<div id=\"case-body\"")
                .contains("The task is done.")
                .doesNotContain("id=\"task-done-1\"");
        // Who did it, by name from the staff directory (the username in its title), as the owners are.
        assertThat(body).containsPattern(" · Sam Agent</span>").contains("title=\"thaw-staff_agent\"");
        assertThat(((java.util.List<Map<String, Object>>) read(id, agent()).get("tasks")).getFirst())
                .containsEntry("done", true);

        String met =
                html(postForm("/dashboard/cases/" + id + "/clocks/met", agent(), Map.of("clockId", id + "/golden-15")));
        assertThat(met).contains("The clock is met.");
        assertThat((java.util.List<Map<String, Object>>) read(id, agent()).get("clocks"))
                .anySatisfy(clock -> assertThat(clock)
                        .containsEntry("id", id + "/golden-15")
                        .containsKey("metAt")
                        .extracting("metAt")
                        .isNotNull());
        // The API's refusals, shown beside the form: an unknown clock, a missing clock id.
        postForm("/dashboard/cases/" + id + "/clocks/met", agent(), Map.of("clockId", "nope"))
                .expectStatus()
                .isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
                .expectBody(String.class)
                .value(problem -> assertThat(problem).contains("problem-"));
        postForm("/dashboard/cases/" + id + "/clocks/met", agent(), Map.of())
                .expectStatus()
                .isBadRequest()
                .expectBody(String.class)
                .value(problem -> assertThat(problem).contains("clockId"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aSupplementRequestIsAcknowledgedFromThePageAndTheNoticeSaysSoInBothLanguages() {
        String tenant = "dash-supplement";
        String id = openAssigned(tenant, "supplement-" + UUID.randomUUID(), RISK_NOTICE);
        String admin = token(tenant, "merchant_admin");
        for (String to : java.util.List.of("GATHERING_EVIDENCE", "SUBMITTED", "UNDER_REVIEW")) {
            post("/api/v1/cases/" + id + "/transitions", admin, Map.of("to", to, "reason", "on to review"))
                    .expectStatus()
                    .isOk();
        }
        post(
                        "/api/v1/cases/" + id + "/transitions",
                        admin,
                        Map.of(
                                "to",
                                "SUPPLEMENT_REQUESTED",
                                "reason",
                                "the platform asks for more",
                                "items",
                                java.util.List.of("TRANSACTION_BACKGROUND")))
                .expectStatus()
                .isOk();
        String clockId = ((java.util.List<Map<String, Object>>)
                        read(id, agent()).get("clocks"))
                .stream()
                        .filter(clock -> "SUPPLEMENT_ACK_24H".equals(clock.get("kind")))
                        .map(clock -> (String) clock.get("id"))
                        .findFirst()
                        .orElseThrow();
        assertThat(page("/dashboard/cases/" + id, agent(), "zh-CN")).contains("id=\"ack-supplement\"", "确认补充材料请求");
        assertThat(page("/dashboard/cases/" + id, agent(), "en"))
                .contains("id=\"ack-supplement\"", "Acknowledge supplement");

        String body = html(postForm("/dashboard/cases/" + id + "/clocks/met", agent(), Map.of("clockId", clockId)));
        assertThat(body)
                .contains("The supplement request is acknowledged.")
                .doesNotContain("The clock is met.", "id=\"ack-supplement\"");
        assertThat((java.util.List<Map<String, Object>>) read(id, agent()).get("clocks"))
                .anySatisfy(clock -> assertThat(clock)
                        .containsEntry("id", clockId)
                        .extracting("metAt")
                        .isNotNull());
    }

    @Test
    void theCasePageNamesItsPartnerBanksAndInsurersInBothLanguages() {
        String tenant = "dash-parties-" + UUID.randomUUID();
        String id = openAssigned(tenant, "parties", RISK_NOTICE);
        assertThat(page("/dashboard/cases/" + id, agent(), "en"))
                .contains("Partner banks and insurers", "id=\"parties-none\"");

        post("/api/v1/cases/partner-links", token(tenant, "merchant_admin"), Map.of("partnerTenantId", "dash-bank"))
                .expectStatus()
                .isCreated();
        post("/api/v1/cases/partner-links", token(tenant, "merchant_admin"), Map.of("partnerTenantId", "dash-old-bank"))
                .expectStatus()
                .isCreated();
        post("/api/v1/cases/partner-links/dash-old-bank/revoke", token(tenant, "merchant_admin"), Map.of())
                .expectStatus()
                .is2xxSuccessful();
        deliver(internalEvent(
                "thaw.evidence.consent_granted",
                tenant,
                id,
                Map.of(
                        "caseId",
                        id,
                        "consentId",
                        UUID.randomUUID().toString(),
                        "insurerTenantId",
                        "dash-insurer",
                        "by",
                        tenant + "/admin")));

        String en = page("/dashboard/cases/" + id, agent(), "en");
        assertThat(en)
                .contains(
                        "id=\"parties-table\"",
                        "Partner bank (linked by the tenant)",
                        "Insurer (consent of the holder)",
                        "Ended ",
                        // By the organization's name, the tenant id as its title; a tenant Keycloak names not by its
                        // id.
                        "<td title=\"dash-bank\">Dash Partner Bank</td>",
                        "<td title=\"dash-insurer\">达什保险</td>",
                        "<td title=\"dash-old-bank\">dash-old-bank</td>")
                .doesNotContain("id=\"parties-none\"", ">dash-bank<", ">dash-insurer<");
        assertThat(page("/dashboard/cases/" + id, agent(), "zh-CN"))
                .contains(
                        "合作银行与保险公司",
                        "合作银行（租户已关联）",
                        "保险公司（持有人已授权）",
                        "有效",
                        "已终止 ",
                        ">Dash Partner Bank</td>",
                        ">达什保险</td>");
        // Another tenant's links are not this case's parties.
        String other = openAssigned("dash-parties-other-" + UUID.randomUUID(), "parties", RISK_NOTICE);
        assertThat(page("/dashboard/cases/" + other, agent(), "en"))
                .contains("id=\"parties-none\"")
                .doesNotContain("dash-bank");
    }

    @Test
    void theCaseIsAssignedToTheCallerToSomeoneNamedOrToNoOne() {
        String id = openAssigned("dash-assign", "first-" + UUID.randomUUID(), RISK_NOTICE);

        // The English timeline's lines say their times as the page does, never as raw instants ("due
        // 2025-09-30T02:15:00Z").
        String en = page("/dashboard/cases/" + id, agent(), "en");
        String timeline = en.substring(
                en.indexOf("id=\"timeline-table\""), en.indexOf("</table>", en.indexOf("id=\"timeline-table\"")));
        assertThat(timeline).contains(" due ");
        assertThat(timeline.replaceAll("(datetime|title)=\"[^\"]*\"", ""))
                .doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}");
        // The staff directory (Keycloak's staff users) is offered on the form, by name.
        assertThat(page("/dashboard/cases/" + id, agent(), "en"))
                .contains(
                        "list=\"staff-directory\"",
                        "<datalist id=\"staff-directory\">",
                        "value=\"thaw-staff_agent\"",
                        "Sam Agent",
                        "value=\"li.wei\"",
                        "李伟");
        // Owners show as names, the user name kept in the title.
        assertThat(html(postForm("/dashboard/cases/" + id + "/assignment", agent(), Map.of("to", "me"))))
                .contains("The case is now assigned to Sam Agent.")
                .contains("title=\"thaw-staff_agent\">Sam Agent</dd>");
        assertThat(read(id, agent())).containsEntry("assignee", "thaw-staff_agent");
        postForm("/dashboard/cases/" + id + "/assignment", agent(), Map.of("to", "someone", "assignee", " "))
                .expectStatus()
                .isBadRequest()
                .expectBody(String.class)
                .value(problem -> assertThat(problem).contains("assignee", "must not be blank"));
        postForm("/dashboard/cases/" + id + "/assignment", agent(), Map.of("to", "someone", "assignee", "li.wei"))
                .expectStatus()
                .isOk();
        assertThat(read(id, agent())).containsEntry("assignee", "li.wei");
        assertThat(page("/dashboard/cases/" + id, agent(), "zh-CN")).contains("title=\"li.wei\">李伟</dd>");
        // The English timeline names each assignee as the field does, not by user name.
        String assigned = page("/dashboard/cases/" + id, agent(), "en");
        assertThat(assigned.substring(assigned.indexOf("id=\"timeline-table\"")))
                .contains("Assigned to Sam Agent", "Assigned to 李伟")
                .doesNotContain("Assigned to thaw-staff_agent", "Assigned to li.wei");
        // Someone the directory does not know is still assignable, shown by user name.
        postForm("/dashboard/cases/" + id + "/assignment", agent(), Map.of("to", "someone", "assignee", "new.hire"))
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(page -> assertThat(page).contains("title=\"new.hire\">new.hire</dd>"));
        postForm("/dashboard/cases/" + id + "/assignment", agent(), Map.of("to", "nobody"))
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(page -> assertThat(page).contains("The case is now unassigned."));
        assertThat(read(id, agent()).get("assignee")).isNull();
    }

    @Test
    void triageIsOverriddenWithAReasonAndACompliancHoldIsRefusedToAnAgentAsByTheApi() {
        String id = openAssigned("dash-triage", "triage-" + UUID.randomUUID(), RISK_NOTICE);

        postForm("/dashboard/cases/" + id + "/triage", agent(), Map.of("scenario", "ACCOUNT_ANOMALY"))
                .expectStatus()
                .isBadRequest()
                .expectBody(String.class)
                .value(problem -> assertThat(problem).contains("reason"));
        postForm(
                        "/dashboard/cases/" + id + "/triage",
                        agent(),
                        Map.of("scenario", "COMPLIANCE_HOLD", "reason", "authority"))
                .expectStatus()
                .isForbidden();
        String body = html(postForm(
                "/dashboard/cases/" + id + "/triage",
                agent(),
                Map.of("scenario", "ACCOUNT_ANOMALY", "reason", "the platform says login anomaly")));
        assertThat(body).contains("Triage recorded: Account anomaly.", "the platform says login anomaly");
        assertThat(read(id, agent())).containsEntry("scenario", "ACCOUNT_ANOMALY");
    }

    @Test
    void theChinesePageHasNoEnglishClockLabelsOrRoleCodesAndCarriesScriptsLetterAndEvidenceLinks() {
        String id = openAssigned("dash-zh-case", "zh-case-" + UUID.randomUUID(), RISK_NOTICE);

        String zh = page("/dashboard/cases/" + id, agent(), "zh-CN");
        // What a reader sees (the signed-in user's name, here "thaw-staff_agent", aside).
        String visible = zh.replaceAll("(?s)<script.*?</script>|<style.*?</style>|<[^>]+>", " ")
                .replace("thaw-staff_agent", "");
        assertThat(visible)
                .contains("黄金 15", "Thaw 专员", "开场白", "复制", "人民币 58,200.00", "剩余")
                .doesNotContain(
                        "First notification to the client",
                        "staff_agent",
                        "partner_bank",
                        " left",
                        "Risky transaction");
        assertThat(zh)
                .contains(
                        "id=\"copy-opening\"",
                        "data-copy=\"script-opening\"",
                        "/dashboard/evidence/cases/" + id,
                        "/dashboard/cases/" + id + "/appeal-letter?lang=zh-CN&amp;format=pdf",
                        "id=\"readiness\"",
                        "材料缺失");
        // Checklist and readiness lines name the document (the catalogue's label), not only the reason it answers.
        @SuppressWarnings("unchecked")
        String firstCode = ((java.util.List<String>)
                        ((Map<String, Object>) read(id, agent()).get("readiness")).get("missing"))
                .getFirst();
        assertThat(visible).contains(app.thaw.cases.checklist.ChecklistCatalogue.label(firstCode, "zh"));
        String en = page("/dashboard/cases/" + id, agent(), "en");
        assertThat(en)
                .contains(app.thaw.cases.checklist.ChecklistCatalogue.label(firstCode, "en")
                        .replace("'", "&#39;"));
        assertThat(en).contains("Thaw agent", "Opening", "Hello, I represent", "CNY 58,200.00", "items missing");
    }

    @Test
    void theAppealLetterIsPreviewedAsHtmlAndDownloadedAsPdfInEitherLanguage() {
        String id = openAssigned("dash-letter", "letter-" + UUID.randomUUID(), RISK_NOTICE);

        getAs(agent(), "/dashboard/cases/{id}/appeal-letter?lang=en", id)
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class)
                .value(html -> assertThat(html).contains("dash-letter-C-"));
        byte[] pdf = getAs(agent(), "/dashboard/cases/{id}/appeal-letter?lang=zh-CN&format=pdf", id)
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PDF)
                .expectHeader()
                .value(
                        HttpHeaders.CONTENT_DISPOSITION,
                        disposition -> assertThat(disposition).startsWith("attachment"))
                .expectBody(byte[].class)
                .returnResult()
                .getResponseBody();
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");
        getAs(agent(), "/dashboard/cases/{id}/appeal-letter?lang=fr", id)
                .expectStatus()
                .isBadRequest();
    }

    @Test
    @SuppressWarnings("unchecked")
    void readinessFollowsTheChecklistInTheApiOnThePageAndAsAQueueFilter() {
        String tenant = "dash-ready-" + UUID.randomUUID();
        String assignee = "ready-" + UUID.randomUUID();
        String ready = openAssigned(tenant, assignee, RISK_NOTICE);
        String rejected = openAssigned(tenant, assignee, RISK_NOTICE);
        String missing = openAssigned(tenant, assignee, RISK_NOTICE);
        Map<String, Object> readiness =
                (Map<String, Object>) read(missing, agent()).get("readiness");
        assertThat(readiness).containsEntry("state", "MISSING");
        java.util.List<String> codes = (java.util.List<String>) readiness.get("missing");
        assertThat(codes).isNotEmpty();
        for (String code : codes) {
            checklist(ready, code, "ACCEPTED", null);
        }
        checklist(rejected, codes.getFirst(), "REJECTED", "the invoice is unreadable");

        assertThat((Map<String, Object>) read(ready, agent()).get("readiness"))
                .containsEntry("state", "READY")
                .containsEntry("missing", java.util.List.of())
                .containsEntry("accepted", codes);
        assertThat((Map<String, Object>) read(rejected, agent()).get("readiness"))
                .containsEntry("state", "REJECTED")
                .extracting("rejected")
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                .containsExactly(Map.of("code", codes.getFirst(), "reason", "the invoice is unreadable"));
        assertThat(page("/dashboard/cases/" + rejected, agent(), "en"))
                .contains("items rejected", "the invoice is unreadable");

        for (String[] expected : new String[][] {{"READY", ready}, {"REJECTED", rejected}, {"MISSING", missing}}) {
            String queue = page("/dashboard/cases/?assignee=" + assignee + "&readiness=" + expected[0], agent(), "en");
            assertThat(queue).as(expected[0]).contains("case-" + expected[1]);
            for (String other : new String[] {ready, rejected, missing}) {
                if (!other.equals(expected[1])) {
                    assertThat(queue).as(expected[0]).doesNotContain("case-" + other);
                }
            }
            onlyCase(getAs(agent(), "/api/v1/cases?assignee={a}&readiness={r}", assignee, expected[0]), expected[1]);
        }
        getAs(agent(), "/api/v1/cases?readiness=SOON")
                .expectStatus()
                .isBadRequest()
                .expectBody(String.class)
                .value(problem -> assertThat(problem).contains("readiness"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void anAlertsLinkOpensTheCaseItOpenedAndAnAlertWithoutOneIsNotFound() {
        String tenant = "dash-alert-" + UUID.randomUUID();
        String alert = "alert-" + UUID.randomUUID();
        deliver(internalEvent(
                "thaw.alert.raised",
                tenant,
                alert,
                identityMisuseAlert(
                        alert, java.util.List.of("s1"), clock.instant().toString())));
        String id =
                (String) ((java.util.List<Map<String, Object>>) getAs(token(tenant, "merchant_admin"), "/api/v1/cases")
                                .expectBody(Map.class)
                                .returnResult()
                                .getResponseBody()
                                .get("items"))
                        .getFirst()
                        .get("id");

        getAs(agent(), "/dashboard/cases/alerts/{tenant}/{alert}", tenant, alert)
                .expectStatus()
                .is3xxRedirection()
                .expectHeader()
                .location("/dashboard/cases/" + id);
        getAs(agent(), "/dashboard/cases/alerts/{tenant}/{alert}", tenant, "never-raised")
                .expectStatus()
                .isNotFound();
        getAs(agent(), "/dashboard/cases/alerts/{tenant}/{alert}", "-bad", alert)
                .expectStatus()
                .isBadRequest()
                .expectBody(String.class)
                .value(page -> assertThat(page).contains("tenantId"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void outcomeAnalyticsCountAStoreAggregationThatMatchesFiguresComputedHereFromEachCase() {
        String tenant = "dash-outcomes-" + UUID.randomUUID();
        String admin = token(tenant, "merchant_admin");
        String released = openAssigned(tenant, "o", RISK_NOTICE);
        String open = openAssigned(tenant, "o", RISK_NOTICE);
        Map<String, Object> other = new HashMap<>(intake(RISK_NOTICE));
        other.put("platform", "支付宝");
        other.put("frozenAmount", Map.of("amount", "1000.50", "currency", "USD"));
        String alipay = (String) createdId(post("/api/v1/cases", admin, other));
        deliver(internalEvent(
                "thaw.evidence.rejected",
                tenant,
                "ev-" + alipay,
                Map.of(
                        "caseId",
                        alipay,
                        "evidenceId",
                        "ev-" + alipay,
                        "requirementCode",
                        "TRANSACTION_PROOF",
                        "reasonCode",
                        "ILLEGIBLE",
                        "note",
                        "blurred",
                        "verifiedBy",
                        "v")));
        clock.advance(Duration.ofHours(30));
        try {
            for (String to : new String[] {"GATHERING_EVIDENCE", "SUBMITTED", "UNDER_REVIEW", "RESOLVED"}) {
                transition(released, admin, to, Map.of()).expectStatus().isOk();
            }
        } finally {
            clock.advance(Duration.ofHours(-30));
        }

        // Computed here, independently, from each case as the API shows it.
        Map<String, Object> resolved = read(released, agent());
        java.time.Instant detected = java.time.Instant.parse((String) resolved.get("detectedAt"));
        java.util.List<Map<String, Object>> timeline = getAs(agent(), "/api/v1/cases/{id}/timeline", released)
                .expectStatus()
                .isOk()
                .expectBody(java.util.List.class)
                .returnResult()
                .getResponseBody();
        java.time.Instant resolvedAt = timeline.stream()
                .filter(e -> "status_changed".equals(e.get("type"))
                        && "RESOLVED".equals(((Map<String, Object>) e.get("details")).get("to")))
                .map(e -> java.time.Instant.parse((String) e.get("at")))
                .findFirst()
                .orElseThrow();
        double days =
                Math.round(java.time.Duration.between(detected, resolvedAt).toMillis() / 86_400_000.0 * 10) / 10.0;
        long goldenKept = 0;
        long breached = 0;
        for (String id : new String[] {released, open, alipay}) {
            for (Map<String, Object> clock :
                    (java.util.List<Map<String, Object>>) read(id, agent()).get("clocks")) {
                goldenKept += "GOLDEN_15".equals(clock.get("kind")) && "MET".equals(clock.get("state")) ? 1 : 0;
                breached += "BREACHED".equals(clock.get("state")) ? 1 : 0;
            }
        }
        String rejectedCode = ((java.util.List<Map<String, Object>>)
                        ((Map<String, Object>) read(alipay, agent()).get("readiness")).get("rejected"))
                .getFirst()
                .get("code")
                .toString();

        getAs(admin, "/api/v1/cases/analytics")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.total.cases")
                .isEqualTo(3)
                .jsonPath("$.total.decided")
                .isEqualTo(1)
                .jsonPath("$.total.released")
                .isEqualTo(1)
                .jsonPath("$.total.releaseRate")
                .isEqualTo(1.0)
                .jsonPath("$.total.goldenKept")
                .isEqualTo((int) goldenKept)
                .jsonPath("$.total.clocksBreached")
                .isEqualTo((int) breached)
                .jsonPath("$.daysFrozen.released")
                .isEqualTo(1)
                .jsonPath("$.daysFrozen.median")
                .isEqualTo(days)
                .jsonPath("$.daysFrozen.p90")
                .isEqualTo(days)
                .jsonPath("$.byPlatform['连连支付'].cases")
                .isEqualTo(2)
                .jsonPath("$.byPlatform['连连支付'].releaseRate")
                .isEqualTo(1.0)
                .jsonPath("$.byPlatform['支付宝'].cases")
                .isEqualTo(1)
                .jsonPath("$.byPlatform['支付宝'].released")
                .isEqualTo(0)
                .jsonPath("$.byScenario.RISK_TXN.cases")
                .isEqualTo(3)
                .jsonPath("$.funds[?(@.currency == 'CNY')].frozen")
                .isEqualTo(116400.0)
                .jsonPath("$.funds[?(@.currency == 'CNY')].released")
                .isEqualTo(58200.0)
                .jsonPath("$.funds[?(@.currency == 'USD')].frozen")
                .isEqualTo(1000.5)
                .jsonPath("$.funds[?(@.currency == 'USD')].released")
                .isEqualTo(0.0)
                .jsonPath("$.mostRejected[0].code")
                .isEqualTo(rejectedCode)
                .jsonPath("$.mostRejected[0].lines")
                .isEqualTo(1);
        // Another tenant sees none of it; a malformed date is refused naming its field.
        getAs(token("dash-outcomes-other-" + UUID.randomUUID(), "merchant_admin"), "/api/v1/cases/analytics")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.total.cases")
                .isEqualTo(0);
        getAs(admin, "/api/v1/cases/analytics?from=2026-13-01")
                .expectStatus()
                .isBadRequest()
                .expectBody(String.class)
                .value(problem -> assertThat(problem).contains("from"));

        String page = page("/dashboard/cases/analytics?tenantId=" + tenant, agent(), "en");
        assertThat(page)
                .contains(
                        "id=\"total-cases\">3<",
                        "id=\"total-released\">1<",
                        "CNY 116,400.00",
                        "USD 1,000.50",
                        "new Chart(canvas",
                        "id=\"chart-release-by-platform\"",
                        "/dashboard/cases/analytics.csv?tenantId=" + tenant);
        assertThat(page("/dashboard/cases/analytics?tenantId=" + tenant, agent(), "zh-CN"))
                .contains("处置结果", "人民币 116,400.00", "最常被驳回的清单项");
        String csv = getAs(agent(), "/dashboard/cases/analytics.csv?tenantId={t}", tenant)
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith("text/csv")
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(csv)
                .startsWith("section,key,cases,")
                .contains(
                        "total,all,3,1,1,1.0,",
                        "platform,连连支付,2,1,1,1.0,",
                        "funds,CNY,,,,,,,,,,116400.0,58200.0,",
                        "rejected," + rejectedCode + ",");
    }

    private void checklist(String id, String code, String status, @org.jspecify.annotations.Nullable String reason) {
        Map<String, Object> body = new HashMap<>();
        body.put("status", status);
        if (reason != null) {
            body.put("rejectionReason", reason);
        }
        putJson(agent(), "/api/v1/cases/{id}/checklist/{code}", body, id, code)
                .expectStatus()
                .isOk();
    }

    @Test
    void theDashboardIsForStaffOnly() {
        getAs(token("dash-merchant", "merchant_admin"), "/dashboard/cases/")
                .expectStatus()
                .isForbidden()
                .expectBody(String.class)
                .value(page -> assertThat(page).contains("Only Thaw staff"));
        web.get().uri("/dashboard/cases/").exchange().expectStatus().isUnauthorized();
    }

    private static String agent() {
        return token("thaw", "staff_agent");
    }

    private static String compliance() {
        return token("thaw", "compliance_officer");
    }

    private String openAssigned(String tenant, String assignee, String notice) {
        Map<String, Object> body = new HashMap<>(intake(notice));
        body.put("assignee", assignee);
        return (String) createdId(post("/api/v1/cases", token(tenant, "merchant_admin"), body));
    }

    /** A page or fragment answered 200: its HTML. */
    private static String html(WebTestClient.ResponseSpec answer) {
        return answer.expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
    }

    private String page(String path, String bearer, String language) {
        return html(web.get()
                .uri(path)
                .headers(h -> h.setBearerAuth(bearer))
                .header(HttpHeaders.ACCEPT_LANGUAGE, language)
                .exchange());
    }

    /** A refused form post as an agent whose page is in {@code language}: the problem fragment it answers. */
    private String postFormIn(String language, String path, MultiValueMap<String, String> form) {
        return web.post()
                .uri(path)
                .headers(h -> h.setBearerAuth(agent()))
                .header("HX-Request", "true")
                .header(HttpHeaders.ACCEPT_LANGUAGE, language)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(form))
                .exchange()
                .expectStatus()
                .is4xxClientError()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
    }

    private WebTestClient.ResponseSpec postForm(String path, String bearer, Map<String, String> fields) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        fields.forEach(form::add);
        return web.post()
                .uri(path)
                .headers(h -> h.setBearerAuth(bearer))
                .header("HX-Request", "true")
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(form))
                .exchange();
    }
}
