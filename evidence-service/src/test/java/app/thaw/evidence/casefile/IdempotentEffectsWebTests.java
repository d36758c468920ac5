package app.thaw.evidence.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.thaw.evidence.support.EvidenceWebTestSupport;
import app.thaw.platform.testing.ApiAnswers;
import app.thaw.platform.testing.IdempotencyFaults;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;

/**
 * Evidence-service's creating handlers record their effect under the Idempotency-Key (ADR 56): a
 * retry after the instance died between the write and the key's completion finds the first effect
 * and adds neither a second record nor a second custody entry.
 */
class IdempotentEffectsWebTests extends EvidenceWebTestSupport {

    @Test
    void aHoldPlacedAgainAfterTheKeysCompletionWasLostIsPlacedOnce() {
        String caseId = openCase("acme", "RISK_TXN");
        String key = UUID.randomUUID().toString();
        String officer = staff("compliance_officer");

        post("/api/v1/evidence/cases/{caseId}/holds", caseId, officer, key, Map.of("reason", "subpoena 7"));
        IdempotencyFaults.loseCompletion(mongo, key);
        post("/api/v1/evidence/cases/{caseId}/holds", caseId, officer, key, Map.of("reason", "subpoena 7"));

        assertThat((List<?>) find("case_files", Criteria.where("_id").is(caseId))
                        .getFirst()
                        .get("holds"))
                .hasSize(1);
        assertThat(count(
                        "custody",
                        Criteria.where("caseId").is(caseId).and("action").is("HOLD_PLACED")))
                .isEqualTo(1);
    }

    @Test
    void aConsentGrantedAgainAfterTheKeysCompletionWasLostIsGrantedOnce() {
        String caseId = openCase("acme", "RISK_TXN");
        String key = UUID.randomUUID().toString();

        String first = grantConsentUnderKey(caseId, key);
        IdempotencyFaults.loseCompletion(mongo, key);
        String again = grantConsentUnderKey(caseId, key);

        assertThat(again).isEqualTo(first);
        Document file = find("case_files", Criteria.where("_id").is(caseId)).getFirst();
        assertThat((List<?>) file.get("consents")).hasSize(1);
        assertThat(count(
                        "custody",
                        Criteria.where("caseId").is(caseId).and("action").is("CONSENT_GRANTED")))
                .isEqualTo(1);
    }

    /** acme's admin grants insurer-demo consent to follow the case, under the key: the consent's id. */
    private String grantConsentUnderKey(String caseId, String key) {
        return (String) post(
                        "/api/v1/evidence/cases/{caseId}/consents",
                        caseId,
                        merchant("acme"),
                        key,
                        Map.of("insurerTenantId", "insurer-demo"))
                .get("consentId");
    }

    private Map<?, ?> post(String path, String caseId, String token, String key, Map<String, Object> body) {
        return ApiAnswers.createdAfresh(postJsonKeyed(token, key, path, body, caseId));
    }
}
