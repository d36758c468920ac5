package app.thaw.notifications.templates;

import java.util.Map;

import app.thaw.notifications.NotificationsTestBase;
import org.junit.jupiter.api.Test;

class TemplateApiTests extends NotificationsTestBase {

    @Test
    void aPreviewEscapesValuesInHtmlButNotInText() {
        String tenant = newTenant();
        postJson(
                        admin(tenant),
                        "/api/v1/notifications/templates/preview",
                        Map.of(
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
        getAs(admin(tenant), "/api/v1/notifications/templates/thaw.case.task_due/EMAIL/zh-CN")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.language")
                .isEqualTo("zh-CN")
                .jsonPath("$.origin")
                .isEqualTo("DEFAULT")
                .jsonPath("$.template.subject")
                .isEqualTo("[{{reference}}] 任务到期：{{title}}");
        getAs(admin(tenant), "/api/v1/notifications/templates/thaw.case.opened/SMS/zh-CN")
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
        putJson(admin(tenant), uri, Map.of("version", 0, "body", body))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.version")
                .isEqualTo(1)
                .jsonPath("$.origin")
                .isEqualTo("TENANT");
        putJson(admin(tenant), uri, Map.of("version", 0, "body", body))
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("version_conflict");
        postJson(
                        admin(tenant),
                        "/api/v1/notifications/templates/preview",
                        Map.of(
                                "eventType",
                                "thaw.case.closed",
                                "channel",
                                "IN_APP",
                                "language",
                                "en",
                                "data",
                                Map.of("caseId", "c-9")))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.text")
                .isEqualTo("All done for c-9.");
        // Another tenant still sees Thaw's template.
        getAs(admin(newTenant()), uri).expectBody().jsonPath("$.origin").isEqualTo("DEFAULT");
    }

    @Test
    void aTemplateThatIsNotValidMustacheIsRefusedNamingThePart() {
        String tenant = newTenant();
        putJson(
                        admin(tenant),
                        "/api/v1/notifications/templates/thaw.case.closed/EMAIL/en",
                        Map.of(
                                "version",
                                0,
                                "body",
                                Map.of("subject", "ok", "body", "fine", "html", "<p>{{#open}}never closed</p>")))
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
        postJson(
                        admin(newTenant()),
                        "/api/v1/notifications/templates/preview",
                        Map.of(
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
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.text")
                .isEqualTo("因接收到主管机关通知，账户暂时无法使用，具体请等待官方公告。");
    }

    @Test
    void onlyAdministratorsWriteTemplates() {
        String tenant = newTenant();
        putJson(
                        token(tenant, "member", "merchant_member"),
                        "/api/v1/notifications/templates/thaw.case.closed/EMAIL/en",
                        Map.of("version", 0, "body", Map.of("body", "x")))
                .expectStatus()
                .isForbidden();
        getAs(admin(tenant), "/api/v1/notifications/templates/thaw.case.closed/EMAIL/fr")
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("language");
    }
}
