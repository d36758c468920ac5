package app.thaw.cases.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import app.thaw.cases.api.CaseApiTests;
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

        assertThat(page).contains("lang=\"en\"", "<h2>Queue</h2>", "Risky transaction", "data-due=", "data-overdue=\"overdue by {0}\"");
        assertThat(page.indexOf("id=\"case-" + breached + "\"")).isPositive()
                .isLessThan(page.indexOf("id=\"case-" + soon + "\""));
        assertThat(page.indexOf("id=\"case-" + soon + "\"")).isLessThan(page.indexOf("id=\"case-" + later + "\""));
    }

    @Test
    void theQueueIsInChineseForAChineseBrowser() {
        String assignee = "zh-" + UUID.randomUUID();
        openAssigned("dash-zh", assignee, RISK_NOTICE);

        String page = page("/dashboard/cases/?assignee=" + assignee, agent(), "zh-CN,zh;q=0.9");

        assertThat(page).contains("lang=\"zh-CN\"", "案件队列", "风险交易", "已分诊", "data-left=\"剩余 {0}\"").doesNotContain("Risky transaction");
    }

    @Test
    void aFilterAskedByHtmxAnswersOnlyTheResultsFragmentWithTheMatchingCases() {
        String assignee = "filter-" + UUID.randomUUID();
        String triaged = openAssigned("dash-filter", assignee, RISK_NOTICE);
        String gathering = openAssigned("dash-filter", assignee, RISK_NOTICE);
        transition(gathering, token("dash-filter", "merchant_admin"), "GATHERING_EVIDENCE", Map.of()).expectStatus().isOk();

        String fragment = web.get().uri("/dashboard/cases/?assignee={a}&status=GATHERING_EVIDENCE", assignee)
                .headers(h -> h.setBearerAuth(agent())).header("HX-Request", "true").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();

        assertThat(fragment).startsWith("<section id=\"queue-results\"").doesNotContain("<html", "queue-filters")
                .contains("case-" + gathering).doesNotContain("case-" + triaged);
        String bad = web.get().uri("/dashboard/cases/?status=NAPPING").headers(h -> h.setBearerAuth(agent())).header("HX-Request", "true")
                .exchange().expectStatus().isBadRequest().expectBody(String.class).returnResult().getResponseBody();
        assertThat(bad).contains("problem-validation_failed", "status");
    }

    @Test
    void aComplianceHoldIsListedAndOpenedForComplianceButAbsentAndNotFoundForAnAgent() {
        String tenant = "dash-restricted-" + UUID.randomUUID();
        String assignee = "restricted-" + UUID.randomUUID();
        String id = openAssigned(tenant, assignee, COMPLIANCE_NOTICE);

        assertThat(page("/dashboard/cases/?assignee=" + assignee, compliance(), "en")).contains("case-" + id, "compliance restricted");
        assertThat(page("/dashboard/cases/" + id, compliance(), "en")).contains("Compliance hold", "compliance restricted", "id=\"move-GATHERING_EVIDENCE\"");

        assertThat(page("/dashboard/cases/?assignee=" + assignee, agent(), "en")).doesNotContain(id).contains("queue-empty");
        String notFound = web.get().uri("/dashboard/cases/{id}", id).headers(h -> h.setBearerAuth(agent()))
                .header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN").exchange()
                .expectStatus().isNotFound().expectBody(String.class).returnResult().getResponseBody();
        assertThat(notFound).contains("lang=\"zh-CN\"", "未找到", "这里没有这个案件").doesNotContain(COMPLIANCE_NOTICE, "Compliance hold");
    }

    @Test
    void theCasePageShowsFactsTimelineChecklistTasksAndOnlyTheMovesAllowedNow() {
        String id = openAssigned("dash-case", "case-" + UUID.randomUUID(), RISK_NOTICE);

        String page = page("/dashboard/cases/" + id, agent(), "en");

        assertThat(page).contains("Risky transaction", "连连支付", "58200.00 CNY", "Asia/Shanghai", "id=\"timeline-table\"",
                "id=\"checklist-table\"", "id=\"tasks-table\"", "Golden 15 (first client notice)", "id=\"contact-form\"");
        // Opened 2025-09-30T02:00:00Z: the timeline shows it to the second, in the tenant's zone.
        assertThat(page).containsPattern("20\\d\\d-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d \\+08:00");
        assertThat(page).contains("id=\"move-GATHERING_EVIDENCE\"").doesNotContain("id=\"move-RESOLVED\"", "id=\"move-CLOSED\"", "id=\"move-SUBMITTED\"");
        assertThat(page("/dashboard/cases/" + id, agent(), "zh-CN")).contains("开始收集证据", "证据清单", "时间线");
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
        String body = web.post().uri("/dashboard/cases/{id}/transitions", id).headers(h -> h.setBearerAuth(agent())).header("HX-Request", "true")
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en").contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(form.build())).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();

        assertThat(body).startsWith("<div id=\"case-body\"").contains("The case is now Gathering evidence.", "merchant sent the invoices",
                "TRIAGED → GATHERING_EVIDENCE", "id=\"move-SUBMITTED\"").doesNotContain("id=\"move-GATHERING_EVIDENCE\"");
        assertThat(read(id, agent())).containsEntry("status", "GATHERING_EVIDENCE");
    }

    @Test
    void aRefusedMoveOrMissingReasonAnswersItsProblemWhereThePageShowsIt() {
        String id = openAssigned("dash-refused", "refused-" + UUID.randomUUID(), RISK_NOTICE);

        WebTestClient.ResponseSpec illegal = postForm("/dashboard/cases/" + id + "/transitions", agent(), Map.of("to", "RESOLVED", "reason", "skip ahead"));
        illegal.expectStatus().isEqualTo(HttpStatus.CONFLICT).expectHeader().valueEquals("HX-Retarget", "#case-problem")
                .expectBody(String.class).value(problem -> assertThat(problem)
                        .contains("problem-illegal_transition", "This move is not allowed from the current status.", "TRIAGED"));
        postForm("/dashboard/cases/" + id + "/transitions", agent(), Map.of("to", "GATHERING_EVIDENCE", "reason", " "))
                .expectStatus().isBadRequest().expectBody(String.class)
                .value(problem -> assertThat(problem).contains("Please correct the input.", "reason", "must not be blank"));
        long stale = ((Number) read(id, agent()).get("version")).longValue() + 1;
        postForm("/dashboard/cases/" + id + "/transitions", agent(), Map.of("to", "GATHERING_EVIDENCE", "reason", "stale", "version", String.valueOf(stale)))
                .expectStatus().isEqualTo(HttpStatus.CONFLICT).expectBody(String.class)
                .value(problem -> assertThat(problem).contains("Someone changed the case meanwhile"));
        assertThat(read(id, agent())).containsEntry("status", "TRIAGED");
    }

    @Test
    void aLoggedContactWithAPromisedReplyShowsTheFollowUpItScheduled() {
        String id = openAssigned("dash-contact", "contact-" + UUID.randomUUID(), RISK_NOTICE);

        // 10:00 in Shanghai is 02:00 UTC.
        String body = postForm("/dashboard/cases/" + id + "/contacts", agent(), Map.of("channel", "PHONE", "ticketNumber", "T-9",
                "agent", "Ms Li", "summary", "asked for the review status", "nextStep", "call back", "promisedReplyAt", "2025-10-09T10:00"))
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();

        assertThat(body).contains("Contact logged. Follow-up scheduled for", "2025-10-09 10:00:00 +08:00", "data-due=\"2025-10-09T02:00:00Z\"",
                "asked for the review status", "T-9");
        postForm("/dashboard/cases/" + id + "/contacts", agent(), Map.of("channel", "PHONE", "summary", "x", "statedCycleDays", "900"))
                .expectStatus().isBadRequest().expectBody(String.class).value(problem -> assertThat(problem).contains("statedCycleDays"));
        postForm("/dashboard/cases/" + id + "/contacts", agent(), Map.of("channel", "PIGEON", "summary", "x"))
                .expectStatus().isBadRequest().expectBody(String.class).value(problem -> assertThat(problem).contains("channel"));
        // The date window holds for form fields too (ADR 58): a far date is named, never a 500.
        for (String far : new String[] {"+999999999-12-31T23:59", "2101-01-01T00:00", "1969-12-31T23:59"}) {
            postForm("/dashboard/cases/" + id + "/contacts", agent(), Map.of("channel", "PHONE", "summary", "x", "promisedReplyAt", far))
                    .expectStatus().isBadRequest().expectBody(String.class).value(problem -> assertThat(problem).contains("promisedReplyAt"));
        }
    }

    @Test
    void aDrillsReportPageShowsEachStepAgainstItsClockAndARealCaseHasNone() {
        String admin = token("dash-drill", "merchant_admin");
        String drill = (String) web.post().uri("/api/v1/cases/drills").headers(h -> h.setBearerAuth(admin)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("scenario", "ACCOUNT_TAKEOVER")).exchange()
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");

        assertThat(page("/dashboard/cases/" + drill, agent(), "en")).contains("id=\"drill-link\"");
        assertThat(page("/dashboard/cases/" + drill + "/drill", agent(), "en")).contains("Drill report", "Account takeover",
                "Takeover: freeze within 15 min", "900 s", "Pending");
        assertThat(page("/dashboard/cases/" + drill + "/drill", agent(), "zh-CN")).contains("演练报告", "进行中");
        String real = openAssigned("dash-drill", "real-" + UUID.randomUUID(), RISK_NOTICE);
        web.get().uri("/dashboard/cases/{id}/drill", real).headers(h -> h.setBearerAuth(agent())).exchange().expectStatus().isNotFound();
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

        assertThat(page).contains("Figures over 2 cases", "new Chart(canvas", "id=\"chart-golden\"", "id=\"chart-resolution-by-scenario\"");
        assertThat(page).containsPattern("(?s)id=\"table-golden\".*<td>Met in time</td><td>0</td>.*<td>Breached</td><td>2</td>");
        assertThat(page).containsPattern("(?s)id=\"table-resolution-by-scenario\".*<td>Risky transaction</td><td>6.0</td>");
        assertThat(page).containsPattern("(?s)id=\"table-resolution-by-platform\".*<td>连连支付</td><td>6.0</td>");
        assertThat(page).containsPattern("(?s)id=\"table-breaches\".*<td>Golden 15 \\(first client notice\\)</td><td>2</td>");
        assertThat(page("/dashboard/cases/charts?tenantId=" + tenant, agent(), "zh-CN")).contains("黄金 15 分钟达成情况", "按场景的解决用时");
    }

    @Test
    void theChartsRefuseAMalformedTenantWithAProblemPageNamingTenantId() {
        for (String tenantId : java.util.List.of("a".repeat(65), "acme\u0000", "../acme")) {
            web.get().uri("/dashboard/cases/charts?tenantId={tenant}", tenantId).headers(h -> h.setBearerAuth(agent()))
                    .header(HttpHeaders.ACCEPT_LANGUAGE, "en").exchange()
                    .expectStatus().isBadRequest().expectBody(String.class)
                    .value(page -> assertThat(page).contains("problem-validation_failed", "tenantId").doesNotContain("new Chart(canvas"));
        }
        // The form's field, typed by a person: empty means every tenant, surrounding spaces are dropped.
        assertThat(page("/dashboard/cases/charts?tenantId=", agent(), "en")).contains("new Chart(canvas");
        web.get().uri("/dashboard/cases/charts?tenantId={tenant}", " acme ").headers(h -> h.setBearerAuth(agent())).exchange()
                .expectStatus().isOk().expectBody(String.class).value(page -> assertThat(page).contains("new Chart(canvas", "value=\"acme\""));
    }

    @Test
    void theSharedStylesScriptsAndWebJarsAreServedUnderTheCasesPrefix() {
        Map<String, String> assets = Map.of("assets/thaw.css", "text/css", "assets/thaw.js", "text/javascript",
                "webjars/htmx.org/dist/htmx.min.js", "text/javascript", "webjars/chart.js/dist/chart.umd.min.js", "text/javascript");
        assets.forEach((asset, type) -> web.get().uri("/dashboard/cases/" + asset).headers(h -> h.setBearerAuth(agent())).exchange()
                .expectStatus().isOk().expectHeader().contentTypeCompatibleWith(type));
    }

    @Test
    void theDashboardIsForStaffOnly() {
        web.get().uri("/dashboard/cases/").headers(h -> h.setBearerAuth(token("dash-merchant", "merchant_admin"))).exchange()
                .expectStatus().isForbidden().expectBody(String.class).value(page -> assertThat(page).contains("Only Thaw staff"));
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
        return (String) post("/api/v1/cases", token(tenant, "merchant_admin"), body).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id");
    }

    private String page(String path, String bearer, String language) {
        return web.get().uri(path).headers(h -> h.setBearerAuth(bearer)).header(HttpHeaders.ACCEPT_LANGUAGE, language).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    }

    private WebTestClient.ResponseSpec postForm(String path, String bearer, Map<String, String> fields) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        fields.forEach(form::add);
        return web.post().uri(path).headers(h -> h.setBearerAuth(bearer)).header("HX-Request", "true")
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(form)).exchange();
    }
}
