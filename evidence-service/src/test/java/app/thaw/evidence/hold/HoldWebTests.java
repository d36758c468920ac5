package app.thaw.evidence.hold;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import app.thaw.evidence.content.BlobStore;
import app.thaw.evidence.support.EvidenceWebTestSupport;
import app.thaw.evidence.support.Samples;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;

class HoldWebTests extends EvidenceWebTestSupport {

    @Test
    void anAdministratorCannotDeleteHeldEvidence() {
        String caseId = openCase("acme", "RISK_TXN");
        String id = uploadedId(
                merchant("acme"), caseId, "BANK_STATEMENT", "s.pdf", "application/pdf", Samples.pdf(2000, 40));
        placeHold(caseId, staff("compliance_officer")).expectStatus().isCreated();

        for (String token : new String[] {staff("platform_admin"), staff("compliance_officer"), merchant("acme")}) {
            deleteAs(token, "/api/v1/evidence/items/{id}", id)
                    .expectStatus()
                    .isEqualTo(409)
                    .expectBody()
                    .jsonPath("$.code")
                    .isEqualTo("evidence_under_legal_hold")
                    .jsonPath("$.holdId")
                    .exists();
        }
        getAs(merchant("acme"), "/api/v1/evidence/items/{id}/content", id)
                .expectStatus()
                .isOk();
    }

    @Test
    void afterReleaseDeletionWorksAndTheReleaseStaysOnRecord() {
        String caseId = openCase("acme", "RISK_TXN");
        String id = uploadedId(
                merchant("acme"), caseId, "BANK_STATEMENT", "s.pdf", "application/pdf", Samples.pdf(2000, 41));
        String holdId = firstHoldId(placeHold(caseId, staff("platform_admin")));

        releaseHold(caseId, holdId, "court released it")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.held")
                .isEqualTo(false)
                .jsonPath("$.holds[0].active")
                .isEqualTo(false)
                .jsonPath("$.holds[0].releaseReason")
                .isEqualTo("court released it");
        releaseHold(caseId, holdId, "again")
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("hold_already_released");

        deleteAs(merchant("acme"), "/api/v1/evidence/items/{id}", id)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("DELETED");
        getAs(merchant("acme"), "/api/v1/evidence/items/{id}/content", id)
                .expectStatus()
                .isEqualTo(410);
        Document item = find("evidence", Criteria.where("_id").is(id)).getFirst();
        assertThat(count(
                        BlobStore.CHUNKS,
                        Criteria.where("files_id").is(new org.bson.types.ObjectId(item.getString("blobId")))))
                .isZero();
        assertThat(find("custody", Criteria.where("caseId").is(caseId)).stream()
                        .map(entry -> entry.getString("action")))
                .containsSubsequence("UPLOADED", "HOLD_PLACED", "HOLD_RELEASED", "DELETED");
        assertThat(count(
                        "outbox",
                        Criteria.where("event.type")
                                .is("thaw.evidence.hold_released")
                                .and("event.subject")
                                .is(caseId)))
                .isPositive();
    }

    @Test
    void onlyComplianceOfficersAndAdministratorsPlaceHolds() {
        String caseId = openCase("acme", "RISK_TXN");
        placeHold(caseId, staff("staff_supervisor")).expectStatus().isForbidden();
        placeHold(caseId, merchant("acme")).expectStatus().isForbidden();
    }

    @Test
    void complianceAndJudicialCasesAreHeldAutomaticallyFromCaseEvents() {
        String judicial = openCase("acme", "JUDICIAL_FREEZE");
        holds(judicial)
                .jsonPath("$.held")
                .isEqualTo(true)
                .jsonPath("$.holds[0].automatic")
                .isEqualTo(true)
                .jsonPath("$.holds.length()")
                .isEqualTo(1);
        deliverCaseEvent("thaw.case.opened", "acme", judicial, "JUDICIAL_FREEZE"); // a redelivery places no second hold
        holds(judicial).jsonPath("$.holds.length()").isEqualTo(1);

        String triaged = openCase("acme", "RISK_TXN");
        holds(triaged).jsonPath("$.held").isEqualTo(false);
        deliverCaseEvent("thaw.case.triaged", "acme", triaged, "COMPLIANCE_HOLD");
        holds(triaged).jsonPath("$.held").isEqualTo(true);
        assertThat(count(
                        "outbox",
                        Criteria.where("event.type")
                                .is("thaw.evidence.hold_placed")
                                .and("event.subject")
                                .is(triaged)))
                .isPositive();
    }

    @Test
    void aTriageThatArrivesBeforeItsCaseIsOpenedIsNotUndoneByTheLateOpening() {
        String caseId = "case-" + java.util.UUID.randomUUID();
        deliverCaseEvent("thaw.case.triaged", "acme", caseId, "JUDICIAL_FREEZE", 2L);
        deliverCaseEvent("thaw.case.opened", "acme", caseId, "RISK_TXN", 1L);

        holds(caseId).jsonPath("$.held").isEqualTo(true);
        assertThat(mongo.findById(caseId, org.bson.Document.class, "case_files")
                        .block()
                        .getString("scenario"))
                .isEqualTo("JUDICIAL_FREEZE");
    }

    private org.springframework.test.web.reactive.server.WebTestClient.BodyContentSpec holds(String caseId) {
        return getAs(staff("compliance_officer"), "/api/v1/evidence/cases/{caseId}/holds", caseId)
                .expectStatus()
                .isOk()
                .expectBody();
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec placeHold(
            String caseId, String token) {
        return postJson(
                token,
                "/api/v1/evidence/cases/{caseId}/holds",
                Map.of("reason", "regulator's preservation notice"),
                caseId);
    }
}
