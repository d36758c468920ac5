package app.thaw.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import app.thaw.systemtests.support.Browser;
import app.thaw.systemtests.support.Keycloak;
import app.thaw.systemtests.support.ThawPlatform;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
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
    private static final String COMPLIANCE_NOTICE = "Your account is temporarily unavailable per notice from the competent authority. "
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
            browser.awaitThat(page -> text(page, By.cssSelector("#case-" + id + " time[data-due]")).matches(".*(left|overdue by).*"));
            browser.screenshot("cases-queue-agent-en");
            assertThat(browser.accessibilityViolations()).as("accessibility of cases-queue-agent-en").isEmpty();

            browser.click(By.cssSelector("#case-" + id + " a"));
            browser.await(By.id("case-status"));
            browser.awaitScripts();
            assertThat(browser.text(By.id("case-status"))).isEqualTo("Triaged");
            assertThat(browser.has(By.id("move-GATHERING_EVIDENCE"))).isTrue();
            assertThat(browser.has(By.id("move-RESOLVED"))).as("not allowed from TRIAGED").isFalse();

            // A move without its reason is refused, and the refusal (a 400) is shown, not dropped.
            browser.click(By.id("move-GATHERING_EVIDENCE"));
            browser.awaitThat(page -> text(page, By.id("case-problem")).contains("Please correct the input."));
            assertThat(browser.text(By.id("case-problem"))).contains("reason");
            assertThat(browser.text(By.id("case-status"))).isEqualTo("Triaged");

            // By keyboard alone: type the reason, Tab to the move, press Enter.
            browser.type(By.id("transition-reason"), "The merchant is collecting the invoices");
            assertThat(browser.tabTo(By.id("move-GATHERING_EVIDENCE"), 10)).as("the move is reachable by Tab").isTrue();
            browser.press(org.openqa.selenium.Keys.ENTER);
            browser.awaitThat(page -> text(page, By.id("case-status")).equals("Gathering evidence"));
            assertThat(browser.text(By.id("case-notice"))).contains("The case is now Gathering evidence.");
            assertThat(browser.text(By.id("timeline-table")))
                    .contains("TRIAGED → GATHERING_EVIDENCE", "The merchant is collecting the invoices", "agent");
            assertThat(browser.has(By.id("move-SUBMITTED"))).isTrue();
            assertThat(browser.has(By.id("move-GATHERING_EVIDENCE"))).isFalse();
            browser.screenshot("cases-case-agent-en");
            assertThat(browser.accessibilityViolations()).as("accessibility of cases-case-agent-en").isEmpty();

            browser.click(By.linkText("中文"));
            browser.awaitThat(page -> text(page, By.id("case-status")).equals("收集证据中"));
            assertThat(browser.page()).contains("lang=\"zh-CN\"", "时间线", "证据清单");
            browser.screenshot("cases-case-agent-zh-CN");
            assertThat(browser.accessibilityViolations()).as("accessibility of cases-case-agent-zh-CN").isEmpty();
        }
        api(thaw).get().uri("/api/v1/cases/{id}", id).headers(h -> h.setBearerAuth(new Keycloak(thaw).userToken("acme-admin")))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("GATHERING_EVIDENCE");
    }

    @Test
    void aComplianceHoldIsListedAndOpensForComplianceWhileForAnAgentItIsAbsentAndNotFound(ThawPlatform thaw) {
        String assignee = "restricted-" + UUID.randomUUID().toString().substring(0, 8);
        String id = openCase(thaw, COMPLIANCE_NOTICE, assignee);

        try (Browser browser = Browser.start("en")) {
            browser.signInAt(thaw, "/dashboard/cases/?assignee=" + assignee, "compliance");
            browser.await(By.id("case-" + id));
            assertThat(browser.text(By.id("case-" + id))).contains("compliance restricted", "Compliance hold");
            browser.screenshot("cases-queue-compliance-en");
            assertThat(browser.accessibilityViolations()).as("accessibility of cases-queue-compliance-en").isEmpty();

            browser.click(By.cssSelector("#case-" + id + " a"));
            assertThat(browser.text(By.id("case-scenario"))).isEqualTo("Compliance hold");
            assertThat(browser.page()).contains(COMPLIANCE_NOTICE.substring(0, 40));
            browser.screenshot("cases-case-compliance-en");
            assertThat(browser.accessibilityViolations()).as("accessibility of cases-case-compliance-en").isEmpty();
        }

        try (Browser browser = Browser.start("zh-CN")) {
            browser.signInAt(thaw, "/dashboard/cases/?assignee=" + assignee, "agent");
            browser.await(By.id("queue-empty"));
            assertThat(browser.has(By.id("case-" + id))).isFalse();
            assertThat(browser.page()).contains("案件队列").doesNotContain(id);
            browser.screenshot("cases-queue-agent-zh-CN-without-restricted");
            assertThat(browser.accessibilityViolations()).as("accessibility of cases-queue-agent-zh-CN-without-restricted").isEmpty();

            browser.open(thaw.gatewayUrl() + "/dashboard/cases/" + id);
            assertThat(browser.text(By.id("problem-heading"))).isEqualTo("未找到");
            assertThat(browser.page()).contains("这里没有这个案件").doesNotContain(COMPLIANCE_NOTICE.substring(0, 40), "合规冻结");
            browser.screenshot("cases-restricted-case-agent-zh-CN-not-found");
            assertThat(browser.accessibilityViolations()).as("accessibility of cases-restricted-case-agent-zh-CN-not-found").isEmpty();
        }
    }

    /** Opens a case as the merchant {@code acme-admin}, through the gateway's API; answers its id. */
    private static String openCase(ThawPlatform thaw, String notice, String assignee) {
        String token = new Keycloak(thaw).userToken("acme-admin");
        Map<String, Object> intake = Map.of(
                "holder", Map.of("type", "ENTERPRISE", "displayName", "杭州小象贸易有限公司", "accountReference", "ACC-" + assignee),
                "platform", "连连支付", "noticeText", notice, "frozenAmount", Map.of("amount", "58200.00", "currency", "CNY"),
                "assignee", assignee);
        return (String) api(thaw).post().uri("/api/v1/cases").headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(intake).exchange()
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
    }

    private static WebTestClient api(ThawPlatform thaw) {
        return WebTestClient.bindToServer().baseUrl(thaw.gatewayUrl()).responseTimeout(Duration.ofSeconds(30)).build();
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
