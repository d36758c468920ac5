package app.thaw.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import app.thaw.systemtests.support.Browser;
import app.thaw.systemtests.support.ThawPlatform;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * Staff reach Thaw through the console in a real browser: Keycloak's login page, the session
 * the gateway keeps, the landing page their roles shape, the language switch, and signing out
 * of both the console and Keycloak.
 */
@ExtendWith(ThawPlatform.class)
@Order(20)
class ConsoleBrowserIT {

    @Test
    void anAgentSignsInThroughKeycloakSeesTheirDashboardsSwitchesToChineseAndSignsOut(ThawPlatform thaw) {
        try (Browser browser = Browser.start("en")) {
            browser.signInAt(thaw, "/console", "agent");

            browser.await(By.id("dashboards-heading"));
            assertThat(browser.url()).startsWith(thaw.gatewayUrl() + "/console");
            assertThat(browser.await(By.id("username")).getText()).isEqualTo("agent");
            assertThat(browser.await(By.id("tenant")).getText()).isEqualTo("thaw");
            assertThat(browser.has(By.id("dashboard-cases"))).isTrue();
            assertThat(browser.has(By.id("dashboard-notifications")))
                    .as("supervisors only")
                    .isFalse();
            browser.screenshotAndAssertAccessible("console-agent-en");

            browser.click(By.linkText("中文"));
            browser.awaitThat(page -> page.getPageSource().contains("退出登录"));
            browser.screenshotAndAssertAccessible("console-agent-zh-CN");

            browser.click(By.id("sign-out"));
            browser.awaitThat(page -> page.getCurrentUrl().startsWith(thaw.keycloakUrl()));
            // Signed out at Keycloak too: the console asks for credentials again.
            browser.open(thaw.gatewayUrl() + "/console");
            browser.await(By.id("kc-login"));
            assertThat(browser.url()).startsWith(thaw.keycloakUrl());
        }
    }

    /** The accessibility check every page here passes does find what it looks for. */
    @Test
    void theAccessibilityCheckFindsAnUnlabelledFieldAndUnreadableText() {
        try (Browser browser = Browser.start("en")) {
            browser.open(
                    "data:text/html;charset=utf-8,<!DOCTYPE html><html lang=en><head><title>t</title></head><body><main>"
                            + "<input type=text><p style='color:%23bbb;background:%23fff'>faint</p></main></body></html>");
            assertThat(browser.accessibilityViolations())
                    .anyMatch(line -> line.startsWith("label"))
                    .anyMatch(line -> line.startsWith("color-contrast"));
        }
    }

    @Test
    void aSupervisorsBrowserInChineseGetsTheChineseConsoleWithTheNotificationsDashboard(ThawPlatform thaw) {
        try (Browser browser = Browser.start("zh-CN")) {
            browser.signInAt(thaw, "/console", "supervisor");

            browser.await(By.id("dashboard-notifications"));
            assertThat(browser.page()).contains("您的工作面板", "lang=\"zh-CN\"");
            browser.screenshotAndAssertAccessible("console-supervisor-zh-CN");
        }
    }
}
