package app.thaw.notifications.templates;

import java.util.Map;

import app.thaw.notifications.NotificationsTestBase;
import org.junit.jupiter.api.Test;

class TemplateApiTests extends NotificationsTestBase {

    @Test
    void aPreviewEscapesValuesInHtmlButNotInText() {
        String tenant = newTenant();
        web.post()
                .uri("/api/v1/notifications/templates/preview")
                .headers(h -> h.setBearerAuth(admin(tenant)))
                .bodyValue(Map.of(
                        "eventType",
                        "thaw.case.opened",
                        "channel",
                        "EMAIL",
                        "language",
                        "en",
                        "data",
                        Map.of(
                                "reference",
                                "TH-1",
                                "recipientName",
                                "Tom & <Jerry>",
                                "platform",
                                "PayPal",
                                "holder",
                                Map.of("displayName", "A&B <Ltd>"))))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.subject")
                .isEqualTo("[TH-1] We found it and we are on it")
                .jsonPath("$.text")
                .value(text -> org.assertj.core.api.Assertions.assertThat((String) text)
                        .startsWith("Hello Tom & <Jerry>,")
                        .contains("for A&B <Ltd> (PayPal)"))
                .jsonPath("$.html")
                .value(html -> org.assertj.core.api.Assertions.assertThat((String) html)
                        .contains("Hello Tom &amp; &lt;Jerry&gt;,")
                        .contains("A&amp;B &lt;Ltd&gt;")
                        .doesNotContain("<Jerry>"));
    }

    @Test
    void everyCaseMessageShipsInChineseToo() {
        String tenant = newTenant();
        // Once only English (the fallback), so a Chinese tenant read "Task due" in English.
        web.get()
                .uri("/api/v1/notifications/templates/thaw.case.task_due/EMAIL/zh-CN")
                .headers(h -> h.setBearerAuth(admin(tenant)))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.language")
                .isEqualTo("zh-CN")
                .jsonPath("$.origin")
                .isEqualTo("DEFAULT")
                .jsonPath("$.template.subject")
                .isEqualTo("[{{reference}}] 任务到期：{{title}}");
        web.get()
                .uri("/api/v1/notifications/templates/thaw.case.opened/SMS/zh-CN")
                .headers(h -> h.setBearerAuth(admin(tenant)))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.language")
                .isEqualTo("zh-CN");
    }

    @Test
    void aTenantTemplateReplacesTheDefaultAndAStaleWriteIsAVersionConflict() {
        String tenant = newTenant();
        String uri = "/api/v1/notifications/templates/thaw.case.closed/IN_APP/en";
        Map<String, Object> body = Map.of("subject", "Closed {{caseId}}", "body", "All done for {{caseId}}.");
        web.put()
                .uri(uri)
                .headers(h -> h.setBearerAuth(admin(tenant)))
                .bodyValue(Map.of("version", 0, "body", body))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.version")
                .isEqualTo(1)
                .jsonPath("$.origin")
                .isEqualTo("TENANT");
        web.put()
                .uri(uri)
                .headers(h -> h.setBearerAuth(admin(tenant)))
                .bodyValue(Map.of("version", 0, "body", body))
                .exchange()
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("version_conflict");
        web.post()
                .uri("/api/v1/notifications/templates/preview")
                .headers(h -> h.setBearerAuth(admin(tenant)))
                .bodyValue(Map.of(
                        "eventType",
                        "thaw.case.closed",
                        "channel",
                        "IN_APP",
                        "language",
                        "en",
                        "data",
                        Map.of("caseId", "c-9")))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.text")
                .isEqualTo("All done for c-9.");
        // Another tenant still sees Thaw's template.
        web.get()
                .uri(uri)
                .headers(h -> h.setBearerAuth(admin(newTenant())))
                .exchange()
                .expectBody()
                .jsonPath("$.origin")
                .isEqualTo("DEFAULT");
    }

    @Test
    void aTemplateThatIsNotValidMustacheIsRefusedNamingThePart() {
        String tenant = newTenant();
        web.put()
                .uri("/api/v1/notifications/templates/thaw.case.closed/EMAIL/en")
                .headers(h -> h.setBearerAuth(admin(tenant)))
                .bodyValue(Map.of(
                        "version",
                        0,
                        "body",
                        Map.of("subject", "ok", "body", "fine", "html", "<p>{{#open}}never closed</p>")))
                .exchange()
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("invalid_template")
                .jsonPath("$.part")
                .isEqualTo("html");
    }

    @Test
    void thePreviewOfARestrictedCaseIsTheFixedNotice() {
        web.post()
                .uri("/api/v1/notifications/templates/preview")
                .headers(h -> h.setBearerAuth(admin(newTenant())))
                .bodyValue(Map.of(
                        "eventType",
                        "thaw.case.opened",
                        "channel",
                        "SMS",
                        "language",
                        "zh-CN",
                        "restricted",
                        true,
                        "data",
                        Map.of("scenario", "COMPLIANCE_HOLD", "holder", Map.of("displayName", "X"))))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.text")
                .isEqualTo("因接收到主管机关通知，账户暂时无法使用，具体请等待官方公告。");
    }

    @Test
    void onlyAdministratorsWriteTemplates() {
        String tenant = newTenant();
        web.put()
                .uri("/api/v1/notifications/templates/thaw.case.closed/EMAIL/en")
                .headers(h -> h.setBearerAuth(token(tenant, "member", "merchant_member")))
                .bodyValue(Map.of("version", 0, "body", Map.of("body", "x")))
                .exchange()
                .expectStatus()
                .isForbidden();
        web.get()
                .uri("/api/v1/notifications/templates/thaw.case.closed/EMAIL/fr")
                .headers(h -> h.setBearerAuth(admin(tenant)))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("language");
    }
}
