package app.thaw.cases.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.thaw.platform.testing.ApiAnswers;
import app.thaw.platform.testing.IdempotencyFaults;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * Every creating handler of case-service records its effect under its Idempotency-Key (ADR 56): a
 * retry after the instance died between the write and the key's completion finds the first effect.
 * Intake and drills: {@code IntakeApiTests}; this class holds the rest.
 */
class IdempotentEffectsApiTests extends CaseApiTests {

    @Test
    void aContactRetriedAfterTheKeysCompletionWasLostIsLoggedOnce() {
        String tenant = "idem-contact";
        String bearer = token(tenant, "merchant_admin");
        String id = open(tenant, "您的账户因风险审核已被暂时冻结，请在7个工作日内提交相关材料。");
        long version = ((Number) read(id, bearer).get("version")).longValue();
        String key = UUID.randomUUID().toString();
        Map<String, Object> contact =
                Map.of("channel", "PHONE", "at", "2025-09-30T03:00:00Z", "summary", "called the platform");

        logContact(id, bearer, key, version, contact);
        IdempotencyFaults.loseCompletion(mongo, key);
        // The same request again — the same If-Match, though the case's version moved on with the contact.
        logContact(id, bearer, key, version, contact);

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> contacts =
                (List<Map<String, Object>>) read(id, bearer).get("contacts");
        assertThat(contacts).hasSize(1);
    }

    @Test
    void aPlaybookVersionRetriedAfterTheKeysCompletionWasLostAnswersTheVersionItMadeNotAConflict() {
        String admin = token("idem-playbook", "merchant_admin");
        String key = UUID.randomUUID().toString();
        Map<String, Object> edit = Map.of("basedOnVersion", 1);

        Map<?, ?> first = ApiAnswers.createdAfresh(newVersion(admin, key, edit));
        IdempotencyFaults.loseCompletion(mongo, key);
        // The same request again: its basedOnVersion is stale now, but it is the request that made version 2.
        Map<?, ?> again = ApiAnswers.createdAfresh(newVersion(admin, key, edit));

        assertThat(again.get("id")).isEqualTo(first.get("id"));
        assertThat(again.get("version")).isEqualTo(2);
        assertThat(mongo.count(
                                org.springframework.data.mongodb.core.query.Query.query(
                                        org.springframework.data.mongodb.core.query.Criteria.where("owner")
                                                .is("idem-playbook")),
                                "playbooks")
                        .block())
                .isEqualTo(1);
        // A new request on the same stale version is still a conflict.
        newVersion(admin, UUID.randomUUID().toString(), edit)
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("version_conflict");
    }

    @Test
    void concurrentEditsOfOnePlaybookVersionMakeOneVersionAndAnswerEveryOther409() {
        String admin = token("idem-playbook-race", "merchant_admin");
        List<Integer> statuses = java.util.stream.IntStream.range(0, 6)
                .parallel()
                .mapToObj(i -> newVersion(admin, UUID.randomUUID().toString(), Map.of("basedOnVersion", 1))
                        .returnResult(String.class)
                        .getStatus()
                        .value())
                .toList();
        assertThat(statuses).containsOnly(201, 409).containsOnlyOnce(201);
        assertThat(mongo.count(
                                org.springframework.data.mongodb.core.query.Query.query(
                                        org.springframework.data.mongodb.core.query.Criteria.where("owner")
                                                .is("idem-playbook-race")),
                                "playbooks")
                        .block())
                .isEqualTo(1);
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec newVersion(
            String bearer, String key, Map<String, Object> body) {
        return postJsonKeyed(bearer, key, "/api/v1/cases/playbooks/RISK_TXN/versions", body);
    }

    private void logContact(String id, String bearer, String key, long version, Map<String, Object> contact) {
        web.post()
                .uri("/api/v1/cases/{id}/contacts", id)
                .headers(h -> {
                    h.setBearerAuth(bearer);
                    h.set("Idempotency-Key", key);
                    h.setIfMatch("\"" + version + "\"");
                })
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(contact)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .doesNotExist("Idempotent-Replayed");
    }
}
