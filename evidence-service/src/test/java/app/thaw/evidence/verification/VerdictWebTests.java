package app.thaw.evidence.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import app.thaw.evidence.support.EvidenceWebTestSupport;
import app.thaw.evidence.support.Samples;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;

class VerdictWebTests extends EvidenceWebTestSupport {

    @Test
    void staffAcceptWithDocumentMetadataAndVerifiedIsPublished() {
        String caseId = openCase("acme", "RISK_TXN");
        String id = acmesIdDocument(caseId, 30);
        Map<String, Object> acceptance =
                acceptance("national ID", "Li Wei", LocalDate.now().plusYears(3));
        acceptance.put("version", 0);
        decided(id, staff("staff_agent"), acceptance)
                .jsonPath("$.status")
                .isEqualTo("VERIFIED")
                .jsonPath("$.verdict.read.nameOnDocument")
                .isEqualTo("Li Wei")
                .jsonPath("$.verdict.by")
                .isEqualTo("thaw/staff-staff_agent")
                .jsonPath("$.expired")
                .isEqualTo(false)
                .jsonPath("$.version")
                .isEqualTo(1);
        Document data = event("thaw.evidence.verified", id).get("data", Document.class);
        assertThat(data.getString("verifiedBy")).isEqualTo("thaw/staff-staff_agent");
        assertThat(data.getString("requirementCode")).isEqualTo("ID_DOCUMENT");
    }

    @Test
    void aRejectionCarriesItsReasonCodeAndNoteAndAPastExpiryIsFlagged() {
        String caseId = openCase("acme", "RISK_TXN");
        String id = uploadedId(merchant("acme"), caseId, "BUSINESS_LICENSE", "lic.png", "image/png", Samples.png(31));
        decided(
                        id,
                        staff("staff_supervisor"),
                        Map.of(
                                "decision",
                                "REJECT",
                                "reasonCode",
                                "EXPIRED",
                                "note",
                                "licence ran out in 2020",
                                "expiryDate",
                                "2020-06-30"))
                .jsonPath("$.status")
                .isEqualTo("REJECTED")
                .jsonPath("$.verdict.reasonCode")
                .isEqualTo("EXPIRED")
                .jsonPath("$.expired")
                .isEqualTo(true);
        Document data = event("thaw.evidence.rejected", id).get("data", Document.class);
        assertThat(data.getString("reasonCode")).isEqualTo("EXPIRED");
        assertThat(data.getString("note")).isEqualTo("licence ran out in 2020");
    }

    @Test
    void aVerdictWithoutMetadataKeepsTheDeclaredDocumentAndTheExpiredFlag() {
        String caseId = openCase("acme", "RISK_TXN");
        String id = declaredExpiredLicence(caseId, 35);

        decided(
                        id,
                        staff("staff_agent"),
                        Map.of("decision", "REJECT", "reasonCode", "EXPIRED", "note", "expired in 2021"))
                .jsonPath("$.metadata.documentType")
                .isEqualTo("营业执照")
                .jsonPath("$.metadata.nameOnDocument")
                .isEqualTo("杭州小象贸易有限公司")
                .jsonPath("$.metadata.expiryDate")
                .isEqualTo("2021-03-31")
                .jsonPath("$.verdict.read")
                .doesNotExist()
                .jsonPath("$.expired")
                .isEqualTo(true);
    }

    @Test
    void whatStaffReadIsAddedBesideWhatTheHolderDeclaredAndAnExpiredRejectionIsExpired() {
        String caseId = openCase("acme", "RISK_TXN");
        String declared = declaredExpiredLicence(caseId, 36);
        decided(
                        declared,
                        staff("staff_supervisor"),
                        acceptance(
                                "business licence",
                                "Hangzhou Xiaoxiang Trading",
                                LocalDate.now().plusYears(5)))
                .jsonPath("$.metadata.expiryDate")
                .isEqualTo("2021-03-31")
                .jsonPath("$.verdict.read.documentType")
                .isEqualTo("business licence")
                .jsonPath("$.verdict.by")
                .isEqualTo("thaw/staff-staff_supervisor")
                .jsonPath("$.expired")
                .isEqualTo(true); // the declared past expiry stays on record

        String undeclared =
                uploadedId(merchant("acme"), caseId, "BUSINESS_LICENSE", "lic2.png", "image/png", Samples.png(37));
        decided(undeclared, staff("staff_agent"), Map.of("decision", "REJECT", "reasonCode", "EXPIRED"))
                .jsonPath("$.expired")
                .isEqualTo(true);
    }

    @Test
    void aRejectionWithoutAReasonNamesTheField() {
        String caseId = openCase("acme", "RISK_TXN");
        String id = acmesIdDocument(caseId, 32);
        verdict(id, staff("staff_agent"), Map.of("decision", "REJECT"))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("reasonCode");
    }

    @Test
    void aSecondVerdictIsRefusedAndAStaleVersionIsAConflict() {
        String caseId = openCase("acme", "RISK_TXN");
        String id = acmesIdDocument(caseId, 33);
        verdict(id, staff("staff_agent"), Map.of("decision", "ACCEPT", "version", 5))
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("version_conflict");
        verdict(id, staff("staff_agent"), Map.of("decision", "ACCEPT"))
                .expectStatus()
                .isOk();
        verdict(id, staff("staff_agent"), Map.of("decision", "REJECT", "reasonCode", "EDITED"))
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("evidence_already_decided");
    }

    @Test
    void merchantsCannotJudgeTheirOwnEvidence() {
        String caseId = openCase("acme", "RISK_TXN");
        String id = acmesIdDocument(caseId, 34);
        verdict(id, merchant("acme"), Map.of("decision", "ACCEPT"))
                .expectStatus()
                .isForbidden();
    }

    /** An acceptance with what staff read on the document: its type, the name on it and its expiry. */
    private static Map<String, Object> acceptance(String documentType, String nameOnDocument, LocalDate expiryDate) {
        return new java.util.HashMap<>(Map.of(
                "decision",
                "ACCEPT",
                "documentType",
                documentType,
                "nameOnDocument",
                nameOnDocument,
                "expiryDate",
                expiryDate.toString()));
    }

    private Document event(String type, String evidenceId) {
        return find(
                        "outbox",
                        Criteria.where("event.type")
                                .is(type)
                                .and("event.subject")
                                .is(evidenceId))
                .getFirst()
                .get("event", Document.class);
    }
}
