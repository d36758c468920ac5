package app.thaw.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import app.thaw.platform.testing.ApiAnswers;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.web.reactive.server.WebTestClient;

class RuleAndSettingsApiTests extends NotificationsTestBase {

    @Test
    void everyEventTypeOfTheContractHasADefaultRule() {
        getAs(admin(newTenant()), "/api/v1/notifications/rules")
                .expectStatus()
                .isOk()
                .expectBody(List.class)
                .value(rules -> assertThat(rules.stream()
                                .map(rule -> ((Map<?, ?>) rule).get("eventType"))
                                .toList())
                        .containsAll(NOTIFIED_CASE_AND_EVIDENCE_EVENTS)
                        .contains("thaw.alert.raised"));
    }

    @Test
    void aTenantsOwnRuleDecidesWhoHearsOfAnEvent() {
        String tenant = newTenant();
        registerClient(
                tenant,
                "name",
                "C",
                "userId",
                "c-1",
                "email",
                tenant + "@rule.example",
                "channels",
                List.of("EMAIL", "IN_APP"));
        putJson(
                        admin(tenant),
                        "/api/v1/notifications/rules/thaw.case.closed",
                        Map.of(
                                "version",
                                0,
                                "urgent",
                                false,
                                "targets",
                                List.of(Map.of("audience", "CLIENT", "channels", List.of("IN_APP")))))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.custom")
                .isEqualTo(true)
                .jsonPath("$.version")
                .isEqualTo(1);

        deliver(event(
                        tenant,
                        "thaw.case.closed",
                        "case-r1",
                        caseData("case-r1", "RISK_TXN", false, "outcome", "RESTORED")))
                .expectStatus()
                .isOk();

        List<Document> deliveries = mongo.find(
                        Query.query(Criteria.where("tenantId").is(tenant)), Document.class, "deliveries")
                .collectList()
                .block();
        assertThat(deliveries).extracting(d -> d.getString("channel")).containsExactly("IN_APP");
        putJson(
                        admin(tenant),
                        "/api/v1/notifications/rules/thaw.case.closed",
                        Map.of("version", 0, "urgent", false, "targets", List.of()))
                .expectStatus()
                .isEqualTo(409);
    }

    @Test
    void settingsStartAtTheDefaultsAndATenantCanChangeThem() {
        String tenant = newTenant();
        settingsOf(tenant)
                .jsonPath("$.reminderOffsets")
                .isEqualTo(List.of("PT1H", "PT30M", "PT10M"))
                .jsonPath("$.retrySchedule")
                .isEqualTo(List.of("PT5S", "PT5M", "PT30M", "PT2H", "PT5H", "PT10H", "PT10H"))
                .jsonPath("$.disableAfter")
                .isEqualTo("PT120H")
                .jsonPath("$.version")
                .isEqualTo(0);
        written(putOffsets(tenant, 0, List.of("PT15M", "PT2H")))
                .jsonPath("$.reminderOffsets")
                .isEqualTo(List.of("PT2H", "PT15M"))
                .jsonPath("$.version")
                .isEqualTo(1);
        refusedNaming(putOffsets(tenant, 1, List.of("PT0S")), "reminderOffsets");
    }

    @Test
    void aTenantSetsItsLanguageAndZoneAndAnUnknownOneIsRefusedNamingTheField() {
        String tenant = newTenant();
        settingsOf(tenant)
                .jsonPath("$.language")
                .isEqualTo("en")
                .jsonPath("$.timeZone")
                .isEqualTo("UTC");
        Map<String, Object> body = settings(0, List.of("PT10M"));
        body.put("language", "zh-CN");
        body.put("timeZone", "Asia/Shanghai");
        written(putSettings(tenant, body))
                .jsonPath("$.language")
                .isEqualTo("zh-CN")
                .jsonPath("$.timeZone")
                .isEqualTo("Asia/Shanghai");

        body.put("version", 1);
        body.put("language", "fr");
        refusedNaming(putSettings(tenant, body), "language");
        body.put("language", "zh-CN");
        body.put("timeZone", "Asia/Beijing");
        refusedNaming(putSettings(tenant, body), "timeZone");
        // Left out, the language and zone stay as they were.
        body.remove("language");
        body.remove("timeZone");
        written(putSettings(tenant, body))
                .jsonPath("$.language")
                .isEqualTo("zh-CN")
                .jsonPath("$.version")
                .isEqualTo(2);
    }

    @Test
    void theApiDocumentListsTheNotificationEndpoints() {
        ApiAnswers.apiDocument(web)
                .jsonPath("$.paths['/api/v1/notifications/recipients'].post.summary")
                .exists()
                .jsonPath("$.paths['/api/v1/notifications/webhooks'].post.summary")
                .exists()
                .jsonPath("$.paths['/api/v1/notifications/templates/preview'].post.summary")
                .exists()
                .jsonPath("$.paths['/api/v1/notifications/inbox/stream'].get.summary")
                .exists()
                .jsonPath("$.paths['/api/v1/notifications/deliveries/{id}/replay'].post.summary")
                .exists()
                .jsonPath("$.paths['/api/v1/notifications/reminders/{id}/acknowledge'].post.summary")
                .exists();
    }

    /** The tenant's settings written at {@code version} with these reminder offsets, the rest as the defaults' shape. */
    private WebTestClient.ResponseSpec putOffsets(String tenant, int version, List<String> reminderOffsets) {
        return putSettings(tenant, settings(version, List.copyOf(reminderOffsets)));
    }

    /** Settings at {@code version} with these reminder offsets, the rest as the defaults' shape; for a test to add to. */
    private static Map<String, Object> settings(int version, List<String> reminderOffsets) {
        return new java.util.HashMap<>(Map.of(
                "version",
                version,
                "reminderOffsets",
                reminderOffsets,
                "escalateAfter",
                "PT3M",
                "retrySchedule",
                List.of("PT1S"),
                "disableAfter",
                "P1D",
                "secretOverlap",
                "PT1H"));
    }

    /** The tenant's notification settings as its admin reads them: 200, the body. */
    private WebTestClient.BodyContentSpec settingsOf(String tenant) {
        return getAs(admin(tenant), "/api/v1/notifications/settings")
                .expectStatus()
                .isOk()
                .expectBody();
    }

    /** The settings written: 200, the body (the settings as they stand now). */
    private static WebTestClient.BodyContentSpec written(WebTestClient.ResponseSpec answer) {
        return answer.expectStatus().isOk().expectBody();
    }

    /** The answer is 400 with its first violation naming {@code field}. */
    private static void refusedNaming(WebTestClient.ResponseSpec answer, String field) {
        answer.expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo(field);
    }

    /** The tenant's admin writes the notification settings. */
    private WebTestClient.ResponseSpec putSettings(String tenant, Map<String, Object> body) {
        return putJson(admin(tenant), "/api/v1/notifications/settings", body);
    }
}
