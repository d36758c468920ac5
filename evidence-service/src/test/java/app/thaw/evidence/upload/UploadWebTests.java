package app.thaw.evidence.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import app.thaw.evidence.content.BlobStore;
import app.thaw.evidence.item.EvidenceItems;
import app.thaw.evidence.support.EvidenceWebTestSupport;
import app.thaw.evidence.support.Samples;
import app.thaw.platform.testing.ApiAnswers;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

class UploadWebTests extends EvidenceWebTestSupport {

    @Autowired
    BlobStore blobs;

    @LocalServerPort
    int port;

    @Test
    void rawUploadIsStoredWithItsSha256AndAnnounced() throws Exception {
        String caseId = openCase("acme", "RISK_TXN");
        byte[] content = Samples.pdf(3 * 1024 * 1024 + 17, 1); // several 1 MiB chunks
        String expected =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));

        uploadRaw(merchant("acme"), caseId, "BANK_STATEMENT", "statement.pdf", "application/pdf", content)
                .expectStatus()
                .isCreated()
                .expectHeader()
                .exists("Location")
                .expectBody()
                .jsonPath("$.sha256")
                .isEqualTo(expected)
                .jsonPath("$.size")
                .isEqualTo(content.length)
                .jsonPath("$.contentType")
                .isEqualTo("application/pdf")
                .jsonPath("$.status")
                .isEqualTo("RECEIVED")
                .jsonPath("$.uploadedBy")
                .isEqualTo("acme/acme-admin");

        Document item = find(EvidenceItems.COLLECTION, Criteria.where("caseId").is(caseId))
                .getFirst();
        assertThat(count(
                        BlobStore.CHUNKS,
                        Criteria.where("files_id").is(new org.bson.types.ObjectId(item.getString("blobId")))))
                .isEqualTo(4);
        Document event = find(
                        "outbox",
                        Criteria.where("event.type")
                                .is("thaw.evidence.received")
                                .and("event.subject")
                                .is(item.getString("_id")))
                .getFirst()
                .get("event", Document.class);
        Document data = event.get("data", Document.class);
        assertThat(data.getString("sha256")).isEqualTo(expected);
        assertThat(data.getString("caseId")).isEqualTo(caseId);
        assertThat(data.getString("requirementCode")).isEqualTo("BANK_STATEMENT");
        assertThat(data.getBoolean("expired")).isFalse();
        assertThat(event.getString("tenantId")).isEqualTo("acme");
    }

    /**
     * An ID document as a multipart form: the requirement and the expiry date as fields before the file part (a PNG
     * named {@code fileName} by the browser).
     */
    private static MultipartBodyBuilder idDocumentForm(String expiryDate, String fileName, long seed) {
        MultipartBodyBuilder form = new MultipartBodyBuilder();
        form.part("requirementCode", "ID_DOCUMENT");
        form.part("expiryDate", expiryDate);
        form.part("file", new ByteArrayResource(Samples.png(seed)) {
                    @Override
                    public String getFilename() {
                        return fileName;
                    }
                })
                .contentType(MediaType.IMAGE_PNG);
        return form;
    }

    /** Posts the multipart {@code form} to the case's items as acme's merchant. */
    private WebTestClient.ResponseSpec uploadMultipart(String caseId, MultipartBodyBuilder form) {
        return web.post()
                .uri("/api/v1/evidence/cases/{caseId}/items", caseId)
                .headers(h -> h.setBearerAuth(merchant("acme")))
                .body(BodyInserters.fromMultipartData(form.build()))
                .exchange();
    }

    @Test
    void multipartUploadStreamsTheFilePartAndTakesFieldsBeforeIt() {
        String caseId = openCase("acme", "ACCOUNT_ANOMALY");
        uploadMultipart(caseId, idDocumentForm("2001-01-01", "../../id card.png", 7))
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.requirementCode")
                .isEqualTo("ID_DOCUMENT")
                .jsonPath("$.contentType")
                .isEqualTo("image/png")
                .jsonPath("$.fileName")
                .isEqualTo("id card.png")
                .jsonPath("$.expired")
                .isEqualTo(true);
    }

    @Test
    void anExpiryDateOutside1970To2100AsQueryParameterOrFormFieldIs400NamingIt() {
        String caseId = openCase("acme", "ACCOUNT_ANOMALY");
        for (String far : new String[] {"2101-01-01", "1969-12-31", "+999999999-12-31"}) {
            ApiAnswers.firstViolation(
                    web.post()
                            .uri(uri -> uri.path("/api/v1/evidence/cases/{caseId}/items")
                                    .queryParam("requirementCode", "ID_DOCUMENT")
                                    .queryParam("fileName", "id.png")
                                    .queryParam("expiryDate", "{expiry}")
                                    .build(caseId, far))
                            .headers(h -> h.setBearerAuth(merchant("acme")))
                            .contentType(MediaType.IMAGE_PNG)
                            .bodyValue(Samples.png(8))
                            .exchange(),
                    "expiryDate",
                    "DateWindow");

            uploadMultipart(caseId, idDocumentForm(far, "id.png", 9))
                    .expectStatus()
                    .isBadRequest()
                    .expectBody()
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("expiryDate")
                    .jsonPath("$.errors[0].rule")
                    .isEqualTo("DateWindow");
        }
        assertThat(count(
                        app.thaw.evidence.item.EvidenceItems.COLLECTION,
                        org.springframework.data.mongodb.core.query.Criteria.where("caseId")
                                .is(caseId)))
                .isZero();
    }

    @Test
    void theSameContentTwiceInOneCaseReturnsTheExistingItem() {
        String caseId = openCase("acme", "RISK_TXN");
        byte[] content = Samples.pdf(10_000, 2);
        String first =
                uploadedId(merchant("acme"), caseId, "BANK_STATEMENT", "dedup-first.pdf", "application/pdf", content);

        uploadRaw(merchant("acme"), caseId, "BANK_STATEMENT", "dedup-again.pdf", "application/pdf", content)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.id")
                .isEqualTo(first);

        assertThat(count(EvidenceItems.COLLECTION, Criteria.where("caseId").is(caseId)))
                .isEqualTo(1);
        assertThat(count(BlobStore.FILES, Criteria.where("filename").in("dedup-first.pdf", "dedup-again.pdf")))
                .isEqualTo(1);
    }

    @Test
    void theSameContentForASecondRequirementLinksTheExistingItemToItAndSaysSo() {
        String caseId = openCase("acme", "RISK_TXN");
        byte[] content = Samples.pdf(10_000, 4);
        String first =
                uploadedId(merchant("acme"), caseId, "BANK_STATEMENT", "statement.pdf", "application/pdf", content);

        uploadRaw(merchant("acme"), caseId, "TRANSACTION_BACKGROUND", "statement-again.pdf", "application/pdf", content)
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("Thaw-Evidence-Outcome", "linked")
                .expectBody()
                .jsonPath("$.id")
                .isEqualTo(first)
                .jsonPath("$.requirementCodes")
                .isEqualTo(List.of("BANK_STATEMENT", "TRANSACTION_BACKGROUND"));
        uploadRaw(merchant("acme"), caseId, "TRANSACTION_BACKGROUND", "third.pdf", "application/pdf", content)
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("Thaw-Evidence-Outcome", "duplicate");

        assertThat(count(EvidenceItems.COLLECTION, Criteria.where("caseId").is(caseId)))
                .isEqualTo(1);
        assertThat(find(
                        "outbox",
                        Criteria.where("event.type")
                                .is("thaw.evidence.received")
                                .and("event.subject")
                                .is(first)))
                .extracting(entry -> entry.get("event", Document.class)
                        .get("data", Document.class)
                        .getString("requirementCode"))
                .as("one received event per requirement (each outbox entry once per subscriber)")
                .containsOnly("BANK_STATEMENT", "TRANSACTION_BACKGROUND")
                .contains("BANK_STATEMENT", "TRANSACTION_BACKGROUND");

        verdict(first, staff("staff_agent"), Map.of("decision", "ACCEPT"))
                .expectStatus()
                .isOk();
        assertThat(find(
                        "outbox",
                        Criteria.where("event.type")
                                .is("thaw.evidence.verified")
                                .and("event.subject")
                                .is(first)))
                .as("the verdict reaches the checklist line of each requirement the file proves")
                .extracting(entry -> entry.get("event", Document.class)
                        .get("data", Document.class)
                        .getString("requirementCode"))
                .containsOnly("BANK_STATEMENT", "TRANSACTION_BACKGROUND")
                .contains("BANK_STATEMENT", "TRANSACTION_BACKGROUND");
    }

    @Test
    void identicalUploadsWithoutAKeyRecordOneCustodyEntryForTheOneRealEffect() {
        String caseId = openCase("acme", "RISK_TXN");
        byte[] content = Samples.pdf(6_000, 3);
        for (int i = 0; i < 12; i++) {
            uploadRaw(merchant("acme"), caseId, "BANK_STATEMENT", "same-" + i + ".pdf", "application/pdf", content)
                    .expectStatus()
                    .value(status -> assertThat(status).isIn(200, 201));
        }
        assertThat(count(EvidenceItems.COLLECTION, Criteria.where("caseId").is(caseId)))
                .isEqualTo(1);
        assertThat(count(
                        app.thaw.evidence.custody.CustodyLog.COLLECTION,
                        Criteria.where("caseId").is(caseId).and("action").is("UPLOADED")))
                .isEqualTo(1);
        custodyReport(caseId, merchant("acme"))
                .jsonPath("$.intact")
                .isEqualTo(true)
                .jsonPath("$.entries")
                .isEqualTo(1);
    }

    @Test
    void aSpoofedTypeAnswers415AndKeepsNothing() {
        String caseId = openCase("acme", "RISK_TXN");
        long chunksBefore = count(BlobStore.CHUNKS, new Criteria());

        uploadRaw(merchant("acme"), caseId, "ID_DOCUMENT", "photo.png", "image/png", Samples.pdf(5000, 3))
                .expectStatus()
                .isEqualTo(415)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("evidence_type_mismatch")
                .jsonPath("$.detectedType")
                .isEqualTo("application/pdf");

        assertThat(count(EvidenceItems.COLLECTION, Criteria.where("caseId").is(caseId)))
                .isZero();
        assertThat(count(BlobStore.CHUNKS, new Criteria())).isEqualTo(chunksBefore);
    }

    @Test
    void executablesScriptsAndArchivesAnswer415() {
        String caseId = openCase("acme", "RISK_TXN");
        for (Object[] refused : new Object[][] {
            {"tool.pdf", "application/pdf", Samples.exe()},
            {"notes.txt", "text/plain", Samples.text("#!/bin/sh\nrm -rf /\n")},
            {"bundle.zip", "application/octet-stream", Samples.zip()},
            {"run.sh", "application/octet-stream", Samples.text("echo hello\n")}
        }) {
            uploadRaw(merchant("acme"), caseId, "ORDER_RECORDS", (String) refused[0], (String) refused[1], (byte[])
                            refused[2])
                    .expectStatus()
                    .isEqualTo(415)
                    .expectBody()
                    .jsonPath("$.code")
                    .isEqualTo("evidence_type_not_allowed");
        }
        assertThat(count(EvidenceItems.COLLECTION, Criteria.where("caseId").is(caseId)))
                .isZero();
    }

    @Test
    void aChatExportAsPlainTextIsAccepted() {
        String caseId = openCase("acme", "DISPUTE_OR_VIOLATION");
        uploadRaw(
                        merchant("acme"),
                        caseId,
                        "COMMUNICATION_RECORDS",
                        "chat.txt",
                        "text/plain",
                        Samples.text("2025-03-01 10:02 buyer: received, thanks\n2025-03-01 10:03 seller: great\n"))
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.contentType")
                .isEqualTo("text/plain");
    }

    @Test
    void anOversizeUploadAnswers413AndLeavesNoChunks() {
        String caseId = openCase("tiny", "RISK_TXN");
        long chunksBefore = count(BlobStore.CHUNKS, new Criteria());

        uploadRaw(merchant("tiny"), caseId, "BANK_STATEMENT", "big.pdf", "application/pdf", Samples.pdf(200 * 1024, 4))
                .expectStatus()
                .isEqualTo(413)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("evidence_too_large")
                .jsonPath("$.maxBytes")
                .isEqualTo(64 * 1024);

        assertThat(count(EvidenceItems.COLLECTION, Criteria.where("caseId").is(caseId)))
                .isZero();
        assertThat(count(BlobStore.CHUNKS, new Criteria())).isEqualTo(chunksBefore);
        clock.advance(Duration.ofMinutes(2));
        blobs.reapAbandoned().block();
        assertThat(count("uploads", new Criteria())).isZero();
        assertThat(count(BlobStore.CHUNKS, new Criteria())).isEqualTo(chunksBefore);
    }

    @Test
    void anUploadCutOffMidStreamLeavesNoChunksAndNoRecord() throws Exception {
        String caseId = openCase("acme", "RISK_TXN");
        long chunksBefore = count(BlobStore.CHUNKS, new Criteria());
        // A client that announces 10 MiB, sends 3 MiB (three whole chunks reach the store), then drops the connection.
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/evidence/cases/" + caseId
                            + "/items?requirementCode=BANK_STATEMENT&fileName=cut.pdf HTTP/1.1\r\n"
                            + "Host: localhost\r\nAuthorization: Bearer " + merchant("acme")
                            + "\r\nContent-Type: application/pdf\r\n"
                            + "Content-Length: " + 10 * 1024 * 1024 + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(Samples.pdf(3 * 1024 * 1024, 9));
            out.flush();
            Awaitility.await()
                    .atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> assertThat(count(BlobStore.CHUNKS, new Criteria()))
                            .isGreaterThanOrEqualTo(chunksBefore + 2));
            socket.setSoLinger(true, 0);
        }

        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(
                                count("uploads", Criteria.where("abortedAt").exists(true)))
                        .isPositive());
        assertThat(count("uploads", Criteria.where("abortedAt").exists(false))).isZero();
        clock.advance(Duration.ofMinutes(2));
        blobs.reapAbandoned().block();
        assertThat(count(BlobStore.CHUNKS, new Criteria())).isEqualTo(chunksBefore);
        assertThat(count("uploads", new Criteria())).isZero();
        assertThat(count(EvidenceItems.COLLECTION, Criteria.where("caseId").is(caseId)))
                .isZero();
    }

    @Test
    void anUnknownRequirementCodeNamesTheFieldAndRule() {
        String caseId = openCase("acme", "RISK_TXN");
        ApiAnswers.firstViolation(
                uploadRaw(merchant("acme"), caseId, "SELFIE_WITH_CAT", "a.pdf", "application/pdf", Samples.pdf(100, 5)),
                "requirementCode",
                "OneOf");
    }

    @Test
    void anotherTenantsCaseAnswers404() {
        String caseId = openCase("acme", "RISK_TXN");
        uploadStatement(merchant("globex"), caseId, 6)
                .expectStatus()
                .isNotFound()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("not_found");
        getAs(merchant("globex"), "/api/v1/evidence/cases/{caseId}/items", caseId)
                .expectStatus()
                .isNotFound();
    }

    @Test
    void staffReachEveryTenantsCaseAndTheAccessIsAuditedInBothTenants() {
        String caseId = openCase("acme", "RISK_TXN");
        uploadStatement(staff("staff_agent"), caseId, 8).expectStatus().isCreated();
        // The staff's tenant and the case's tenant each read the act in their own log.
        for (String tenant : List.of("thaw", "acme")) {
            assertThat(audited(tenant, "evidence.cross_tenant_access", caseId))
                    .as(tenant)
                    .isPositive();
        }
    }

    @Test
    void aComplianceCasesEvidenceIsForComplianceOnlyAndARefusedLookIsAudited() {
        String caseId = openCase("acme", "COMPLIANCE_HOLD");
        String itemId = uploadedId(
                staff("compliance_officer"),
                caseId,
                "BANK_STATEMENT",
                "statement.pdf",
                "application/pdf",
                Samples.pdf(100, 9));
        getAs(staff("compliance_officer"), "/api/v1/evidence/cases/{caseId}/items", caseId)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.items[0].id")
                .isEqualTo(itemId);

        for (String token : List.of(staff("staff_agent"), staff("staff_supervisor"), merchant("acme"))) {
            getAs(token, "/api/v1/evidence/cases/{caseId}/items", caseId)
                    .expectStatus()
                    .isNotFound()
                    .expectBody()
                    .jsonPath("$.code")
                    .isEqualTo("not_found");
            getAs(token, "/api/v1/evidence/items/{id}", itemId).expectStatus().isNotFound();
        }
        uploadRaw(staff("staff_agent"), caseId, "BANK_STATEMENT", "b.pdf", "application/pdf", Samples.pdf(100, 10))
                .expectStatus()
                .isNotFound();
        assertThat(audited("evidence.restricted_access_refused", caseId)).isGreaterThanOrEqualTo(7);
    }

    @Test
    void listsAreCursorPagedWithAMaximumPageSize() {
        String caseId = openCase("acme", "RISK_TXN");
        for (int i = 0; i < 3; i++) {
            uploadedId(
                    merchant("acme"),
                    caseId,
                    "ORDER_RECORDS",
                    "o" + i + ".pdf",
                    "application/pdf",
                    Samples.pdf(100, 100 + i));
        }
        Map<?, ?> page = getAs(merchant("acme"), "/api/v1/evidence/cases/{caseId}/items?limit=2", caseId)
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        assertThat((java.util.List<?>) page.get("items")).hasSize(2);
        getAs(merchant("acme"), "/api/v1/evidence/cases/{caseId}/items?limit=2&after={next}", caseId, page.get("next"))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.items.length()")
                .isEqualTo(1)
                .jsonPath("$.next")
                .doesNotExist();
    }
}
