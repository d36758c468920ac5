package app.thaw.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import app.thaw.systemtests.support.Browser;
import app.thaw.systemtests.support.Keycloak;
import app.thaw.systemtests.support.ThawApi;
import app.thaw.systemtests.support.ThawPlatform;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The case-service dashboard in a real browser, through the gateway's console session and a real
 * Keycloak login: an agent finds a merchant's new case in the queue and moves it on by button; a
 * compliance hold is there for a compliance officer and nowhere for an agent.
 */
@ExtendWith(ThawPlatform.class)
@Order(25)
class CasesDashboardBrowserIT {

    private static final String RISK_NOTICE = "尊敬的用户，您的账户近期存在交易异常，系统风控已对相关交易进行风险审核，审核期间该笔交易资金暂缓入账。请在3个工作日内提交交易凭证。";
    private static final String COMPLIANCE_NOTICE =
            "Your account is temporarily unavailable per notice from the competent authority. "
                    + "Please await the official announcement.";

    @Test
    void anAgentFindsAMerchantsCaseInTheQueueAndMovesItOnByButton(ThawPlatform thaw) {
        String assignee = "browser-" + UUID.randomUUID().toString().substring(0, 8);
        String id = openCase(thaw, RISK_NOTICE, assignee);

        try (Browser browser = Browser.start("en")) {
            browser.signInAt(thaw, "/dashboard/cases/", "agent");
            browser.await(By.id("queue-filters"));
            browser.awaitScripts();
            browser.type(By.id("filter-assignee"), assignee);
            browser.click(By.id("apply-filters"));
            browser.await(By.id("case-" + id));
            // The row's countdown is live: thaw.js has replaced the instant with the time left (or how late).
            browser.awaitThat(page -> text(page, By.cssSelector("#case-" + id + " time[data-due]"))
                    .matches(".*(left|overdue).*"));
            browser.screenshotAndAssertAccessible("cases-queue-agent-en");

            browser.click(By.cssSelector("#case-" + id + " a"));
            browser.await(By.id("case-status"));
            browser.awaitScripts();
            assertThat(browser.text(By.id("case-status"))).isEqualTo("Triaged");
            assertThat(browser.has(By.id("move-GATHERING_EVIDENCE"))).isTrue();
            assertThat(browser.has(By.id("move-RESOLVED")))
                    .as("not allowed from TRIAGED")
                    .isFalse();

            // A move without its reason is refused, and the refusal (a 400) is shown, not dropped.
            browser.click(By.id("move-GATHERING_EVIDENCE"));
            browser.awaitThat(page -> text(page, By.id("case-problem")).contains("Please correct the input."));
            assertThat(browser.text(By.id("case-problem"))).contains("reason");
            assertThat(browser.text(By.id("case-status"))).isEqualTo("Triaged");

            // By keyboard alone: type the reason, Tab to the move, press Enter.
            browser.type(By.id("transition-reason"), "The merchant is collecting the invoices");
            assertThat(browser.tabTo(By.id("move-GATHERING_EVIDENCE"), 10))
                    .as("the move is reachable by Tab")
                    .isTrue();
            browser.press(org.openqa.selenium.Keys.ENTER);
            browser.awaitThat(page -> text(page, By.id("case-status")).equals("Gathering evidence"));
            assertThat(browser.text(By.id("case-notice"))).contains("The case is now Gathering evidence.");
            assertThat(browser.text(By.id("timeline-table")))
                    // The actor by name, from the staff directory Keycloak keeps.
                    .contains("TRIAGED → GATHERING_EVIDENCE", "The merchant is collecting the invoices", "Sam Agent");
            assertThat(browser.has(By.id("move-SUBMITTED"))).isTrue();
            assertThat(browser.has(By.id("move-GATHERING_EVIDENCE"))).isFalse();
            browser.screenshotAndAssertAccessible("cases-case-agent-en");

            browser.click(By.linkText("中文"));
            browser.awaitThat(page -> text(page, By.id("case-status")).equals("收集证据中"));
            assertThat(browser.page()).contains("lang=\"zh-CN\"", "时间线", "证据清单");
            browser.screenshotAndAssertAccessible("cases-case-agent-zh-CN");
        }
        theCase(thaw, new Keycloak(thaw).userToken("acme-admin"), id)
                .jsonPath("$.status")
                .isEqualTo("GATHERING_EVIDENCE");
    }

    @Test
    void aComplianceHoldIsListedAndOpensForComplianceWhileForAnAgentItIsAbsentAndNotFound(ThawPlatform thaw) {
        String assignee = "restricted-" + UUID.randomUUID().toString().substring(0, 8);
        String id = openCase(thaw, COMPLIANCE_NOTICE, assignee);

        try (Browser browser = Browser.start("en")) {
            browser.signInAt(thaw, "/dashboard/cases/?assignee=" + assignee, "compliance");
            browser.await(By.id("case-" + id));
            assertThat(browser.text(By.id("case-" + id))).contains("compliance restricted", "Compliance hold");
            browser.screenshotAndAssertAccessible("cases-queue-compliance-en");

            browser.click(By.cssSelector("#case-" + id + " a"));
            assertThat(browser.text(By.id("case-scenario"))).isEqualTo("Compliance hold");
            assertThat(browser.page()).contains(COMPLIANCE_NOTICE.substring(0, 40));
            browser.screenshotAndAssertAccessible("cases-case-compliance-en");
        }

        try (Browser browser = Browser.start("zh-CN")) {
            browser.signInAt(thaw, "/dashboard/cases/?assignee=" + assignee, "agent");
            browser.await(By.id("queue-empty"));
            assertThat(browser.has(By.id("case-" + id))).isFalse();
            assertThat(browser.page()).contains("案件队列").doesNotContain(id);
            browser.screenshotAndAssertAccessible("cases-queue-agent-zh-CN-without-restricted");

            browser.open(thaw.gatewayUrl() + "/dashboard/cases/" + id);
            assertThat(browser.text(By.id("problem-heading"))).isEqualTo("未找到");
            assertThat(browser.page()).contains("这里没有这个案件").doesNotContain(COMPLIANCE_NOTICE.substring(0, 40), "合规冻结");
            browser.screenshotAndAssertAccessible("cases-restricted-case-agent-zh-CN-not-found");
        }
    }

    /**
     * Issue 23: the case page as an agent's workbench, worked by keyboard alone (Tab to the control,
     * Enter) through the gateway — in Chinese (assignment to a named person and to me, the appeal letter's
     * preview in its own tab), then in English — with the API confirming each effect.
     */
    @Test
    void anAgentWorksACaseByKeyboardInChineseAndEnglish(ThawPlatform thaw) {
        String assignee = "keys-" + UUID.randomUUID().toString().substring(0, 8);
        String id = openCase(thaw, RISK_NOTICE, assignee);

        try (Browser browser = Browser.start("zh-CN")) {
            browser.resize(1366, 768);
            browser.signInAt(thaw, "/dashboard/cases/" + id, "agent");
            browser.await(By.id("case-status"));
            browser.awaitScripts();
            String zh = String.valueOf(browser.script("return document.getElementById('main').innerText"));
            assertThat(zh)
                    .as("no English left on the Chinese page")
                    .contains("黄金 15", "Thaw 专员", "人民币 58,200.00", "材料缺失")
                    .doesNotContain(
                            "First notification to the client",
                            "staff_agent",
                            "partner_bank",
                            "Risky transaction",
                            " left",
                            "+08:00");
            // The live countdowns count in the shared words.
            browser.awaitThat(page ->
                    text(page, By.cssSelector("#clocks-table time[data-due]")).matches("(剩余|已超时) .*(分|秒|小时|天)"));
            // Two columns on a 1366×768 screen: the running clocks and the readiness are in view without scrolling.
            assertThat(((Number) browser.script(
                                    "return document.getElementById('clocks-heading').getBoundingClientRect().top"))
                            .doubleValue())
                    .isLessThan(768);
            assertThat(((Number) browser.script(
                                    "return document.getElementById('readiness-heading').getBoundingClientRect().top"))
                            .doubleValue())
                    .isLessThan(768);
            browser.screenshot("cases-workbench-zh-CN-1366x768");
            assertThat(browser.accessibilityViolations())
                    .as("accessibility of cases-workbench-zh-CN")
                    .isEmpty();

            // Mark the first task done.
            assertThat(browser.tabTo(By.id("task-done-1"), 150))
                    .as("task done is reachable by Tab")
                    .isTrue();
            browser.press(Keys.ENTER);
            awaitNotice(browser, "任务已完成。");
            assertThat(browser.has(By.id("task-done-1"))).isFalse();

            // Meet a clock that no task settles.
            meetAClockByKeyboard(browser, "时钟已达成。");

            // Assign to someone with no name: refused beside the form; then to me.
            // In Chinese the refusal names the field in Chinese (处理人), not the API's English detail.
            assertThat(assignWithoutAName(browser, "处理人")).doesNotContain("assignee", "must not be blank");
            // The staff directory comes from Keycloak (case-service's service account reads the staff tenant's users);
            // owners are shown by name.
            assertThat(browser.has(By.cssSelector("#staff-directory option[value='supervisor']")))
                    .isTrue();
            // To someone named from the directory: Shift+Tab back to the name, type the user name, Tab to Assign.
            assignToTheSupervisor(browser, 5, "案件已分配给 Sue Visor");
            assignToMe(browser, 150, "案件已分配给 Sam Agent");
            assertThat(browser.text(By.id("parties-heading"))).isEqualTo("合作银行与保险公司");

            // Confirm the triage with a reason.
            browser.type(By.id("triage-reason"), "通知内容与风险交易一致");
            enterOn(browser, By.id("triage-submit"), 10);
            awaitNotice(browser, "分诊已记录：风险交易。");

            // A script, opened and copied by keyboard.
            copyTheOpeningScriptByKeyboard(browser, "已复制");
            assertThat(browser.text(By.id("script-opening"))).contains("您好", "连连支付");
            assertThat(browser.page())
                    .contains("/dashboard/evidence/cases/" + id, "/appeal-letter?lang=en&amp;format=pdf");
            // Still no English after the actions: who did each by name, their lines in Chinese.
            assertThat(String.valueOf(browser.script("return document.getElementById('main').innerText")))
                    .contains("Sam Agent", "Sue Visor")
                    .doesNotContain(
                            "Assigned to",
                            "First notification to the client",
                            "staff_agent",
                            "Risky transaction",
                            "The task is done",
                            "TRIAGED",
                            " left",
                            "+08:00");
            browser.screenshotAndAssertAccessible("cases-workbench-zh-CN-after-actions");

            // The appeal letter's preview in Chinese, by keyboard: Tab to the link (the page loaded again: from the
            // top), Enter opens it in its own tab.
            openCasePage(browser, thaw, id);
            assertThat(browser.tabTo(By.id("letter-preview-zh"), 150))
                    .as("the Chinese preview is reachable by Tab")
                    .isTrue();
            browser.press(Keys.ENTER);
            String casePage = browser.switchToNewWindow();
            browser.awaitThat(page -> page.getPageSource().contains("账户解冻申诉函"));
            assertThat(browser.url()).contains("/appeal-letter?lang=zh-CN").doesNotContain("format=pdf");
            assertThat(browser.page()).contains("lang=\"zh-CN\"", "acme-C-", "连连支付 风控审核团队", "恳请贵方核实上述材料后");
            assertThat(String.valueOf(browser.script("return document.body.innerText")))
                    .as("no English left in the Chinese letter")
                    .doesNotContain("Appeal to lift", "risk review team", "Please review the proofs");
            browser.screenshot("cases-appeal-letter-preview-zh-CN");
            browser.closeWindowBackTo(casePage);

            browser.click(By.linkText("English"));
            browser.awaitThat(page -> text(page, By.id("case-status")).equals("Triaged"));
            enterOn(browser, By.id("task-done-2"), 150);
            awaitNotice(browser, "The task is done.");
            assertThat(browser.text(By.id("case-amount"))).isEqualTo("CNY 58,200.00");
            browser.awaitThat(page ->
                    text(page, By.cssSelector("#clocks-table time[data-due]")).matches(".*(left|overdue).*"));
            browser.screenshotAndAssertAccessible("cases-workbench-en");

            // The appeal letter's preview, in English.
            browser.open(thaw.gatewayUrl() + "/dashboard/cases/" + id + "/appeal-letter?lang=en");
            assertThat(browser.page()).contains("acme-C-");
        }
        theCase(thaw, new Keycloak(thaw).userToken("acme-admin"), id)
                .jsonPath("$.assignee")
                .isEqualTo("agent")
                .jsonPath("$.tasks[0].done")
                .isEqualTo(true)
                .jsonPath("$.tasks[1].done")
                .isEqualTo(true)
                .jsonPath("$.readiness.state")
                .isEqualTo("MISSING");
    }

    /**
     * Issue 23, the rest of the workbench by keyboard through the gateway: the queue filtered by readiness (sticky
     * headers, urgent clock first), the case assigned (refused without a name, to me, to a named person from the
     * staff directory; en), triage overridden with a reason (en), the appeal letter as PDF in both languages, and a
     * supplement request acknowledged (zh-CN), then a second one (en) — each effect confirmed by the API.
     */
    @Test
    @SuppressWarnings("unchecked")
    void anAgentFiltersByReadinessOverridesTriageAndAcknowledgesASupplementByKeyboard(ThawPlatform thaw) {
        String assignee = "keys2-" + UUID.randomUUID().toString().substring(0, 8);
        String id = openCase(thaw, RISK_NOTICE, assignee);
        String admin = new Keycloak(thaw).userToken("acme-admin");

        try (Browser browser = Browser.start("en")) {
            browser.resize(1366, 768);
            browser.signInAt(thaw, "/dashboard/cases/?assignee=" + assignee, "agent");
            browser.await(By.id("case-" + id));
            browser.awaitScripts();
            // The compact queue: sticky headers, the most urgent clock in its own column.
            assertThat(browser.script(
                            "return getComputedStyle(document.querySelector('#queue-table thead th')).position"))
                    .isEqualTo("sticky");
            assertThat(browser.text(By.cssSelector("#queue-table thead"))).contains("Most urgent clock");

            // Readiness as a filter, by keyboard: "ready to submit" finds nothing, "items missing" finds the case.
            filterByReadinessByKeyboard(browser, "ready to submit", "READY");
            browser.awaitThat(page -> !page.findElements(By.id("queue-empty")).isEmpty());
            assertThat(browser.has(By.id("case-" + id))).isFalse();
            browser.open(thaw.gatewayUrl() + "/dashboard/cases/?assignee=" + assignee);
            browser.await(By.id("queue-filters"));
            browser.awaitScripts();
            filterByReadinessByKeyboard(browser, "items missing", "MISSING");
            browser.await(By.id("case-" + id));
            assertThat(browser.text(By.id("case-" + id))).contains("items missing");
            browser.screenshotAndAssertAccessible("cases-queue-readiness-en");

            // In English too: a script copied and a clock met, by keyboard.
            openCasePage(browser, thaw, id);
            copyTheOpeningScriptByKeyboard(browser, "Copied");
            meetAClockByKeyboard(browser, "The clock is met.");

            // Assignment in English, by keyboard: refused without a name (beside the form), to me, then to a
            // person from the staff directory (Keycloak's) by user name, shown by name.
            assertThat(assignWithoutAName(browser, "Please correct the input.")).contains("assignee");
            assignToMe(browser, 10, "The case is now assigned to Sam Agent.");
            assignToTheSupervisor(browser, 150, "The case is now assigned to Sue Visor.");
            assertThat(browser.text(By.id("timeline-table"))).contains("Sam Agent", "Sue Visor");
            browser.screenshotAndAssertAccessible("cases-workbench-assigned-en");

            // Triage overridden with a reason, by keyboard (the page loaded again: Tab from the top).
            openCasePage(browser, thaw, id);
            assertThat(browser.tabTo(By.id("triage-scenario"), 200)).isTrue();
            browser.press("Account anomaly");
            awaitValue(browser, "triage-scenario", "ACCOUNT_ANOMALY");
            assertThat(browser.tabTo(By.id("triage-reason"), 5)).isTrue();
            browser.press("The platform's notice names a login from a new device");
            enterOn(browser, By.id("triage-submit"), 5);
            awaitNotice(browser, "Triage recorded: Account anomaly.");
            assertThat(browser.text(By.id("case-scenario"))).isEqualTo("Account anomaly");
            browser.screenshotAndAssertAccessible("cases-workbench-triage-override-en");

            // The appeal letter as a PDF in either language, as the page's links download it (same session).
            for (String link : new String[] {"letter-pdf-zh", "letter-pdf-en"}) {
                String href = browser.await(By.id(link)).getDomProperty("href");
                assertThat(browser.script(
                                "return fetch(arguments[0]).then(r => r.arrayBuffer().then(b => r.status + ' '"
                                        + " + r.headers.get('content-type') + ' '"
                                        + " + String.fromCharCode(...new Uint8Array(b.slice(0, 5)))));",
                                href))
                        .as(link)
                        .isEqualTo("200 application/pdf %PDF-");
            }
        }
        theCase(thaw, admin, id)
                .jsonPath("$.scenario")
                .isEqualTo("ACCOUNT_ANOMALY")
                .jsonPath("$.assignee")
                .isEqualTo("supervisor");

        // The platform asks for more: the merchant records it through the API.
        requestASupplement(
                thaw, admin, id, "on to the platform's review", "the platform asks for the transaction background");

        try (Browser browser = Browser.start("zh-CN")) {
            browser.resize(1366, 768);
            browser.signInAt(thaw, "/dashboard/cases/" + id, "agent");
            browser.await(By.id("case-status"));
            browser.awaitScripts();
            assertThat(browser.text(By.id("case-status"))).isEqualTo("要求补充材料");
            acknowledgeTheSupplementByKeyboard(
                    browser, "确认补充材料请求", "已确认补充材料请求。", "cases-workbench-supplement-acknowledged-zh-CN");

            // The platform asks again; this time the agent acknowledges on the English page.
            requestASupplement(
                    thaw, admin, id, "back to the platform's review", "the platform asks for the contract too");
            browser.open(thaw.gatewayUrl() + "/dashboard/cases/" + id);
            browser.await(By.id("case-status"));
            browser.click(By.linkText("English"));
            browser.awaitThat(page -> text(page, By.id("case-status")).equals("Supplement requested"));
            browser.awaitScripts();
            acknowledgeTheSupplementByKeyboard(
                    browser,
                    "Acknowledge supplement",
                    "The supplement request is acknowledged.",
                    "cases-workbench-supplement-acknowledged-en");
        }
        Map<String, Object> after = caseAsMap(thaw, admin, id);
        // Both requests acknowledged: the first in Chinese, the second (still SUPPLEMENT_REQUESTED) in English.
        assertThat((java.util.List<Map<String, Object>>) after.get("clocks"))
                .filteredOn(clock -> "SUPPLEMENT_ACK_24H".equals(clock.get("kind")))
                .hasSize(2)
                .allSatisfy(clock -> assertThat(clock.get("metAt")).isNotNull());
        assertThat(after.get("status")).isEqualTo("SUPPLEMENT_REQUESTED");
    }

    /**
     * Issue 23: the partner bank the merchant linked and the insurer following the case with the holder's
     * consent are the case's parties on its page, named in Chinese and in English, each by its organization's
     * name (case-service reads them from Keycloak, ADR 26). The link is acme's, not the
     * case's: it is revoked again at the end, since later journeys start with acme unlinked.
     */
    @Test
    void theCasePageNamesThePartnerBankAndTheInsurerFollowingTheCaseInChineseAndEnglish(ThawPlatform thaw) {
        ThawApi api = new ThawApi(thaw);
        String assignee = "parties-" + UUID.randomUUID().toString().substring(0, 8);
        String id = openCase(thaw, RISK_NOTICE, assignee);
        boolean linked = false;
        try {
            api.post("acme-admin", Map.of("partnerTenantId", "bank-demo"), "/api/v1/cases/partner-links")
                    .expectStatus()
                    .isCreated();
            linked = true;
            api.post(
                            "acme-admin",
                            Map.of("insurerTenantId", "insurer-demo"),
                            "/api/v1/evidence/cases/{id}/consents",
                            id)
                    .expectStatus()
                    .isCreated();
            // case-service learns of the consent from evidence-service's event.
            org.awaitility.Awaitility.await("case-service learnt the consent")
                    .atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(300))
                    .until(() -> api.get(ThawApi.DEMO_INSURER, "/api/v1/cases/followed/{id}", id)
                                    .returnResult(String.class)
                                    .getStatus()
                                    .value()
                            == 200);

            try (Browser browser = Browser.start("zh-CN")) {
                browser.signInAt(thaw, "/dashboard/cases/" + id, "agent");
                browser.await(By.id("parties-table"));
                browser.awaitScripts();
                assertThat(browser.has(By.id("parties-none"))).isFalse();
                assertThat(browser.text(By.id("parties-heading"))).isEqualTo("合作银行与保险公司");
                assertThat(browser.text(By.id("parties-table")))
                        // By their organizations' names in Keycloak (the realm's), not their tenant ids.
                        .contains("合作银行（租户已关联）", "Demo Partner Bank", "保险公司（持有人已授权）", "Demo Insurer", "有效")
                        .doesNotContain(
                                "Partner bank",
                                "Insurer (",
                                "Active",
                                "partner_bank",
                                "insurer ",
                                "bank-demo",
                                "insurer-demo");
                browser.screenshotAndAssertAccessible("cases-case-parties-zh-CN");

                browser.click(By.linkText("English"));
                browser.awaitThat(page -> text(page, By.id("parties-heading")).equals("Partner banks and insurers"));
                assertThat(browser.text(By.id("parties-table")))
                        .contains(
                                "Partner bank (linked by the tenant)",
                                "Demo Partner Bank",
                                "Insurer (consent of the holder)",
                                "Demo Insurer",
                                "Active");
                browser.screenshotAndAssertAccessible("cases-case-parties-en");
            }
        } finally {
            if (linked) {
                api.post("acme-admin", Map.of(), "/api/v1/cases/partner-links/bank-demo/revoke")
                        .expectStatus()
                        .is2xxSuccessful();
            }
        }
    }

    /** Waits until a select chosen by typing (as a person does on a focused select) holds {@code value}. */
    private static void awaitValue(Browser browser, String select, String value) {
        browser.awaitThat(
                page -> value.equals(browser.script("return document.getElementById(arguments[0]).value;", select)));
    }

    /** Chooses the readiness {@code words} by typing on the focused filter (it holds {@code value}), applies it. */
    private static void filterByReadinessByKeyboard(Browser browser, String words, String value) {
        assertThat(browser.tabTo(By.id("filter-readiness"), 60)).isTrue();
        browser.press(words);
        awaitValue(browser, "filter-readiness", value);
        enterOn(browser, By.id("apply-filters"), 10);
    }

    /** Opens the case's page at the gateway and waits for its status and its scripts. */
    private static void openCasePage(Browser browser, ThawPlatform thaw, String id) {
        browser.open(thaw.gatewayUrl() + "/dashboard/cases/" + id);
        browser.await(By.id("case-status"));
        browser.awaitScripts();
    }

    /** Tabs to {@code control} (within {@code presses}) and presses Enter on it. */
    private static void enterOn(Browser browser, By control, int presses) {
        assertThat(browser.tabTo(control, presses)).isTrue();
        browser.press(Keys.ENTER);
    }

    /** Waits until the case page's notice says {@code words}. */
    private static void awaitNotice(Browser browser, String words) {
        browser.awaitThat(page -> text(page, By.id("case-notice")).contains(words));
    }

    /** Meets by keyboard the first clock with a button of its own; waits for the notice {@code notice}. */
    private static void meetAClockByKeyboard(Browser browser, String notice) {
        enterOn(browser, By.cssSelector("button[id^='clock-met-']"), 150);
        awaitNotice(browser, notice);
    }

    /** Opens the opening script and copies it, by keyboard; waits for the copy's status to say {@code copied}. */
    private static void copyTheOpeningScriptByKeyboard(Browser browser, String copied) {
        enterOn(browser, By.cssSelector("details:has(#script-opening) > summary"), 150);
        enterOn(browser, By.id("copy-opening"), 5);
        browser.awaitThat(page ->
                text(page, By.cssSelector("#copy-opening ~ .copy-status")).equals(copied));
    }

    /** Enter on Assign with no name given; answers the refusal beside the form once it says {@code words}. */
    private static String assignWithoutAName(Browser browser, String words) {
        enterOn(browser, By.id("assign-someone"), 150);
        browser.awaitThat(
                page -> text(page, By.cssSelector("#assign-form .problem-slot")).contains(words));
        return browser.text(By.cssSelector("#assign-form .problem-slot"));
    }

    /** Enter on "assign to me" ({@code presses} Tabs away): the notice says {@code notice}, Sam Agent has it. */
    private static void assignToMe(Browser browser, int presses, String notice) {
        enterOn(browser, By.id("assign-me"), presses);
        awaitNotice(browser, notice);
        assertThat(browser.text(By.id("case-assignee"))).isEqualTo("Sam Agent");
    }

    /**
     * To the supervisor by keyboard: Shift+Tab back to the name ({@code shiftPresses}), type the user name, Tab to
     * Assign, Enter; the notice says {@code notice}, and the case shows its assignee by name.
     */
    private static void assignToTheSupervisor(Browser browser, int shiftPresses, String notice) {
        assertThat(browser.shiftTabTo(By.id("assign-to"), shiftPresses))
                .as("Shift+Tab from Assign reaches the name")
                .isTrue();
        browser.press("supervisor");
        enterOn(browser, By.id("assign-someone"), 5);
        awaitNotice(browser, notice);
        assertThat(browser.text(By.id("case-assignee"))).isEqualTo("Sue Visor");
    }

    /** Acknowledges the supplement request by keyboard: the button says {@code label}, then it is gone. */
    private static void acknowledgeTheSupplementByKeyboard(
            Browser browser, String label, String notice, String screenshot) {
        assertThat(browser.text(By.id("ack-supplement"))).isEqualTo(label);
        assertThat(browser.tabTo(By.id("ack-supplement"), 150))
                .as("acknowledge is reachable by Tab")
                .isTrue();
        browser.press(Keys.ENTER);
        awaitNotice(browser, notice);
        assertThat(browser.has(By.id("ack-supplement"))).isFalse();
        browser.screenshotAndAssertAccessible(screenshot);
    }

    /** Takes the case on to the platform's review ({@code onward}), where the platform asks for a supplement. */
    private static void requestASupplement(ThawPlatform thaw, String token, String id, String onward, String asked) {
        for (String to : new String[] {"GATHERING_EVIDENCE", "SUBMITTED", "UNDER_REVIEW"}) {
            transition(thaw, token, id, Map.of("to", to, "reason", onward));
        }
        transition(
                thaw,
                token,
                id,
                Map.of(
                        "to",
                        "SUPPLEMENT_REQUESTED",
                        "reason",
                        asked,
                        "items",
                        java.util.List.of("TRANSACTION_BACKGROUND")));
    }

    private static void transition(ThawPlatform thaw, String token, String id, Map<String, Object> body) {
        api(thaw)
                .post()
                .uri("/api/v1/cases/{id}/transitions", id)
                .headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isOk();
    }

    /**
     * The analytics page against figures computed here from the cases as the API shows them: three cases
     * opened by staff for a tenant of this run (two CNY, one USD, on two platforms), one taken to RESOLVED.
     */
    @Test
    @SuppressWarnings("unchecked")
    void theAnalyticsPageShowsWhatTheCasesThemselvesAdd(ThawPlatform thaw) {
        String tenant = "analytics-" + UUID.randomUUID().toString().substring(0, 8);
        String agent = new Keycloak(thaw).userToken("agent");
        String released = openFor(thaw, agent, tenant, "连连支付", "58200.00", "CNY");
        java.util.List<String> ids = java.util.List.of(
                released,
                openFor(thaw, agent, tenant, "连连支付", "41800.00", "CNY"),
                openFor(thaw, agent, tenant, "支付宝", "1000.50", "USD"));
        for (String to : new String[] {"GATHERING_EVIDENCE", "SUBMITTED", "UNDER_REVIEW", "RESOLVED"}) {
            transition(thaw, agent, released, Map.of("to", to, "reason", "analytics check"));
        }

        // Computed here, independently, from each case as the API lists it.
        java.util.List<Map<String, Object>> cases =
                ids.stream().map(id -> caseAsMap(thaw, agent, id)).toList();
        long total = cases.size();
        long releasedCount = cases.stream()
                .filter(c -> "RESTORED".equals(c.get("outcome")) || "PARTIALLY_RESTORED".equals(c.get("outcome")))
                .count();
        java.util.Map<String, java.math.BigDecimal> frozen = new java.util.TreeMap<>();
        for (Map<String, Object> c : cases) {
            Map<String, Object> amount = (Map<String, Object>) c.get("frozenAmount");
            frozen.merge(
                    (String) amount.get("currency"),
                    new java.math.BigDecimal((String) amount.get("amount")),
                    java.math.BigDecimal::add);
        }
        assertThat(total).isEqualTo(3);
        assertThat(releasedCount).isEqualTo(1);

        try (Browser browser = Browser.start("en")) {
            browser.signInAt(thaw, "/dashboard/cases/analytics?tenantId=" + tenant, "agent");
            browser.await(By.id("total-cases"));
            browser.awaitScripts();
            assertThat(browser.text(By.id("total-cases"))).isEqualTo(Long.toString(total));
            assertThat(browser.text(By.id("total-released"))).isEqualTo(Long.toString(releasedCount));
            java.text.DecimalFormat money = new java.text.DecimalFormat("#,##0.00");
            frozen.forEach((currency, sum) ->
                    assertThat(browser.text(By.id("funds-table"))).contains(currency + " " + money.format(sum)));
            browser.screenshotAndAssertAccessible("cases-analytics-en");

            browser.click(By.linkText("中文"));
            browser.awaitThat(page -> page.getPageSource().contains("lang=\"zh-CN\""));
            assertThat(browser.text(By.id("total-cases"))).isEqualTo(Long.toString(total));
            assertThat(browser.text(By.id("funds-table"))).contains("人民币 " + money.format(frozen.get("CNY")));
            browser.screenshotAndAssertAccessible("cases-analytics-zh-CN");
        }
    }

    /** Opens a case for {@code tenant} as staff ({@code onBehalfOfTenant}); answers its id. */
    private static String openFor(
            ThawPlatform thaw, String staffToken, String tenant, String platform, String amount, String currency) {
        Map<String, Object> intake = Map.of(
                "onBehalfOfTenant",
                tenant,
                "holder",
                Map.of("type", "ENTERPRISE", "displayName", "杭州小象贸易有限公司", "accountReference", "ACC-" + tenant),
                "platform",
                platform,
                "noticeText",
                RISK_NOTICE,
                "frozenAmount",
                Map.of("amount", amount, "currency", currency),
                "assignee",
                "agent");
        return open(thaw, staffToken, intake);
    }

    /** Opens a case as the merchant {@code acme-admin}, through the gateway's API; answers its id. */
    private static String openCase(ThawPlatform thaw, String notice, String assignee) {
        String token = new Keycloak(thaw).userToken("acme-admin");
        Map<String, Object> intake = Map.of(
                "holder",
                Map.of("type", "ENTERPRISE", "displayName", "杭州小象贸易有限公司", "accountReference", "ACC-" + assignee),
                "platform",
                "连连支付",
                "noticeText",
                notice,
                "frozenAmount",
                Map.of("amount", "58200.00", "currency", "CNY"),
                "assignee",
                assignee);
        return open(thaw, token, intake);
    }

    /** Posts the intake through the gateway's API with {@code token}: 201; answers the case's id. */
    private static String open(ThawPlatform thaw, String token, Map<String, Object> intake) {
        return (String) api(thaw)
                .post()
                .uri("/api/v1/cases")
                .headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(intake)
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("id");
    }

    /** The case as the API answers it to {@code token}: 200, its body to assert on. */
    private static WebTestClient.BodyContentSpec theCase(ThawPlatform thaw, String token, String id) {
        return api(thaw)
                .get()
                .uri("/api/v1/cases/{id}", id)
                .headers(h -> h.setBearerAuth(token))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody();
    }

    /** The case as the API answers it to {@code token}: 200, read as a map. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> caseAsMap(ThawPlatform thaw, String token, String id) {
        return (Map<String, Object>) api(thaw)
                .get()
                .uri("/api/v1/cases/{id}", id)
                .headers(h -> h.setBearerAuth(token))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
    }

    private static WebTestClient api(ThawPlatform thaw) {
        return WebTestClient.bindToServer()
                .baseUrl(thaw.gatewayUrl())
                .responseTimeout(Duration.ofSeconds(30))
                .build();
    }

    /** An element's text, or "" while htmx is swapping it. */
    private static String text(WebDriver page, By element) {
        try {
            return page.findElement(element).getText();
        } catch (StaleElementReferenceException | org.openqa.selenium.NoSuchElementException e) {
            return "";
        }
    }
}
