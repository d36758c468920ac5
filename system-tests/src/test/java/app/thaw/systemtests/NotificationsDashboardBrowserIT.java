package app.thaw.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.thaw.systemtests.support.Browser;
import app.thaw.systemtests.support.CaseServiceEvents;
import app.thaw.systemtests.support.Keycloak;
import app.thaw.systemtests.support.ThawPlatform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * notification-service's staff dashboard in a real browser: case-service's {@code thaw.case.opened}
 * event reaches notification-service (a service token, as the relay sends it); the supervisor signs
 * in through Keycloak at the gateway, finds the delivery in the log with its attempt, replays it
 * (an htmx write through the gateway's CSRF-protected session), reads the captured e-mail in the
 * development mailbox, reads a client tenant's delivery log by typing the tenant into the filter,
 * and sees the golden-15 chart drawn, in English and in Chinese.
 */
@ExtendWith(ThawPlatform.class)
@Order(30)
class NotificationsDashboardBrowserIT {

    static Keycloak keycloak;

    @BeforeAll
    static void connect(ThawPlatform platform) {
        keycloak = new Keycloak(platform);
    }

    @Test
    void aSupervisorFindsTheCaseOpenedDeliveryInTheLogAndTheMessageInTheMailboxInEnglishAndChinese(ThawPlatform thaw) {
        String caseId = "case-" + UUID.randomUUID().toString().substring(0, 8);
        String email = caseId + "@client.example";
        // The supervisor's tenant (staff work in tenant thaw): a client contact through the public API.
        WebTestClient gateway = WebTestClient.bindToServer()
                .baseUrl(thaw.gatewayUrl())
                .responseTimeout(Duration.ofSeconds(15))
                .build();
        gateway.post()
                .uri("/api/v1/notifications/recipients")
                .headers(h -> h.setBearerAuth(keycloak.userToken("supervisor")))
                .bodyValue(Map.of(
                        "kind",
                        "CLIENT",
                        "name",
                        "Dashboard Client",
                        "userId",
                        "client-" + caseId,
                        "email",
                        email,
                        "channels",
                        List.of("EMAIL"),
                        "language",
                        "en",
                        "timeZone",
                        "UTC"))
                .exchange()
                .expectStatus()
                .isCreated();
        // What case-service's relay would send when the case opens.
        Map<String, Object> opened = CaseServiceEvents.opened(
                caseId,
                "thaw",
                CaseServiceEvents.openedData(
                        caseId, "TH-" + caseId, "LianLian", "TRANSACTION", "Widgets Ltd", "acct-1"));
        sendEvent(thaw, opened);
        // A client tenant's case (its client has no contact yet: the tenant-wide inbox is told), which staff read by
        // naming the tenant.
        String clientTenant = "client-" + UUID.randomUUID().toString().substring(0, 8);
        String clientCase = "case-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> clientOpened = CaseServiceEvents.opened(
                clientCase,
                clientTenant,
                CaseServiceEvents.openedData(
                        clientCase, "TH-" + clientCase, "LianLian", "TRANSACTION", "Client Ltd", "acct-2"));
        sendEvent(thaw, clientOpened);

        try (Browser browser = Browser.start("en")) {
            browser.signInAt(thaw, "/dashboard/notifications/", "supervisor");
            if (!browser.url().contains("/dashboard/notifications/")) {
                browser.open(thaw.gatewayUrl() + "/dashboard/notifications/");
            }

            // The delivery log, filtered to the case (htmx swaps the table in place).
            browser.await(By.id("deliveries-heading"));
            browser.awaitScripts();
            browser.type(By.id("filter-case"), caseId);
            browser.click(By.id("filter-apply"));
            browser.awaitThat(page ->
                    page.findElements(By.cssSelector("#deliveries tr.delivery")).size() == 1
                            && page.findElement(By.id("deliveries")).getText().contains(caseId));
            String row = browser.text(By.cssSelector("#deliveries tr.delivery"));
            assertThat(row).contains("Case opened", "E-mail", "Delivered");

            // Its attempt, then a replay: a write through the gateway's session and CSRF token.
            browser.click(By.cssSelector("#deliveries tr.delivery button"));
            browser.await(By.cssSelector(".delivery-detail .attempt"));
            assertThat(browser.text(By.cssSelector(".delivery-detail")))
                    .contains("[TH-" + caseId + "] We found it and we are on it", "Succeeded", "mailbox");
            browser.screenshotAndAssertAccessible("notifications-deliveries-en");
            browser.click(By.cssSelector(".delivery-detail button"));
            browser.awaitThat(page ->
                    page.findElements(By.cssSelector(".delivery-detail .done")).size() == 1);
            assertThat(browser.await(By.cssSelector(".delivery-detail")).findElements(By.cssSelector(".attempt")))
                    .hasSize(2);

            // The development mailbox: the e-mail as it would have gone out.
            browser.click(By.linkText("Development mailbox"));
            browser.await(By.id("mailbox-heading"));
            String mail = browser.awaitThat(page -> page.findElements(By.cssSelector("article.mail")).stream()
                    .map(org.openqa.selenium.WebElement::getText)
                    .filter(text -> text.contains(email))
                    .findFirst()
                    .orElse(null));
            assertThat(mail).contains("[TH-" + caseId + "] We found it and we are on it", "E-mail");
            browser.screenshotAndAssertAccessible("notifications-mailbox-en");

            // A client tenant's log: the supervisor types its id into the filter (an audited read across tenants).
            browser.click(By.linkText("Delivery log"));
            browser.await(By.id("deliveries-heading"));
            browser.awaitScripts();
            browser.type(By.id("filter-case"), clientCase);
            browser.type(By.id("filter-tenant"), clientTenant);
            browser.click(By.id("filter-apply"));
            browser.awaitThat(page ->
                    page.findElements(By.cssSelector("#deliveries tr.delivery")).size() == 1
                            && page.findElement(By.id("deliveries")).getText().contains(clientCase));
            assertThat(browser.text(By.cssSelector("#deliveries tr.delivery")))
                    .contains("Case opened", "In-app", "Delivered");
            assertThat(browser.accessibilityViolations())
                    .as("accessibility of notifications-deliveries-tenant-en")
                    .isEmpty();

            // In Chinese: the same message, and the golden-15 chart drawn by Chart.js.
            browser.click(By.linkText("Development mailbox"));
            browser.await(By.id("mailbox-heading"));
            browser.click(By.linkText("中文"));
            browser.awaitThat(page -> page.getPageSource().contains("开发邮箱"));
            assertThat(browser.page()).contains("lang=\"zh-CN\"", "[TH-" + caseId + "]");
            browser.screenshotAndAssertAccessible("notifications-mailbox-zh-CN");
            browser.click(By.linkText("黄金 15 分钟"));
            browser.await(By.cssSelector("canvas#golden-chart[data-rendered='true']"));
            assertThat(browser.text(By.id("golden-table"))).contains("15 分钟内");
            browser.screenshotAndAssertAccessible("notifications-golden15-zh-CN");
        }
    }

    /** What case-service's relay would send: a CloudEvent to notification-service, with case-service's own token. */
    static void sendEvent(ThawPlatform thaw, Map<String, Object> event) {
        CaseServiceEvents.deliver(thaw, keycloak, "notification-service", event);
    }
}
