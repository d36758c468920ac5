package app.thaw.notifications.recipients;

import java.util.List;
import java.util.Map;

import app.thaw.notifications.NotificationsTestBase;
import app.thaw.platform.testing.ApiAnswers;
import org.junit.jupiter.api.Test;

class RecipientApiTests extends NotificationsTestBase {

    static Map<String, Object> client(String name) {
        return Map.of(
                "kind",
                "CLIENT",
                "name",
                name,
                "email",
                "a@b.example",
                "channels",
                List.of("EMAIL"),
                "language",
                "zh-CN",
                "timeZone",
                "Asia/Shanghai",
                "quietHours",
                Map.of("start", "22:00", "end", "07:00"));
    }

    @Test
    void aRecipientIsRegisteredReadAndChangedAtTheVersionRead() {
        String tenant = newTenant();
        String id = registerRecipient(tenant, client("Li Lei"));
        getAs(admin(tenant), "/api/v1/notifications/recipients/{id}", id)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.language")
                .isEqualTo("zh-CN")
                .jsonPath("$.timeZone")
                .isEqualTo("Asia/Shanghai")
                .jsonPath("$.quietHours.start")
                .isEqualTo("22:00")
                .jsonPath("$.version")
                .isEqualTo(0);

        putJson(
                        admin(tenant),
                        "/api/v1/notifications/recipients/{id}",
                        Map.of("version", 0, "recipient", client("Li Lei (CFO)")),
                        id)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.name")
                .isEqualTo("Li Lei (CFO)")
                .jsonPath("$.version")
                .isEqualTo(1);
        putJson(
                        admin(tenant),
                        "/api/v1/notifications/recipients/{id}",
                        Map.of("version", 0, "recipient", client("stale")),
                        id)
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("version_conflict");
    }

    @Test
    void aRecipientRegisteredAgainAfterTheKeysCompletionWasLostIsRegisteredOnce() {
        String tenant = newTenant();
        String key = java.util.UUID.randomUUID().toString();
        String first = registerWithKey(tenant, key);
        // What kill -9 between the recipient's insert and the key's completion leaves (ADR 56).
        app.thaw.platform.testing.IdempotencyFaults.loseCompletion(mongo, key);
        String again = registerWithKey(tenant, key);

        org.assertj.core.api.Assertions.assertThat(again).isEqualTo(first);
        org.assertj.core.api.Assertions.assertThat(mongo.count(
                                org.springframework.data.mongodb.core.query.Query.query(
                                        org.springframework.data.mongodb.core.query.Criteria.where("tenantId")
                                                .is(tenant)),
                                "recipients")
                        .block())
                .isEqualTo(1);
    }

    private String registerWithKey(String tenant, String key) {
        return (String) ApiAnswers.createdAfresh(
                        postJsonKeyed(admin(tenant), key, "/api/v1/notifications/recipients", client("Wei Hua")))
                .get("id");
    }

    @Test
    void anotherTenantsRecipientAnswers404() {
        String tenant = newTenant();
        String id = registerRecipient(tenant, client("Han Meimei"));
        String other = newTenant();
        getAs(admin(other), "/api/v1/notifications/recipients/{id}", id)
                .expectStatus()
                .isNotFound()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("not_found");
        putJson(
                        admin(other),
                        "/api/v1/notifications/recipients/{id}",
                        Map.of("version", 0, "recipient", client("taken over")),
                        id)
                .expectStatus()
                .isNotFound();
        deleteAs(admin(other), "/api/v1/notifications/recipients/{id}", id)
                .expectStatus()
                .isNotFound();
    }

    @Test
    void invalidFieldsAreNamedWithTheirRule() {
        String tenant = newTenant();
        postJson(
                        admin(tenant),
                        "/api/v1/notifications/recipients",
                        Map.of("kind", "CLIENT", "name", "", "channels", List.of("SMS"), "phone", "12345"))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("validation_failed")
                .jsonPath("$.errors[?(@.field == 'name')].rule")
                .isEqualTo(List.of("NotBlank"))
                .jsonPath("$.errors[?(@.field == 'phone')].rule")
                .isEqualTo(List.of("Pattern"));
        postJson(
                        admin(tenant),
                        "/api/v1/notifications/recipients",
                        Map.of("kind", "CLIENT", "name", "X", "channels", List.of("EMAIL"), "timeZone", "Mars/Olympus"))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("timeZone");
        postJson(
                        admin(tenant),
                        "/api/v1/notifications/recipients",
                        Map.of("kind", "CLIENT", "name", "X", "channels", List.of("EMAIL")))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("email")
                .jsonPath("$.errors[0].rule")
                .isEqualTo("RequiredForChannel");
    }

    @Test
    void listsArePagedByCursorWithAMaximumPageSize() {
        String tenant = newTenant();
        for (int i = 0; i < 3; i++) {
            registerRecipient(tenant, client("R" + i));
        }
        Map<?, ?> first = getAs(admin(tenant), "/api/v1/notifications/recipients?limit=2")
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        org.assertj.core.api.Assertions.assertThat((List<?>) first.get("items")).hasSize(2);
        getAs(admin(tenant), "/api/v1/notifications/recipients?limit=2&cursor={c}", first.get("nextCursor"))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.items.length()")
                .isEqualTo(1)
                .jsonPath("$.nextCursor")
                .doesNotExist();
        getAs(admin(tenant), "/api/v1/notifications/recipients?limit=101")
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("limit");
    }

    @Test
    void membersMayReadButNotRegister() {
        String tenant = newTenant();
        postJson(token(tenant, "m", "merchant_member"), "/api/v1/notifications/recipients", client("X"))
                .expectStatus()
                .isForbidden();
        getAs(token(tenant, "m", "merchant_member"), "/api/v1/notifications/recipients")
                .expectStatus()
                .isOk();
    }
}
