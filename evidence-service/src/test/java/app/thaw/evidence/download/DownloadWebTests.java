package app.thaw.evidence.download;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import app.thaw.evidence.support.EvidenceWebTestSupport;
import app.thaw.evidence.support.Samples;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

class DownloadWebTests extends EvidenceWebTestSupport {

    @Test
    void aDownloadIsAnAttachmentWithNosniffAndTheWholeContent() {
        String caseId = openCase("acme", "RISK_TXN");
        byte[] content = Samples.pdf(2 * 1024 * 1024 + 5, 60);
        String id = uploadedId(merchant("acme"), caseId, "BANK_STATEMENT", "報告 \"q1\".pdf", "application/pdf", content);

        byte[] body = bigWeb().get()
                .uri("/api/v1/evidence/items/{id}/content", id)
                .headers(h -> h.setBearerAuth(merchant("acme")))
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader()
                .valueEquals(HttpHeaders.ACCEPT_RANGES, "bytes")
                .expectHeader()
                .value(
                        HttpHeaders.CONTENT_DISPOSITION,
                        disposition -> assertThat(disposition)
                                .startsWith("attachment;")
                                .contains("filename*=UTF-8''")
                                .doesNotContain("\"q1\""))
                .expectBody(byte[].class)
                .returnResult()
                .getResponseBody();
        assertThat(body).isEqualTo(content);
    }

    @Test
    void aRangeAcrossChunkBoundariesAnswers206WithExactlyThoseBytes() {
        String caseId = openCase("acme", "RISK_TXN");
        byte[] content = Samples.pdf(3 * 1024 * 1024, 61);
        String id = uploadedId(merchant("acme"), caseId, "BANK_STATEMENT", "r.pdf", "application/pdf", content);
        long from = 1024 * 1024 - 10;
        long to = 2 * 1024 * 1024 + 9;

        byte[] body = bigWeb().get()
                .uri("/api/v1/evidence/items/{id}/content", id)
                .headers(h -> {
                    h.setBearerAuth(merchant("acme"));
                    h.set(HttpHeaders.RANGE, "bytes=" + from + "-" + to);
                })
                .exchange()
                .expectStatus()
                .isEqualTo(206)
                .expectHeader()
                .valueEquals(HttpHeaders.CONTENT_RANGE, "bytes " + from + "-" + to + "/" + content.length)
                .expectBody(byte[].class)
                .returnResult()
                .getResponseBody();
        assertThat(body).isEqualTo(Arrays.copyOfRange(content, (int) from, (int) to + 1));

        web.get()
                .uri("/api/v1/evidence/items/{id}/content", id)
                .headers(h -> {
                    h.setBearerAuth(merchant("acme"));
                    h.set(HttpHeaders.RANGE, "bytes=" + content.length + "-");
                })
                .exchange()
                .expectStatus()
                .isEqualTo(416);
    }

    @Test
    void aFileAlteredInTheStoreIsNeverServedAsGoodAndTheAttemptIsAudited() {
        String caseId = openCase("acme", "RISK_TXN");
        byte[] content = Samples.pdf(3 * 1024 * 1024, 62);
        String id = uploadedId(merchant("acme"), caseId, "BANK_STATEMENT", "a.pdf", "application/pdf", content);
        org.bson.Document item = find(
                        app.thaw.evidence.item.EvidenceItems.COLLECTION,
                        org.springframework.data.mongodb.core.query.Criteria.where("_id")
                                .is(id))
                .getFirst();
        // One byte of the second chunk flipped in the store, length unchanged.
        org.bson.types.ObjectId blob = new org.bson.types.ObjectId(item.getString("blobId"));
        org.bson.Document chunk = find(
                        app.thaw.evidence.content.BlobStore.CHUNKS,
                        org.springframework.data.mongodb.core.query.Criteria.where("files_id")
                                .is(blob)
                                .and("n")
                                .is(1))
                .getFirst();
        byte[] data = chunk.get("data", org.bson.types.Binary.class).getData().clone();
        data[10] ^= 0x01;
        mongo.updateFirst(
                        org.springframework.data.mongodb.core.query.Query.query(
                                org.springframework.data.mongodb.core.query.Criteria.where("_id")
                                        .is(chunk.get("_id"))),
                        new org.springframework.data.mongodb.core.query.Update()
                                .set("data", new org.bson.types.Binary(data)),
                        app.thaw.evidence.content.BlobStore.CHUNKS)
                .block();
        byte[] altered = content.clone();
        altered[chunkSize(item) + 10] ^= 0x01;

        // The whole file: the body ends in an error before its last bytes, never the altered file in full.
        byte[] whole = null;
        try {
            whole = bigWeb().get()
                    .uri("/api/v1/evidence/items/{id}/content", id)
                    .headers(h -> h.setBearerAuth(merchant("acme")))
                    .exchange()
                    .expectBody(byte[].class)
                    .returnResult()
                    .getResponseBody();
        } catch (RuntimeException cutOff) {
            // The connection was closed mid-body: what the client must see.
        }
        assertThat(whole).isNotEqualTo(altered).isNotEqualTo(content);
        // A range: refused before a byte is sent.
        web.get()
                .uri("/api/v1/evidence/items/{id}/content", id)
                .headers(h -> {
                    h.setBearerAuth(merchant("acme"));
                    h.set(HttpHeaders.RANGE, "bytes=0-99");
                })
                .exchange()
                .expectStatus()
                .isEqualTo(500)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("evidence_content_altered");
        assertThat(count(
                        "audit_log",
                        org.springframework.data.mongodb.core.query.Criteria.where("action")
                                .is("evidence.content_altered")
                                .and("objectId")
                                .is(id)))
                .isGreaterThanOrEqualTo(2);
    }

    private int chunkSize(org.bson.Document item) {
        return ((Number) find(
                                app.thaw.evidence.content.BlobStore.FILES,
                                org.springframework.data.mongodb.core.query.Criteria.where("_id")
                                        .is(new org.bson.types.ObjectId(item.getString("blobId"))))
                        .getFirst()
                        .get("chunkSize"))
                .intValue();
    }
}
