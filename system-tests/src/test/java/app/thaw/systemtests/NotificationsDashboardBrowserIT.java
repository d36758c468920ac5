package app.thaw.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.thaw.systemtests.support.Browser;
import app.thaw.systemtests.support.Keycloak;
import app.thaw.systemtests.support.ThawPlatform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.springframework.http.MediaType;
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
        Map<String, Object> opened = Map.of(
                "specversion",
                "1.0",
                "id",
                UUID.randomUUID().toString(),
                "source",
                "/thaw/case-service",
                "type",
                "thaw.case.opened",
                "subject",
                caseId,
                "time",
                Instant.now().toString(),
                "tenantid",
                "thaw",
                "datacontenttype",
                "application/json",
                "data",
                Map.of(
                        "caseId",
                        caseId,
                        "scenario",
                        "RISK_TXN",
                        "drill",
                        false,
                        "restricted",
                        false,
                        "reference",
                        "TH-" + caseId,
                        "holder",
                        Map.of("type", "ENTERPRISE", "displayName", "Widgets Ltd", "accountReference", "acct-1"),
                        "platform",
                        "LianLian",
                        "scope",
                        "TRANSACTION",
                        "openedAt",
                        Instant.now().toString()));
        sendEvent(thaw, opened);
        // A client tenant's case (its client has no contact yet: the tenant-wide inbox is told), which staff read by
        // naming the tenant.
        String clientTenant = "client-" + UUID.randomUUID().toString().substring(0, 8);
        String clientCase = "case-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> clientOpened = new java.util.HashMap<>(opened);
        clientOpened.putAll(Map.of(
                "id",
                UUID.randomUUID().toString(),
                "subject",
                clientCase,
                "tenantid",
                clientTenant,
                "data",
                Map.of(
                        "caseId",
                        clientCase,
                        "scenario",
                        "RISK_TXN",
                        "drill",
                        false,
                        "restricted",
                        false,
                        "reference",
                        "TH-" + clientCase,
                        "holder",
                        Map.of("type", "ENTERPRISE", "displayName", "Client Ltd", "accountReference", "acct-2"),
                        "platform",
                        "LianLian",
                        "scope",
                        "TRANSACTION",
                        "openedAt",
                        Instant.now().toString())));
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
            browser.screenshot("notifications-deliveries-en");
            assertThat(browser.accessibilityViolations())
                    .as("accessibility of notifications-deliveries-en")
                    .isEmpty();
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
            browser.screenshot("notifications-mailbox-en");
            assertThat(browser.accessibilityViolations())
                    .as("accessibility of notifications-mailbox-en")
                    .isEmpty();

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
            browser.screenshot("notifications-mailbox-zh-CN");
            assertThat(browser.accessibilityViolations())
                    .as("accessibility of notifications-mailbox-zh-CN")
                    .isEmpty();
            browser.click(By.linkText("黄金 15 分钟"));
            browser.await(By.cssSelector("canvas#golden-chart[data-rendered='true']"));
            assertThat(browser.text(By.id("golden-table"))).contains("15 分钟内");
            browser.screenshot("notifications-golden15-zh-CN");
            assertThat(browser.accessibilityViolations())
                    .as("accessibility of notifications-golden15-zh-CN")
                    .isEmpty();
        }
    }

    /** What case-service's relay would send: a CloudEvent to notification-service, with case-service's own token. */
    static void sendEvent(ThawPlatform thaw, Map<String, Object> event) {
        WebTestClient.bindToServer()
                .baseUrl(thaw.serviceUrl("notification-service"))
                .responseTimeout(Duration.ofSeconds(15))
                .build()
                .post()
                .uri("/internal/events")
                .headers(h -> h.setBearerAuth(keycloak.clientToken("case-service", "case-service-dev-secret")))
                .contentType(MediaType.parseMediaType("application/cloudevents+json"))
                .bodyValue(event)
                .exchange()
                .expectStatus()
                .isOk();
    }
}
