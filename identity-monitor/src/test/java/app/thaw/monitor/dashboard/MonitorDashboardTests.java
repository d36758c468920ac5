package app.thaw.monitor.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import app.thaw.monitor.MonitorWebTestBase;
import app.thaw.platform.testing.MessageBundles;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * The monitor's staff dashboard on the shared test context: the triage queue, its moves (htmx
 * posts answering the alert's row), a subject's page and the ingestion chart — in both languages,
 * role-shaped, tenant-scoped, identifiers masked.
 */
class MonitorDashboardTests extends MonitorWebTestBase {
    private static final String PHONE = "+8613700000007";

    /** Journey 4: a login, then three loan applications within the hour from a new device 1,200 km away: one HIGH alert. */
    private String journeyFour(String tenant) {
        String subject =
                enrol(tenant, Map.of("PHONE", PHONE, "NATIONAL_ID", "110101199003074514", "NAME_LATIN", "Zhang Wei"));
        Instant login = Instant.now().minus(Duration.ofMinutes(60));
        post(tenant, signal("d-login", "LOGIN", login, PHONE, Map.of("device", "phone-1", "location", BEIJING)))
                .expectStatus()
                .isAccepted();
        for (int minutes : new int[] {20, 35, 50}) {
            post(tenant, journeyFourLoan("d-loan-" + minutes, login.plus(Duration.ofMinutes(minutes)), PHONE))
                    .expectStatus()
                    .isAccepted();
        }
        assertThat(alerts(tenant))
                .singleElement()
                .satisfies(alert -> assertThat(alert.getString("severity")).isEqualTo("HIGH"));
        return subject;
    }

    /** A new tenant whose subject's journey-four signals raised one HIGH alert. */
    private record Raised(String tenant, String subject, Document alert) {
        String alertId() {
            return alert.getString("_id");
        }
    }

    private Raised raised() {
        String tenant = newTenant();
        String subject = journeyFour(tenant);
        return new Raised(tenant, subject, alerts(tenant).getFirst());
    }

    private String page(String token, String path, String language) {
        return html(web.get()
                .uri(path)
                .headers(h -> h.setBearerAuth(token))
                .header(HttpHeaders.ACCEPT_LANGUAGE, language)
                .exchange());
    }

    /** A page or an htmx fragment answered 200: its HTML. */
    private static String html(WebTestClient.ResponseSpec answer) {
        return answer.expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
    }

    /** The form's fields (after a blank {@code x}, as the pages' forms post them). */
    private static BodyInserters.FormInserter<String> form(Map<String, String> fields) {
        var body = BodyInserters.fromFormData("x", "");
        fields.forEach(body::with);
        return body;
    }

    /** Posts {@code form} as {@code token} asking for {@code language}; as htmx does when {@code htmx}. */
    private WebTestClient.ResponseSpec postForm(
            String token, String path, String language, boolean htmx, BodyInserters.FormInserter<String> form) {
        return web.post()
                .uri(path)
                .headers(h -> {
                    h.setBearerAuth(token);
                    h.set(HttpHeaders.ACCEPT_LANGUAGE, language);
                    if (htmx) {
                        h.set("HX-Request", "true");
                    }
                })
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(form)
                .exchange();
    }

    /** A form posted as {@code token} (the encoded {@code form} as it stands), with no language asked for. */
    private WebTestClient.ResponseSpec postEncodedForm(String token, String path, String form) {
        return web.post()
                .uri(path)
                .headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue(form)
                .exchange();
    }

    private String move(String token, String alertId, String move, Map<String, String> form) {
        return html(postForm(token, "/dashboard/monitor/alerts/" + alertId + "/" + move, "en", true, form(form)));
    }

    @Test
    void theQueueShowsTheHighAlertWithItsDetectorsMaskedSubjectAndMovesInEnglishAndChinese() {
        String tenant = newTenant();
        String subject = journeyFour(tenant);
        String alertId = alerts(tenant).getFirst().getString("_id");
        String agent = token(tenant, "staff_agent");

        String en = page(agent, "/dashboard/monitor/", "en");
        assertThat(en)
                .contains(
                        "lang=\"en\"",
                        "Alert triage",
                        "id=\"alert-" + alertId + "\"",
                        "High",
                        "New",
                        "New device",
                        "Impossible travel",
                        "Credit applications",
                        "Z**** W**",
                        "/dashboard/monitor/subjects/" + subject,
                        "hx-post=\"/dashboard/monitor/alerts/" + alertId + "/acknowledge\"",
                        "hx-post=\"/dashboard/monitor/alerts/" + alertId + "/escalate\"",
                        "hx-post=\"/dashboard/monitor/alerts/" + alertId + "/dismiss\"",
                        "<label for=\"reason-" + alertId + "\"",
                        "data-due=\"");
        // The high alert opened a case in case-service: the row links to it; times in the shared format, the window in
        // words.
        assertThat(en)
                .contains(
                        "id=\"case-of-" + alertId + "\"",
                        "href=\"/dashboard/cases/alerts/" + tenant + "/" + alertId + "\"",
                        "Open its case",
                        "data-left=\"{0} left\"")
                .containsPattern("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d</time>")
                .doesNotContain(" UTC</time>");
        // Staff choose the tenant among those with open alerts; a bank's own people see only their tenant.
        assertThat(en).contains("list=\"tenants-with-alerts\"", "<option value=\"" + tenant + "\">");
        assertThat(page(bank(tenant), "/dashboard/monitor/", "en"))
                .contains("id=\"alert-" + alertId + "\"")
                .doesNotContain("tenants-with-alerts", "case-of-");
        assertThat(en).as("never an identifier in clear").doesNotContain(PHONE, "Zhang Wei", "110101199003074514");

        String zh = page(agent, "/dashboard/monitor/", "zh-CN,zh;q=0.9");
        assertThat(zh)
                .contains("lang=\"zh-CN\"", "告警分诊", "打开对应案件", "新设备", "不可能的行程", "密集信贷申请", "确认", "升级", "驳回")
                .doesNotContain("??");
    }

    /** The row of {@code alertId} in a page: from its opening tag to the next row's. */
    private static String rowOf(String page, String alertId) {
        int start = page.indexOf("id=\"alert-" + alertId + "\"");
        assertThat(start).as("the row of " + alertId).isNotNegative();
        int end = page.indexOf("</tr>", start);
        return page.substring(start, end);
    }

    /** English the service writes into its reasons; none of it may stay on a Chinese page. */
    private static final String[] ENGLISH_REASONS = {
        "from a device", "km in", "km/h", "within", "credit or loan applications", "CREDIT_APPLICATION", "limit"
    };

    @Test
    void aChinesePageWordsTheDetectorsReasonsInChineseFromTheirCodes() {
        Raised raised = raised();
        String agent = token(raised.tenant(), "staff_agent");

        String zh = rowOf(page(agent, "/dashboard/monitor/", "zh-CN"), raised.alertId());
        assertThat(zh)
                .contains("来自该主体从未使用过的设备的信贷申请", "分钟内移动", "公里/小时，上限 900 公里/小时", "60 分钟内提交信贷或贷款申请 3 次（上限 2 次）")
                .doesNotContain(ENGLISH_REASONS)
                .doesNotContain("lang=\"en\"");
        // The subject's page shows the same rows.
        assertThat(rowOf(page(agent, "/dashboard/monitor/subjects/" + raised.subject(), "zh-CN"), raised.alertId()))
                .contains("来自该主体从未使用过的设备的信贷申请")
                .doesNotContain(ENGLISH_REASONS);
        // The row answered after a move (htmx) is in the page's language too.
        String moved = html(postForm(
                agent,
                "/dashboard/monitor/alerts/" + raised.alertId() + "/acknowledge",
                "zh-CN",
                true,
                BodyInserters.fromFormData(
                        "version", String.valueOf(raised.alert().getLong("version")))));
        assertThat(moved)
                .contains("data-state=\"ACKNOWLEDGED\"", "来自该主体从未使用过的设备的信贷申请")
                .doesNotContain(ENGLISH_REASONS);
        // In English the same codes read as the API's sentences, the signal type by its name on the page.
        assertThat(rowOf(page(agent, "/dashboard/monitor/", "en"), raised.alertId()))
                .contains(
                        "Credit application from a device this subject has not used before",
                        "3 credit or loan applications within 60 min (limit 2)",
                        "km/h, limit 900 km/h)")
                .doesNotContain("lang=\"en\"");
    }

    /**
     * Every monitor page in Chinese, with a misuse alert and a sanctions hit dismissed without a reason
     * (whose "not a match" reason the service writes itself): no missing key, no English words.
     */
    @Test
    void everyMonitorPageInChineseHasNoEnglishLeft() {
        Raised raised = raised();
        String compliance = token(raised.tenant(), "compliance_officer", "staff_agent");
        enrol(raised.tenant(), Map.of("NAME_LATIN", "Lei Zhang"));
        Document hit = alerts(raised.tenant()).stream()
                .filter(alert -> "SANCTIONS_HIT".equals(alert.getString("kind")))
                .findFirst()
                .orElseThrow();
        postJson(compliance, "/api/v1/monitor/alerts/" + hit.getString("_id") + "/dismiss", Map.of("version", 1))
                .expectStatus()
                .isOk();

        String queue = page(compliance, "/dashboard/monitor/", "zh-CN");
        assertThat(queue).contains("alert-" + raised.alertId(), "alert-" + hit.getString("_id"), "已作为误报排除（未填写理由）");
        MessageBundles.assertChinese(queue);
        MessageBundles.assertChinese(page(compliance, "/dashboard/monitor/subjects/" + raised.subject(), "zh-CN"));
        MessageBundles.assertChinese(page(compliance, "/dashboard/monitor/ingestion?range=day", "zh-CN"));
        MessageBundles.assertChinese(page(bank(raised.tenant()), "/dashboard/monitor/rules", "zh-CN"));
        // The same check finds the English sentences the page showed before reasons had codes.
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        MessageBundles.assertChinese(queue.replace("已作为误报排除（未填写理由）", "cleared as a false positive")))
                .hasMessageContaining("cleared as a false positive");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theApiKeepsItsEnglishReasonsAndGivesEachItsCodeAndArguments() {
        Raised raised = raised();
        Map<?, ?> alert = getAs(bank(raised.tenant()), "/api/v1/monitor/alerts/" + raised.alertId())
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        List<Object> reasons = (List<Object>) alert.get("reasons");
        List<Map<String, Object>> codes = (List<Map<String, Object>>) alert.get("reasonCodes");
        assertThat(reasons)
                .contains(
                        "NEW_DEVICE: CREDIT_APPLICATION from a device this subject has not used before",
                        "CREDIT_APPLICATIONS: 3 credit or loan applications within 60 min (limit 2)");
        assertThat(codes).hasSameSizeAs(reasons);
        int burst = reasons.indexOf("CREDIT_APPLICATIONS: 3 credit or loan applications within 60 min (limit 2)");
        assertThat(codes.get(burst))
                .containsEntry("code", "CREDIT_APPLICATIONS")
                .containsEntry("args", List.of("3", "60", "2"));
        assertThat(codes.get(reasons.indexOf(
                        "NEW_DEVICE: CREDIT_APPLICATION from a device this subject has not used before")))
                .containsEntry("code", "NEW_DEVICE")
                .containsEntry("args", List.of("CREDIT_APPLICATION"));
        assertThat(raised.alert().getList("reasonCodes", Document.class))
                .as("stored with the alert")
                .hasSameSizeAs(reasons);
    }

    @Test
    void anAlertStoredBeforeReasonCodesIsReadBackAndALineNoCodeKnowsStaysAsWrittenInEnglish() {
        Raised raised = raised();
        String agent = token(raised.tenant(), "staff_agent");
        List<String> stored = raised.alert().getList("reasons", String.class);
        List<String> older = new java.util.ArrayList<>(stored);
        older.add("NEW_DEVICE: a sentence an older version wrote");
        // As an alert written before codes: its English lines only.
        mongo.updateFirst(
                        Query.query(Criteria.where("_id").is(raised.alertId())),
                        new org.springframework.data.mongodb.core.query.Update()
                                .unset("reasonCodes")
                                .set("reasons", older),
                        "alerts")
                .block();

        String zh = rowOf(page(agent, "/dashboard/monitor/", "zh-CN"), raised.alertId());
        assertThat(zh)
                .as("read back from the English lines")
                .contains("来自该主体从未使用过的设备的信贷申请", "60 分钟内提交信贷或贷款申请 3 次（上限 2 次）")
                .doesNotContain("from a device this subject", "credit or loan applications");
        assertThat(zh)
                .as("no code reads this line: shown as stored, marked English")
                .contains("<li lang=\"en\">NEW_DEVICE: a sentence an older version wrote</li>");
    }

    @Test
    void theQueueFiltersByStateSeverityAndDetectorAndShowsTheSignalsBehindAnAlert() {
        String tenant = newTenant();
        journeyFour(tenant);
        String alertId = alerts(tenant).getFirst().getString("_id");
        String agent = token(tenant, "staff_agent");

        assertThat(page(agent, "/dashboard/monitor/?state=NEW&severity=HIGH&detector=NEW_DEVICE", "en"))
                .contains("alert-" + alertId);
        assertThat(page(agent, "/dashboard/monitor/?state=DISMISSED", "en"))
                .doesNotContain("alert-" + alertId)
                .contains("No alerts match.");
        assertThat(page(agent, "/dashboard/monitor/?severity=LOW", "en")).doesNotContain("alert-" + alertId);
        assertThat(page(agent, "/dashboard/monitor/?detector=OTP_BURST", "en")).doesNotContain("alert-" + alertId);

        String signals = page(agent, "/dashboard/monitor/alerts/" + alertId + "/signals", "en");
        assertThat(signals)
                .contains(
                        "Signals behind this alert",
                        "Login",
                        "Credit application",
                        "emulator-7",
                        "lender-x",
                        "29.1, 116.4")
                .doesNotContain(PHONE, "<html");
    }

    @Test
    void acknowledgingThroughTheDashboardMovesTheAlertAndOffersOnlyTheMovesLeft() {
        String tenant = newTenant();
        journeyFour(tenant);
        Document alert = alerts(tenant).getFirst();
        String alertId = alert.getString("_id");
        String agent = token(tenant, "staff_agent");

        String row = move(
                agent,
                alertId,
                "acknowledge",
                Map.of("version", String.valueOf(alert.getLong("version")), "reason", "calling the bank"));
        assertThat(row)
                .startsWith("<tr")
                .contains("Acknowledged.", "data-state=\"ACKNOWLEDGED\"", "/escalate\"", "/dismiss\"")
                .doesNotContain("/acknowledge\"");
        assertThat(alerts(tenant).getFirst().getString("state")).isEqualTo("ACKNOWLEDGED");
        // The row answered after a move keeps staff's link from the alert to the case it opened, as the queue has it.
        assertThat(row)
                .contains(
                        "id=\"case-of-" + alertId + "\"",
                        "href=\"/dashboard/cases/alerts/" + tenant + "/" + alertId + "\"");
    }

    @Test
    void aBankAnalystsRowAfterAMoveHasNoLinkToTheCaseWhichIsStaffs() {
        String tenant = newTenant();
        journeyFour(tenant);
        Document alert = alerts(tenant).getFirst();
        String alertId = alert.getString("_id");

        String row =
                move(bank(tenant), alertId, "acknowledge", Map.of("version", String.valueOf(alert.getLong("version"))));
        assertThat(row).contains("Acknowledged.", "data-state=\"ACKNOWLEDGED\"").doesNotContain("case-of-");
    }

    @Test
    void aMoveWithBadInputOrAStaleVersionIsRefusedWithAVisibleMessageAndChangesNothing() {
        String tenant = newTenant();
        journeyFour(tenant);
        Document alert = alerts(tenant).getFirst();
        String alertId = alert.getString("_id");
        String agent = token(tenant, "staff_agent");
        String version = String.valueOf(alert.getLong("version"));

        assertThat(move(agent, alertId, "dismiss", Map.of("version", "abc")))
                .contains("role=\"alert\"", "The form is out of date");
        assertThat(move(agent, alertId, "dismiss", Map.of("version", version, "reason", "x".repeat(1001))))
                .contains("role=\"alert\"", "The reason is too long");
        assertThat(move(agent, alertId, "dismiss", Map.of("version", "999")))
                .contains("role=\"alert\"", "changed this alert meanwhile");
        assertThat(alerts(tenant).getFirst().getString("state")).isEqualTo("NEW");

        move(agent, alertId, "dismiss", Map.of("version", version));
        String again = move(agent, alertId, "escalate", Map.of("version", String.valueOf(Long.parseLong(version) + 1)));
        assertThat(again).contains("role=\"alert\"", "can no longer make that move");
        assertThat(alerts(tenant).getFirst().getString("state")).isEqualTo("DISMISSED");
    }

    @Test
    void aReaderWhoMayNotWorkAlertsSeesNoButtonsAndIsRefused() {
        String tenant = newTenant();
        journeyFour(tenant);
        Document alert = alerts(tenant).getFirst();
        String alertId = alert.getString("_id");
        String insurer = token(tenant, "insurer");

        assertThat(page(insurer, "/dashboard/monitor/", "en"))
                .contains("alert-" + alertId)
                .doesNotContain("hx-post");
        assertThat(move(insurer, alertId, "acknowledge", Map.of("version", String.valueOf(alert.getLong("version")))))
                .contains("Your role does not allow this move.");
        assertThat(alerts(tenant).getFirst().getString("state")).isEqualTo("NEW");
    }

    @Test
    void anotherTenantsAlertsAndSubjectsAreAbsentFromTheListAndAnswer404ByUrl() {
        Raised raised = raised();
        String tenant = raised.tenant();
        String subject = raised.subject();
        Document alert = raised.alert();
        String alertId = raised.alertId();
        // Staff belong to the tenant "thaw": the monitor scopes every read by the token's tenant.
        String staff = token("thaw-" + newTenant(), "compliance_officer");

        assertThat(page(staff, "/dashboard/monitor/", "en")).doesNotContain(alertId, "Z**** W**");
        for (String path : List.of(
                "/dashboard/monitor/subjects/" + subject, "/dashboard/monitor/alerts/" + alertId + "/signals")) {
            getAs(staff, path)
                    .expectStatus()
                    .isNotFound()
                    .expectBody(String.class)
                    .value(body -> assertThat(body).contains("Not found").doesNotContain("Z**** W**"));
        }
        postEncodedForm(
                        staff,
                        "/dashboard/monitor/alerts/" + alertId + "/acknowledge",
                        "version=" + alert.getLong("version"))
                .expectStatus()
                .isNotFound();
        assertThat(alerts(tenant).getFirst().getString("state")).isEqualTo("NEW");
        // A token without a reading role does not see the dashboard at all.
        getAs(token(tenant, "thaw_service"), "/dashboard/monitor/")
                .expectStatus()
                .isNotFound();
    }

    @Test
    void staffNameATenantToTriageItsAlertsEachListAndMoveAuditedButNotItsSubjectsOrSignals() {
        Raised raised = raised();
        String tenant = raised.tenant();
        String alertId = raised.alertId();
        String staffTenant = "thaw-" + newTenant();
        String staff = token(staffTenant, "compliance_officer");

        String queue = page(staff, "/dashboard/monitor/?tenantId=" + tenant, "en");
        assertThat(queue)
                .contains(
                        "id=\"alert-" + alertId + "\"",
                        "Z**** W**",
                        "Tenant " + tenant,
                        "value=\"" + tenant + "\"",
                        "name=\"tenantId\" value=\"" + tenant + "\"",
                        "hx-post=\"/dashboard/monitor/alerts/" + alertId + "/escalate\"")
                .as("no subject page or signals of another tenant")
                .doesNotContain("/dashboard/monitor/subjects/" + raised.subject(), "show-signals-");
        assertThat(audited(staffTenant, "monitor.cross_tenant_list"))
                .singleElement()
                .satisfies(entry ->
                        assertThat(entry.get("details", Document.class)).containsEntry("tenantFilter", tenant));

        String row = move(
                staff,
                alertId,
                "escalate",
                Map.of("version", String.valueOf(raised.alert().getLong("version")), "tenantId", tenant));
        assertThat(row).contains("data-state=\"ESCALATED\"", "Tenant " + tenant);
        assertThat(alerts(tenant).getFirst().getString("state")).isEqualTo("ESCALATED");
        assertThat(audited(staffTenant, "monitor.cross_tenant_write"))
                .singleElement()
                .satisfies(entry -> assertThat(entry.getString("objectId")).isEqualTo(alertId));

        // A member of another tenant naming this one finds no such page; a malformed name is refused with a message.
        getAs(token(newTenant(), "partner_bank"), "/dashboard/monitor/?tenantId=" + tenant)
                .expectStatus()
                .isNotFound();
        for (String malformed : List.of("a".repeat(65), tenant + "\u0000", "../" + tenant)) {
            web.get()
                    .uri("/dashboard/monitor/?tenantId={tenant}", malformed)
                    .headers(h -> h.setBearerAuth(staff))
                    .header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                    .exchange()
                    .expectStatus()
                    .isBadRequest()
                    .expectBody(String.class)
                    .value(body -> assertThat(body)
                            .contains("The tenant must be 1 to 64 letters")
                            .doesNotContain("alert-" + alertId));
        }
        postEncodedForm(
                        staff,
                        "/dashboard/monitor/alerts/" + alertId + "/acknowledge",
                        "version=2&tenantId=bad%20tenant")
                .expectStatus()
                .isNotFound();
        assertThat(audited(staffTenant, "monitor.cross_tenant_list")).hasSize(1);
    }

    @Test
    void aSubjectsPageShowsBaselineTimelineAndAlertsMaskedInBothLanguages() {
        String tenant = newTenant();
        String subject = journeyFour(tenant);
        String agent = token(tenant, "staff_agent");

        String en = page(agent, "/dashboard/monitor/subjects/" + subject, "en");
        assertThat(en)
                .contains(
                        "Subject Z**** W**",
                        "Known devices",
                        "phone-1",
                        "emulator-7",
                        "Usual places",
                        "39.9, 116.4",
                        "Active hours",
                        "lender-x",
                        "Signal timeline",
                        "Credit application",
                        "No screening hits.",
                        "Identity-misuse alerts")
                .doesNotContain(PHONE, "Zhang Wei", "110101199003074514", "id=\"reveal\"");
        String zh = page(agent, "/dashboard/monitor/subjects/" + subject, "zh-CN");
        assertThat(zh)
                .contains("监测对象 Z**** W**", "已知设备", "常用地点", "活跃时段", "信号时间线", "没有名单筛查命中。")
                .doesNotContain("??");
    }

    @Test
    void aSanctionsHitShowsItsScoreAndMatchedFieldsAndOnlyRevealRolesMayRevealInClear() {
        String tenant = newTenant();
        String subject = enrol(tenant, Map.of("NAME_LATIN", "Lei Zhang", "PHONE", "+8613800000008"));
        List<Document> hits = alerts(tenant);
        assertThat(hits).as("the sample list names this person").isNotEmpty();
        String compliance = token(tenant, "compliance_officer");

        String page = page(compliance, "/dashboard/monitor/subjects/" + subject, "en");
        assertThat(page)
                .contains("Screening hits", "Matched fields", "id=\"reveal\"")
                .doesNotContain("No screening hits.", "+8613800000008");
        Document sanction = hits.getFirst().get("sanction", Document.class);
        assertThat(page)
                .contains(
                        sanction.getString("listEntryId"),
                        String.join(", ", sanction.getList("matchedFields", String.class)));
        // The list version that triggered the hit, and the subject's decisions.
        assertThat(page)
                .contains(
                        "ofac-sdn · " + sanction.getString("listVersion").substring(0, 12), "No screening decisions.");
        postJson(
                        compliance,
                        "/api/v1/monitor/subjects/" + subject + "/screening/decisions",
                        Map.of(
                                "listEntryId",
                                sanction.getString("listEntryId"),
                                "decision",
                                "TRUE_MATCH",
                                "reason",
                                "passport <b>matches</b>",
                                "evidence",
                                List.of("evd_123")))
                .expectStatus()
                .isCreated();
        String decided = page(compliance, "/dashboard/monitor/subjects/" + subject, "en");
        assertThat(decided)
                .contains("id=\"decisions\"", "True match", "passport &lt;b&gt;matches&lt;/b&gt;", "evd_123")
                .doesNotContain("No screening decisions.");
        assertThat(page(compliance, "/dashboard/monitor/subjects/" + subject, "zh-CN"))
                .contains("确认命中", "筛查结论");
        // The queue's row of the hit shows the standing decision too, in both languages.
        String alertId = hits.getFirst().getString("_id");
        String queue = page(compliance, "/dashboard/monitor/?kind=SANCTIONS_HIT", "en");
        assertThat(queue)
                .contains(
                        "id=\"decision-" + alertId + "\"",
                        "True match",
                        "passport &lt;b&gt;matches&lt;/b&gt;",
                        "Evidence: evd_123");
        assertThat(page(compliance, "/dashboard/monitor/?kind=SANCTIONS_HIT", "zh-CN"))
                .contains("id=\"decision-" + alertId + "\"", "确认命中", "证据：evd_123");

        String revealed = html(web.post()
                .uri("/dashboard/monitor/subjects/" + subject + "/reveal")
                .headers(h -> h.setBearerAuth(compliance))
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                .exchange());
        assertThat(revealed).contains("+8613800000008", "recorded in the audit log");
        postAs(token(tenant, "staff_agent"), "/dashboard/monitor/subjects/" + subject + "/reveal")
                .expectStatus()
                .isNotFound();
    }

    @Test
    void theIngestionPageChartsTheTenantsSignalsPerMinute() {
        String tenant = newTenant();
        journeyFour(tenant);
        String agent = token(tenant, "staff_agent");

        String en = page(agent, "/dashboard/monitor/ingestion", "en");
        assertThat(en)
                .contains(
                        "Ingestion rate",
                        "4 signals received in the last hour.",
                        "id=\"ingestion-chart\"",
                        "new Chart(canvas",
                        "data-values=\"");
        String values = en.replaceAll("(?s).*data-values=\"([^\"]*)\".*", "$1");
        assertThat(values.split(",")).hasSize(60);
        assertThat(List.of(values.split(",")).stream()
                        .mapToInt(Integer::parseInt)
                        .sum())
                .isEqualTo(4);
        assertThat(page(agent, "/dashboard/monitor/ingestion?range=day", "zh-CN"))
                .contains("最近 24 小时收到 4 条信号。");
        assertThat(page(token(newTenant(), "staff_agent"), "/dashboard/monitor/ingestion", "en"))
                .contains("0 signals received");
    }

    private List<Document> rules(String tenant) {
        return mongo.find(
                        org.springframework.data.mongodb.core.query.Query.query(
                                org.springframework.data.mongodb.core.query.Criteria.where("tenantId")
                                        .is(tenant)),
                        Document.class,
                        "rules")
                .collectList()
                .block();
    }

    /** The rule editor's fields: a new rule ({@code version} none) or a change of the rule at {@code version}. */
    private static Map<String, String> ruleForm(
            String name, String expression, String severity, boolean enabled, long... version) {
        Map<String, String> form = new java.util.LinkedHashMap<>(Map.of(
                "name", name, "expression", expression, "severity", severity, "enabled", String.valueOf(enabled)));
        for (long read : version) {
            form.put("version", String.valueOf(read));
        }
        return form;
    }

    private WebTestClient.ResponseSpec postRule(String token, String path, Map<String, String> form) {
        return postRule(token, path, form, "en");
    }

    private WebTestClient.ResponseSpec postRule(String token, String path, Map<String, String> form, String language) {
        return postForm(token, path, language, false, form(form));
    }

    private String postRuleBody(String token, String path, Map<String, String> form) {
        return html(postRule(token, path, form));
    }

    @Test
    void theRuleEditorValidatesOnSaveShowingTheErrorNextToTheFieldAndCreatesValidRules() {
        String tenant = newTenant();
        String bank = bank(tenant);
        assertThat(page(bank, "/dashboard/monitor/rules", "en"))
                .contains(
                        "Detection rules",
                        "No rules yet.",
                        "<label for=\"name-new\"",
                        "<label for=\"expression-new\"",
                        "hx-post=\"/dashboard/monitor/rules\"");
        assertThat(page(bank, "/dashboard/monitor/rules", "zh-CN"))
                .contains("检测规则", "新建规则")
                .doesNotContain("??");

        String badCel =
                postRuleBody(bank, "/dashboard/monitor/rules", ruleForm("cards", "signal.type == ", "HIGH", true));
        assertThat(badCel)
                .contains("id=\"expression-new-error\"", "aria-invalid=\"true\"", "role=\"alert\"")
                .contains(">signal.type ==<")
                .doesNotContain("1 to 64");
        String badName = postRuleBody(
                bank,
                "/dashboard/monitor/rules",
                Map.of("name", "bad name!", "expression", "signal.type == 'CARD_ISSUED'", "severity", "HIGH"));
        assertThat(badName).contains("id=\"name-new-error\"", "1 to 64 letters").doesNotContain("expression-new-error");
        assertThat(rules(tenant)).isEmpty();

        postRule(
                        bank,
                        "/dashboard/monitor/rules",
                        ruleForm(
                                "card-new-device",
                                "signal.type == 'CARD_ISSUED' && !baseline.knownDevice",
                                "HIGH",
                                true))
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("HX-Redirect", "/dashboard/monitor/rules");
        assertThat(rules(tenant)).singleElement().satisfies(rule -> {
            assertThat(rule.getString("name")).isEqualTo("card-new-device");
            assertThat(rule.getBoolean("enabled")).isTrue();
        });
        assertThat(page(bank, "/dashboard/monitor/rules", "en"))
                .contains("card-new-device", "!baseline.knownDevice", "Disable");
    }

    /**
     * Issue 23: CEL's compiler speaks English; the rules page words its errors in the page's language by kind
     * and position, CEL's own text kept only as a detail (folded away).
     */
    @Test
    void aRuleThatDoesNotCompileIsExplainedInThePagesLanguageWithCelsTextOnlyAsADetail() {
        String tenant = newTenant();
        String bank = bank(tenant);
        java.util.function.BiFunction<String, String, String> refusal = (expression, language) -> html(postRule(
                bank,
                "/dashboard/monitor/rules",
                Map.of("name", "bad", "expression", expression, "severity", "HIGH"),
                language));
        // What is read outside the folded detail.
        java.util.function.Function<String, String> shown = html -> html.replaceAll("(?s)<details.*?</details>", "");

        String fullWidth = refusal.apply("signal.type == （'LOGIN'）", "zh-CN");
        assertThat(shown.apply(fullWidth))
                .contains("id=\"expression-new-error\"", "aria-invalid=\"true\"", "role=\"alert\"")
                .contains("第 1 行第 16 列：语法错误，（ 是全角字符，请改用半角 (。")
                .doesNotContain("token recognition", "Line ", "syntax error", "??");
        assertThat(fullWidth).contains("<details", "CEL 原始信息", "token recognition error at: &#39;（&#39;");
        assertThat(shown.apply(refusal.apply("signal.type == （'LOGIN'）", "en")))
                .contains("Line 1, column 16: syntax error, （ is a full-width character: write ( instead.");

        assertThat(shown.apply(refusal.apply("signal.type == 'LOGIN' && sigal.amount > 1.0", "zh-CN")))
                .contains("第 1 行第 27 列：未知名称 sigal。")
                .doesNotContain("undeclared", "unknown name");
        assertThat(shown.apply(refusal.apply("signal.type == 1 + 'x'", "zh-CN")))
                .contains("类型错误，+ 不能用于 (int, string)。")
                .doesNotContain("overload");
        assertThat(shown.apply(refusal.apply("baseline.signalCount + 1", "zh-CN")))
                .contains("类型错误，规则的结果必须是 true 或 false，此处为 int。");
        assertThat(shown.apply(refusal.apply("signal.type == 'LOGIN' &&", "en")))
                .contains("Line 1, column 26: syntax error, the expression ends before it is complete.")
                .doesNotContain("mismatched input");
        assertThat(rules(tenant)).isEmpty();
    }

    @Test
    void aRuleIsDisabledAndEditedWithItsVersionAndOnlySubscribersMayChangeRules() {
        String tenant = newTenant();
        String bank = bank(tenant);
        postRule(bank, "/dashboard/monitor/rules", ruleForm("otp", "signal.type == 'OTP_REQUESTED'", "LOW", true))
                .expectStatus()
                .isOk();
        Document rule = rules(tenant).getFirst();
        String path = "/dashboard/monitor/rules/" + rule.getString("_id");

        postRule(bank, path, ruleForm("otp", "signal.type == 'OTP_REQUESTED'", "LOW", false, 1))
                .expectStatus()
                .isOk()
                .expectHeader()
                .exists("HX-Redirect");
        assertThat(rules(tenant).getFirst().getBoolean("enabled")).isFalse();
        assertThat(postRuleBody(bank, path, ruleForm("otp", "signal.type == 'OTP_REQUESTED'", "MEDIUM", true, 1)))
                .contains("changed this rule meanwhile");
        assertThat(rules(tenant).getFirst().getString("severity")).isEqualTo("LOW");

        String agent = token(tenant, "staff_agent");
        assertThat(page(agent, "/dashboard/monitor/rules", "en"))
                .contains("otp")
                .doesNotContain("hx-post", "New rule");
        // An agent of the tenant, and another tenant's bank: the rule is not theirs to change.
        Map<String, String> change = ruleForm("otp", "true", "HIGH", true, 2);
        for (String notAllowed : List.of(agent, bank(newTenant()))) {
            postRule(notAllowed, path, change).expectStatus().isNotFound();
        }
        assertThat(rules(tenant).getFirst().getLong("version")).isEqualTo(2L);
    }
}
