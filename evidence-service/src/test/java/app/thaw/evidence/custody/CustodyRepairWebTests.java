package app.thaw.evidence.custody;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import app.thaw.evidence.casefile.CaseFiles;
import app.thaw.evidence.item.EvidenceItems;
import app.thaw.evidence.item.UploadCustody;
import app.thaw.evidence.support.EvidenceWebTestSupport;
import app.thaw.evidence.support.Samples;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.test.StepVerifier;

/**
 * An upload that died between its item and its custody entry is settled, not reported as evidence
 * outside the log; and a signed dossier's head is read from its signed manifest, so editing the
 * stored copy of that head (or the manifest) to fit a shortened chain shows (ADR 57).
 */
class CustodyRepairWebTests extends EvidenceWebTestSupport {

    @Autowired
    UploadCustody uploadCustody;

    @Test
    void aCompletedUploadLeavesNoPendingMarkOnItsItem() {
        String caseId = openCase("acme", "RISK_TXN");
        String id = uploadedId(
                merchant("acme"), caseId, "BANK_STATEMENT", "s.pdf", "application/pdf", Samples.pdf(4000, 301));
        assertThat(find(EvidenceItems.COLLECTION, Criteria.where("_id").is(id)).getFirst())
                .doesNotContainKey("custodyPending");
    }

    @Test
    void anUploadThatDiedBeforeItsCustodyEntryIsPendingAtFirstThenRecordedByVerificationOnce() {
        String caseId = openCase("acme", "RISK_TXN");
        String id = diedBeforeItsCustodyEntry(caseId, 302);

        verify(caseId)
                .jsonPath("$.intact")
                .isEqualTo(true)
                .jsonPath("$.files[0].status")
                .isEqualTo("CUSTODY_PENDING");

        clock.advance(Duration.ofMinutes(2));
        verify(caseId)
                .jsonPath("$.intact")
                .isEqualTo(true)
                .jsonPath("$.entries")
                .isEqualTo(1)
                .jsonPath("$.files[0].evidenceId")
                .isEqualTo(id)
                .jsonPath("$.files[0].status")
                .isEqualTo("OK");
        verify(caseId).jsonPath("$.entries").isEqualTo(1);
        Document entry =
                find(CustodyLog.COLLECTION, Criteria.where("caseId").is(caseId)).getFirst();
        assertThat(entry.getString("action")).isEqualTo("UPLOADED");
        assertThat(entry.getString("evidenceId")).isEqualTo(id);
        assertThat(entry.get("details", Document.class)).containsEntry("recordedLate", "true");
    }

    @Test
    void theRepairLoopRecordsTheOwedEntryAndClearsTheMarkWhereTheEntryWasAlreadyWritten() {
        String dead = openCase("acme", "RISK_TXN");
        diedBeforeItsCustodyEntry(dead, 303);
        String late = openCase("acme", "RISK_TXN");
        String lateId = uploadedId(
                merchant("acme"), late, "BANK_STATEMENT", "s.pdf", "application/pdf", Samples.pdf(4000, 304));
        // Died after its entry but before the mark went: nothing more is owed.
        mongo.updateFirst(
                        Query.query(Criteria.where("_id").is(lateId)),
                        new Update().set("custodyPending", true),
                        EvidenceItems.COLLECTION)
                .block();

        clock.advance(Duration.ofMinutes(2));
        StepVerifier.create(uploadCustody.repairAll())
                .assertNext(settled -> assertThat(settled).isGreaterThanOrEqualTo(2))
                .verifyComplete();

        assertThat(count(
                        CustodyLog.COLLECTION,
                        Criteria.where("caseId").is(dead).and("action").is("UPLOADED")))
                .isEqualTo(1);
        assertThat(count(
                        CustodyLog.COLLECTION,
                        Criteria.where("caseId").is(late).and("action").is("UPLOADED")))
                .isEqualTo(1);
        assertThat(count(
                        EvidenceItems.COLLECTION,
                        Criteria.where("caseId")
                                .in(dead, late)
                                .and("custodyPending")
                                .is(true)))
                .isZero();
    }

    @Test
    void aSignedHeadEditedToFitAShortenedChainIsCaughtByTheSignedManifest() {
        String caseId = signedThenCutBack(310);
        Document first = find(
                        CustodyLog.COLLECTION,
                        Criteria.where("caseId").is(caseId).and("seq").is(1L))
                .getFirst();
        // The stored copy of the dossier's head moved onto entry 1 too: only the signed manifest still says 2.
        mongo.updateMulti(
                        Query.query(Criteria.where("caseId").is(caseId)),
                        new Update().set("seq", 1L).set("hash", first.getString("hash")),
                        CustodyLog.SIGNED_HEADS)
                .block();

        verify(caseId)
                .jsonPath("$.intact")
                .isEqualTo(false)
                .jsonPath("$.firstBrokenEntry.seq")
                .isEqualTo(2)
                .jsonPath("$.firstBrokenEntry.reason")
                .value(reason -> assertThat((String) reason).contains("dossier"));
    }

    @Test
    void aSignedManifestEditedInTheStoreIsReportedAtThePositionItsRecordNames() {
        String caseId = signedThenCutBack(311);
        Document signed = find(CustodyLog.SIGNED_HEADS, Criteria.where("caseId").is(caseId))
                .getFirst();
        Document first = find(
                        CustodyLog.COLLECTION,
                        Criteria.where("caseId").is(caseId).and("seq").is(1L))
                .getFirst();
        String forged = signed.getString("manifest")
                .replace("\"entries\":2", "\"entries\":1")
                .replace(signed.getString("hash"), first.getString("hash"));
        assertThat(forged).isNotEqualTo(signed.getString("manifest"));
        mongo.updateMulti(
                        Query.query(Criteria.where("caseId").is(caseId)),
                        new Update().set("manifest", forged).set("seq", 1L).set("hash", first.getString("hash")),
                        CustodyLog.SIGNED_HEADS)
                .block();

        verify(caseId)
                .jsonPath("$.intact")
                .isEqualTo(false)
                .jsonPath("$.firstBrokenEntry.seq")
                .isEqualTo(1)
                .jsonPath("$.firstBrokenEntry.reason")
                .value(reason -> assertThat((String) reason).contains("signature"));
    }

    @Test
    void anUntouchedSignedDossierKeepsTheChainIntact() {
        String caseId = openCase("acme", "RISK_TXN");
        uploadedId(merchant("acme"), caseId, "BANK_STATEMENT", "s.pdf", "application/pdf", Samples.pdf(4000, 312));
        exportDossierAsAnAgent(caseId);
        verify(caseId)
                .jsonPath("$.intact")
                .isEqualTo(true)
                .jsonPath("$.entries")
                .isEqualTo(2);
    }

    /** What an instance killed right after storing the item leaves: the item, marked, and no custody entry. */
    private String diedBeforeItsCustodyEntry(String caseId, int seed) {
        String id = uploadedId(
                merchant("acme"), caseId, "BANK_STATEMENT", "s.pdf", "application/pdf", Samples.pdf(4000, seed));
        mongo.remove(Query.query(Criteria.where("caseId").is(caseId)), CustodyLog.COLLECTION)
                .block();
        mongo.updateFirst(
                        Query.query(Criteria.where("_id").is(caseId)),
                        new Update().unset(CustodyLog.HEAD),
                        CaseFiles.COLLECTION)
                .block();
        mongo.updateFirst(
                        Query.query(Criteria.where("_id").is(id)),
                        new Update().set("custodyPending", true),
                        EvidenceItems.COLLECTION)
                .block();
        return id;
    }

    /** Upload (entry 1), signed dossier (entry 2), then entry 2 removed and the case file's head moved back onto 1. */
    private String signedThenCutBack(int seed) {
        String caseId = openCase("acme", "RISK_TXN");
        uploadedId(merchant("acme"), caseId, "BANK_STATEMENT", "s.pdf", "application/pdf", Samples.pdf(4000, seed));
        exportDossierAsAnAgent(caseId);
        cutChainBackToFirstEntry(caseId);
        return caseId;
    }

    private WebTestClient.BodyContentSpec verify(String caseId) {
        return custodyReport(caseId, merchant("acme"));
    }
}
