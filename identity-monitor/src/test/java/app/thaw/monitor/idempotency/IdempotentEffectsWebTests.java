package app.thaw.monitor.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.thaw.monitor.MonitorWebTestBase;
import app.thaw.platform.testing.ApiAnswers;
import app.thaw.platform.testing.IdempotencyFaults;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The monitor's creating handlers record their effect under the Idempotency-Key (ADR 56): a retry
 * after the instance died between the write and the key's completion finds the first effect. Ids
 * stay time-ordered (by the key's first claim), so lists still page in creation order.
 */
class IdempotentEffectsWebTests extends MonitorWebTestBase {

    @Test
    void aSubjectEnrolledAgainAfterTheKeysCompletionWasLostIsEnrolledOnceAndCountedOnce() {
        String tenant = newTenant();
        String key = UUID.randomUUID().toString();
        Map<String, Object> body =
                Map.of("type", "PERSON", "identifiers", List.of(Map.of("type", "PHONE", "value", "+8613855556666")));

        String first = created("/api/v1/monitor/subjects", tenant, key, body);
        IdempotencyFaults.loseCompletion(mongo, key);
        String again = created("/api/v1/monitor/subjects", tenant, key, body);

        assertThat(again).isEqualTo(first).startsWith("sub_");
        assertThat(count("subjects", tenant)).isEqualTo(1);
        getAs(bank(tenant), "/api/v1/monitor/subjects")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.items.length()")
                .isEqualTo(1);
    }

    @Test
    void aRuleAddedAgainAfterTheKeysCompletionWasLostIsAddedOnce() {
        String tenant = newTenant();
        String key = UUID.randomUUID().toString();
        Map<String, Object> body =
                Map.of("name", "big", "expression", "signal.amount > 1000.0", "severity", "HIGH", "enabled", true);

        String first = created("/api/v1/monitor/rules", tenant, key, body);
        IdempotencyFaults.loseCompletion(mongo, key);
        String again = created("/api/v1/monitor/rules", tenant, key, body);

        assertThat(again).isEqualTo(first);
        assertThat(count("rules", tenant)).isEqualTo(1);
    }

    private String created(String path, String tenant, String key, Map<String, Object> body) {
        return ApiAnswers.createdAfresh(postJsonKeyed(bank(tenant), key, path, body))
                .get("id")
                .toString();
    }

    private long count(String collection, String tenant) {
        return mongo.count(Query.query(Criteria.where("tenantId").is(tenant)), collection)
                .block();
    }
}
