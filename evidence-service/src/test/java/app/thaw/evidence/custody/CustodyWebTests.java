package app.thaw.evidence.custody;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import app.thaw.evidence.content.BlobStore;
import app.thaw.evidence.item.EvidenceItems;
import app.thaw.evidence.support.EvidenceWebTestSupport;
import app.thaw.evidence.support.Samples;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

class CustodyWebTests extends EvidenceWebTestSupport {

    @Test
    void everyAccessIsAppendedToTheCasesChainInOrder() {
        String caseId = openCase("acme", "RISK_TXN");
        String id = uploadedId(
                merchant("acme"), caseId, "BANK_STATEMENT", "s.pdf", "application/pdf", Samples.pdf(5000, 20));
        look(id);
        getAs(merchant("acme"), "/api/v1/evidence/items/{id}/content", id)
                .expectStatus()
                .isOk();

        getAs(merchant("acme"), "/api/v1/evidence/cases/{caseId}/custody", caseId)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.entries[0].seq")
                .isEqualTo(1)
                .jsonPath("$.entries[0].action")
                .isEqualTo("UPLOADED")
                .jsonPath("$.entries[0].previousHash")
                .isEqualTo("0".repeat(64))
                .jsonPath("$.entries[1].action")
                .isEqualTo("VIEWED")
                .jsonPath("$.entries[2].action")
                .isEqualTo("DOWNLOADED")
                .jsonPath("$.entries[2].actor")
                .isEqualTo("acme/acme-admin");
        List<Document> entries =
                find(CustodyLog.COLLECTION, Criteria.where("caseId").is(caseId));
        assertThat(entries).hasSize(3);
        assertThat(entries.get(1).getString("previousHash"))
                .isEqualTo(entries.get(0).getString("hash"));
        assertThat(entries.get(2).getString("previousHash"))
                .isEqualTo(entries.get(1).getString("hash"));
    }

    @Test
    void concurrentAccessesAllLandInOneUnbrokenChain() throws Exception {
        String caseId = openCase("acme", "RISK_TXN");
        String id = uploadedId(
                merchant("acme"), caseId, "BANK_STATEMENT", "s.pdf", "application/pdf", Samples.pdf(3000, 26));
        String token = merchant("acme");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<?>> views = new java.util.ArrayList<>();
            for (int i = 0; i < 24; i++) {
                views.add(pool.submit(() -> getAs(token, "/api/v1/evidence/items/{id}", id)
                        .expectStatus()
                        .isOk()));
            }
            for (java.util.concurrent.Future<?> view : views) {
                view.get(60, java.util.concurrent.TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdown();
        }
        custodyReport(caseId, token)
                .jsonPath("$.intact")
                .isEqualTo(true)
                .jsonPath("$.entries")
                .isEqualTo(25);
    }

    @Test
    void anIntactCaseVerifies() {
        String caseId = openCase("acme", "RISK_TXN");
        uploadedId(
                merchant("acme"),
                caseId,
                "BANK_STATEMENT",
                "s.pdf",
                "application/pdf",
                Samples.pdf(3 * 1024 * 1024, 21));
        custodyReport(caseId, staff("staff_agent"))
                .jsonPath("$.intact")
                .isEqualTo(true)
                .jsonPath("$.entries")
                .isEqualTo(1)
                .jsonPath("$.firstBrokenEntry")
                .doesNotExist()
                .jsonPath("$.files[0].status")
                .isEqualTo("OK");
    }

    @Test
    void anEntryEditedInTheStoreIsNamedAsTheFirstBrokenOne() {
        String caseId = openCase("acme", "RISK_TXN");
        String id = statement(caseId, 22);
        for (int i = 0; i < 3; i++) {
            look(id);
        }
        // Someone with store access rewrites who looked at the file (entry 3 of 4).
        mongo.updateFirst(
                        Query.query(
                                Criteria.where("caseId").is(caseId).and("seq").is(3L)),
                        new Update().set("actor", "acme/nobody"),
                        CustodyLog.COLLECTION)
                .block();

        brokenAt(caseId, 3).jsonPath("$.files[0].status").isEqualTo("OK");
    }

    @Test
    void aDeletedEntryBreaksTheChainAtItsPlace() {
        String caseId = openCase("acme", "RISK_TXN");
        String id = statement(caseId, 23);
        look(id);
        look(id);
        mongo.remove(Query.query(Criteria.where("caseId").is(caseId).and("seq").is(2L)), CustodyLog.COLLECTION)
                .block();

        brokenAt(caseId, 3);
    }

    @Test
    void deletingTheNewestEntryIsCaughtByTheHeadTheCaseFileRecords() {
        String caseId = openCase("acme", "RISK_TXN");
        String id = statement(caseId, 27);
        getAs(merchant("acme"), "/api/v1/evidence/items/{id}/content", id)
                .expectStatus()
                .isOk();
        // Whoever downloaded it removes the trace: the newest entry, which nothing after it points at.
        mongo.remove(Query.query(Criteria.where("caseId").is(caseId).and("seq").is(2L)), CustodyLog.COLLECTION)
                .block();

        brokenAt(caseId, 2)
                .jsonPath("$.firstBrokenEntry.reason")
                .value(reason -> assertThat((String) reason).contains("case file"));
    }

    @Test
    void swappingTwoEntriesIsNamedAtTheFirstPositionThatBreaks() {
        String caseId = openCase("acme", "RISK_TXN");
        String id = statement(caseId, 28);
        look(id);
        getAs(merchant("acme"), "/api/v1/evidence/items/{id}/content", id);
        // Entries 2 and 3 trade places (their positions swapped, everything else as stored).
        mongo.updateFirst(
                        Query.query(
                                Criteria.where("caseId").is(caseId).and("seq").is(2L)),
                        new Update().set("seq", 99L),
                        CustodyLog.COLLECTION)
                .block();
        mongo.updateFirst(
                        Query.query(
                                Criteria.where("caseId").is(caseId).and("seq").is(3L)),
                        new Update().set("seq", 2L),
                        CustodyLog.COLLECTION)
                .block();
        mongo.updateFirst(
                        Query.query(
                                Criteria.where("caseId").is(caseId).and("seq").is(99L)),
                        new Update().set("seq", 3L),
                        CustodyLog.COLLECTION)
                .block();

        brokenAt(caseId, 2);
    }

    @Test
    void aChainCutBackAndItsCaseFileHeadRewoundIsStillCaughtByTheHeadASignedDossierPinned() {
        String caseId = openCase("acme", "RISK_TXN");
        String id = statement(caseId, 29);
        exportDossierAsAnAgent(caseId);
        look(id);
        // Entries 2 (the export) and 3 removed, and the case file's head moved back onto entry 1: a consistent shorter
        // chain.
        cutChainBackToFirstEntry(caseId);

        brokenAt(caseId, 2)
                .jsonPath("$.firstBrokenEntry.reason")
                .value(reason -> assertThat((String) reason).contains("dossier"));
    }

    @Test
    void aFileWhoseStoredContentWasEditedIsNamed() {
        String caseId = openCase("acme", "RISK_TXN");
        String id = statement(caseId, 24);
        Document item = item(id);
        overwriteStoredContent(item, Samples.pdf(4000, 999));

        custodyReport(caseId, merchant("acme"))
                .jsonPath("$.intact")
                .isEqualTo(false)
                .jsonPath("$.firstBrokenEntry")
                .doesNotExist()
                .jsonPath("$.files[0].evidenceId")
                .isEqualTo(id)
                .jsonPath("$.files[0].status")
                .isEqualTo("CONTENT_CHANGED")
                .jsonPath("$.files[0].loggedSha256")
                .isEqualTo(item.getString("sha256"));
    }

    @Test
    void aFileAndItsRecordedHashEditedTogetherAreStillCaughtByTheLog() {
        String caseId = openCase("acme", "RISK_TXN");
        String id = statement(caseId, 25);
        Document item = item(id);
        byte[] forged = Samples.pdf(4000, 998);
        overwriteStoredContent(item, forged);
        mongo.updateFirst(
                        Query.query(Criteria.where("_id").is(id)),
                        new Update().set("sha256", sha256(forged)),
                        EvidenceItems.COLLECTION)
                .block();

        Map<?, ?> report = getAs(merchant("acme"), "/api/v1/evidence/cases/{caseId}/custody/verify", caseId)
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        assertThat(report.get("intact")).isEqualTo(false);
        assertThat(((Map<?, ?>) ((List<?>) report.get("files")).getFirst()).get("status"))
                .isEqualTo("CONTENT_CHANGED");
    }

    /** A 4 kB bank statement uploaded by acme's merchant to the case; its id. */
    private String statement(String caseId, int seed) {
        return uploadedId(
                merchant("acme"), caseId, "BANK_STATEMENT", "s.pdf", "application/pdf", Samples.pdf(4000, seed));
    }

    private Document item(String id) {
        return find(EvidenceItems.COLLECTION, Criteria.where("_id").is(id)).getFirst();
    }

    /** The stored file's bytes replaced behind the service's back (its record and custody log left as they were). */
    private void overwriteStoredContent(Document item, byte[] forged) {
        mongo.updateFirst(
                        Query.query(Criteria.where("files_id")
                                .is(new ObjectId(item.getString("blobId")))
                                .and("n")
                                .is(0)),
                        new Update().set("data", new Binary(forged)),
                        BlobStore.CHUNKS)
                .block();
    }

    /** acme's merchant reads the item (a custody entry). */
    private void look(String id) {
        getAs(merchant("acme"), "/api/v1/evidence/items/{id}", id)
                .expectStatus()
                .isOk();
    }

    /** The case's chain, verified by acme's merchant, is broken first at entry {@code seq}. */
    private org.springframework.test.web.reactive.server.WebTestClient.BodyContentSpec brokenAt(
            String caseId, int seq) {
        return custodyReport(caseId, merchant("acme"))
                .jsonPath("$.intact")
                .isEqualTo(false)
                .jsonPath("$.firstBrokenEntry.seq")
                .isEqualTo(seq);
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(
                            java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
