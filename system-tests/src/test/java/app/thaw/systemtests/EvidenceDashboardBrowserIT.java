package app.thaw.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;

import app.thaw.systemtests.support.Browser;
import app.thaw.systemtests.support.CaseServiceEvents;
import app.thaw.systemtests.support.Keycloak;
import app.thaw.systemtests.support.ThawPlatform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The evidence dashboard in a real browser, through the gateway's console session: an agent signs
 * in at Keycloak, finds a merchant's expired business licence in the review queue (with its
 * preview), rejects it as EXPIRED with a note, and sees it decided and gone from the queue; the
 * queue also reads in Chinese, where the ID card is accepted. Every verdict by keyboard; the queue names
 * the case by its number and holder and the form holds what the merchant declared. Screenshots before,
 * after and in Chinese.
 */
@ExtendWith(ThawPlatform.class)
@Order(30)
class EvidenceDashboardBrowserIT {

    static Keycloak keycloak;
    static WebTestClient gateway;

    @BeforeAll
    static void connect(ThawPlatform thaw) {
        keycloak = new Keycloak(thaw);
        gateway = WebTestClient.bindToServer()
                .baseUrl(thaw.gatewayUrl())
                .responseTimeout(Duration.ofSeconds(30))
                .build();
    }

    @Test
    void anAgentRejectsAnExpiredBusinessLicenceFromTheReviewQueue(ThawPlatform thaw) {
        String caseId = "case-" + UUID.randomUUID();
        caseOpened(thaw, caseId);
        String acmeAdmin = keycloak.userToken("acme-admin");
        String licence = upload(
                acmeAdmin,
                caseId,
                "BUSINESS_LICENSE",
                "business-licence.png",
                "2020-06-30",
                document("Business licence · Acme Trading Co.", "Valid until 2020-06-30"));
        String idCard = upload(
                acmeAdmin,
                caseId,
                "LEGAL_REP_ID",
                "legal-rep-id.png",
                "2031-01-31",
                document("ID card · Zhang Wei", "Valid until 2031-01-31"));

        try (Browser browser = Browser.start("en")) {
            browser.signInAt(thaw, "/dashboard/evidence/?caseId=" + caseId, "agent");

            browser.await(By.id("item-" + licence));
            browser.awaitScripts();
            assertThat(browser.page()).contains("lang=\"en\"", "Review queue", "business-licence.png");
            assertThat(browser.text(By.cssSelector("#item-" + licence + " h3")))
                    .contains("Business licence", "Expired");
            assertThat(browser.has(By.cssSelector("#item-" + licence + " img[src$='/items/" + licence + "/preview']")))
                    .isTrue();
            browser.awaitThat(page -> (Boolean) ((org.openqa.selenium.JavascriptExecutor) page)
                    .executeScript(
                            "const img = document.querySelector(arguments[0]); return img.complete && img.naturalWidth > 0;",
                            "#item-" + licence + " img"));
            // The case by its number and holder (from case-service's event), not its id; the form holds what the
            // merchant declared.
            assertThat(browser.text(By.cssSelector("#item-" + licence + " .case-ref")))
                    .isEqualTo("TH-" + caseId.substring(5, 13));
            assertThat(browser.text(By.cssSelector("#item-" + licence + " .holder")))
                    .isEqualTo("Acme Trading Co.");
            assertThat(browser.script("return document.getElementById(arguments[0]).value;", "expiry-" + licence))
                    .isEqualTo("2020-06-30");
            // The link to the case's evidence page names the case the same way.
            assertThat(browser.text(By.id("case-link")))
                    .contains("TH-" + caseId.substring(5, 13), "Acme Trading Co.")
                    .doesNotContain(caseId);
            browser.screenshotAndAssertAccessible("evidence-queue-en-before");

            // By keyboard. A rejection without its reason is refused; the message appears in the form, which stays.
            assertThat(browser.tabTo(By.cssSelector("#verdict-" + licence + " button[value='REJECT']"), 80))
                    .isTrue();
            browser.press(Keys.ENTER);
            browser.awaitThat(page -> page.findElement(By.cssSelector("#verdict-" + licence + " .problem-slot"))
                    .getText()
                    .contains("Some input is missing or invalid."));
            assertThat(browser.has(By.cssSelector("#item-" + licence + " .verdict-result")))
                    .isFalse();

            assertThat(browser.tabTo(By.id("reason-" + licence), 80)).isTrue();
            browser.press("Expired");
            browser.awaitThat(page -> "EXPIRED"
                    .equals(browser.script(
                            "return document.getElementById(arguments[0]).value;", "reason-" + licence)));
            assertThat(browser.tabTo(By.id("note-" + licence), 5)).isTrue();
            browser.press("The licence expired on 2020-06-30; please upload the current one.");
            assertThat(browser.tabTo(By.cssSelector("#verdict-" + licence + " button[value='REJECT']"), 10))
                    .isTrue();
            browser.press(Keys.ENTER);

            String result = browser.text(By.cssSelector("#item-" + licence + " .verdict-result"));
            assertThat(result).contains("Rejected", "Expired", "please upload the current one");
            browser.screenshotAndAssertAccessible("evidence-queue-en-after");

            browser.open(thaw.gatewayUrl() + "/dashboard/evidence/?caseId=" + caseId);
            browser.await(By.id("item-" + idCard));
            assertThat(browser.has(By.id("item-" + licence)))
                    .as("a decided item leaves the queue")
                    .isFalse();

            browser.click(By.linkText("中文"));
            browser.awaitThat(page -> page.getPageSource().contains("审核队列"));
            browser.await(By.id("item-" + idCard));
            assertThat(browser.page()).contains("lang=\"zh-CN\"", "法定代表人身份证件", "驳回原因", "账户持有人", "Acme Trading Co.");
            browser.screenshotAndAssertAccessible("evidence-queue-zh-CN");

            // The ID card accepted by keyboard, in Chinese, with what the merchant declared.
            assertThat(browser.script("return document.getElementById(arguments[0]).value;", "expiry-" + idCard))
                    .isEqualTo("2031-01-31");
            assertThat(browser.tabTo(By.cssSelector("#verdict-" + idCard + " button[value='ACCEPT']"), 80))
                    .isTrue();
            browser.press(Keys.ENTER);
            browser.awaitThat(page -> page.findElement(By.cssSelector("#item-" + idCard + " .verdict-result"))
                    .getText()
                    .contains("已通过"));
            browser.screenshotAndAssertAccessible("evidence-queue-zh-CN-accepted");

            // The case's evidence page by keyboard, from the link that names the case by its number and holder (on the
            // queue loaded again: both items decided, the link stays).
            browser.open(thaw.gatewayUrl() + "/dashboard/evidence/?caseId=" + caseId);
            browser.await(By.id("queue-empty"));
            assertThat(browser.text(By.id("case-link")))
                    .isEqualTo("打开案件 TH-" + caseId.substring(5, 13) + "（Acme Trading Co.）的证据页面");
            assertThat(browser.tabTo(By.id("case-link"), 40))
                    .as("the case link is reachable by Tab")
                    .isTrue();
            browser.press(Keys.ENTER);
            browser.await(By.id("case-heading"));
            assertThat(browser.text(By.id("case-heading"))).contains("TH-" + caseId.substring(5, 13));
            assertThat(browser.text(By.id("items"))).contains("已驳回", "已通过");
            browser.screenshotAndAssertAccessible("evidence-case-zh-CN-by-keyboard");
        }

        gateway.get()
                .uri("/api/v1/evidence/items/{id}", licence)
                .headers(h -> h.setBearerAuth(keycloak.userToken("agent")))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("REJECTED")
                .jsonPath("$.verdict.reasonCode")
                .isEqualTo("EXPIRED")
                .jsonPath("$.verdict.by")
                .isEqualTo("thaw/agent");
    }

    /** What case-service would send: the case, its tenant (acme) and an enterprise holder. */
    private static void caseOpened(ThawPlatform thaw, String caseId) {
        CaseServiceEvents.deliver(
                thaw,
                keycloak,
                "evidence-service",
                CaseServiceEvents.opened(
                        caseId,
                        "acme",
                        CaseServiceEvents.openedData(
                                caseId,
                                "TH-" + caseId.substring(5, 13),
                                "demo-pay",
                                "ACCOUNT",
                                "Acme Trading Co.",
                                "ACME-001")));
    }

    /** Uploads through the public API, stating the document's expiry date as the merchant reads it. */
    @SuppressWarnings("unchecked")
    private static String upload(
            String token, String caseId, String requirement, String fileName, String expiryDate, byte[] png) {
        return (String) gateway.post()
                .uri(uri -> uri.path("/api/v1/evidence/cases/{caseId}/items")
                        .queryParam("requirementCode", requirement)
                        .queryParam("fileName", fileName)
                        .queryParam("expiryDate", expiryDate)
                        .build(caseId))
                .headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.IMAGE_PNG)
                .bodyValue(png)
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("id");
    }

    /** A small picture of a document, so the preview in the screenshots shows something real. */
    private static byte[] document(String title, String line) {
        System.setProperty("java.awt.headless", "true");
        BufferedImage image = new BufferedImage(480, 300, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(new Color(0xf4, 0xf1, 0xe8));
        g.fillRect(0, 0, 480, 300);
        g.setColor(new Color(0x8a, 0x1c, 0x1c));
        g.drawRect(8, 8, 463, 283);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 22));
        g.drawString(title, 24, 60);
        g.setColor(Color.DARK_GRAY);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 18));
        g.drawString(line, 24, 110);
        g.drawString("Reg. no. 91310000MA1K" + Math.abs(title.hashCode() % 10000), 24, 145);
        g.dispose();
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
