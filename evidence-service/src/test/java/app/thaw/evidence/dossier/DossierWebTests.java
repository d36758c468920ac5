package app.thaw.evidence.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import app.thaw.evidence.dossier.offline.VerifyDossier;
import app.thaw.evidence.support.EvidenceWebTestSupport;
import app.thaw.evidence.support.Samples;
import com.nimbusds.jose.util.JSONObjectUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.http.MediaType;

class DossierWebTests extends EvidenceWebTestSupport {

    @TempDir
    Path dir;

    @Test
    void anExportedDossierVerifiesOfflineWithOnlyThePublishedKeys() throws Exception {
        String caseId = caseWithTwoFiles();
        byte[] dossier = dossier(caseId, staff("staff_agent"));
        Path zip = Files.write(dir.resolve("dossier.zip"), dossier);
        Path jwks = Files.writeString(dir.resolve("jwks.json"), publishedKeys());

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = VerifyDossier.run(
                new String[] {zip.toString(), jwks.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("VALID", "files:           2")
                .doesNotContain("MISMATCH");
        assertThat(exit).isZero();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theManifestListsEachFileWithItsRequirementHashVerdictAndUploader()
            throws IOException, java.text.ParseException {
        String caseId = caseWithTwoFiles();
        Map<String, byte[]> entries = unzip(dossier(caseId, merchant("acme")));

        assertThat(entries).containsKeys("manifest.json", "manifest.jws", "custody-log.json", "README.txt");
        Map<String, Object> manifest =
                JSONObjectUtils.parse(new String(entries.get("manifest.json"), StandardCharsets.UTF_8));
        java.util.List<?> files = (java.util.List<?>) manifest.get("files");
        assertThat(files).hasSize(2);
        Map<?, ?> verified = files.stream()
                .map(Map.class::cast)
                .filter(file -> "ID_DOCUMENT".equals(file.get("requirementCode")))
                .findFirst()
                .orElseThrow();
        assertThat(verified.get("answers")).isEqualTo("KYC re-verification");
        assertThat(((Map<?, ?>) verified.get("verdict")).get("accepted")).isEqualTo(true);
        assertThat((Map<Object, Object>) verified.get("declared"))
                .as("what the holder declared")
                .containsEntry("documentType", "居民身份证")
                .containsEntry("nameOnDocument", "李伟")
                .containsEntry("expiryDate", "2035-01-01");
        assertThat((Map<Object, Object>) ((Map<?, ?>) verified.get("verdict")).get("read"))
                .as("what staff read, beside it")
                .containsEntry("nameOnDocument", "LI WEI");
        assertThat(((Map<?, ?>) verified.get("verdict")).get("by")).isEqualTo("thaw/staff-staff_agent");
        assertThat(verified.get("uploadedBy")).isEqualTo("acme/acme-admin");
        assertThat(entries.get((String) verified.get("path"))).hasSize(((Number) verified.get("size")).intValue());
        assertThat(new String(entries.get("custody-log.json"), StandardCharsets.UTF_8))
                .contains("\"EXPORTED\"");
        assertThat(new String(entries.get("manifest.jws"), StandardCharsets.US_ASCII))
                .contains("..");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRejectedExpiredLicenceIsExpiredInTheSignedDossierWithWhatTheHolderDeclared()
            throws IOException, java.text.ParseException {
        String caseId = openCase("acme", "RISK_TXN");
        String licence = declaredExpiredLicence(caseId, 4242);
        verdict(licence, staff("staff_agent"), Map.of("decision", "REJECT", "reasonCode", "EXPIRED"))
                .expectStatus()
                .isOk();

        Map<String, Object> manifest = JSONObjectUtils.parse(
                new String(unzip(dossier(caseId, staff("staff_agent"))).get("manifest.json"), StandardCharsets.UTF_8));

        Map<?, ?> file = ((java.util.List<?>) manifest.get("files"))
                .stream()
                        .map(Map.class::cast)
                        .filter(f -> "BUSINESS_LICENSE".equals(f.get("requirementCode")))
                        .findFirst()
                        .orElseThrow();
        assertThat(file.get("expired"))
                .as("expired, as declared and as rejected")
                .isEqualTo(true);
        assertThat((Map<Object, Object>) file.get("declared"))
                .containsEntry("documentType", "营业执照")
                .containsEntry("expiryDate", "2021-03-31");
        assertThat(((Map<?, ?>) file.get("verdict")).get("accepted")).isEqualTo(false);
    }

    @Test
    void theVerifyEndpointReportsAReplacedFileAndAnEditedManifest() throws IOException {
        String caseId = caseWithTwoFiles();
        Map<String, byte[]> entries = unzip(dossier(caseId, staff("staff_agent")));
        String filePath = entries.keySet().stream()
                .filter(name -> name.startsWith("files/"))
                .findFirst()
                .orElseThrow();

        verify(zip(entries))
                .jsonPath("$.valid")
                .isEqualTo(true)
                .jsonPath("$.mismatches.length()")
                .isEqualTo(0);

        Map<String, byte[]> swapped = new HashMap<>(entries);
        swapped.put(filePath, Samples.pdf(3000, 777));
        verify(zip(swapped))
                .jsonPath("$.valid")
                .isEqualTo(false)
                .jsonPath("$.mismatches[?(@.subject == '" + filePath + "')]")
                .exists();

        Map<String, byte[]> edited = new HashMap<>(entries);
        edited.put(
                "manifest.json",
                new String(entries.get("manifest.json"), StandardCharsets.UTF_8)
                        .replace("acme/acme-admin", "acme/someone")
                        .getBytes(StandardCharsets.UTF_8));
        verify(zip(edited))
                .jsonPath("$.valid")
                .isEqualTo(false)
                .jsonPath("$.mismatches[?(@.subject == 'signature')]")
                .exists();
    }

    @Test
    void theOfflineVerifierRejectsATamperedCustodyLog() throws Exception {
        String caseId = caseWithTwoFiles();
        Map<String, byte[]> entries = unzip(dossier(caseId, staff("staff_agent")));
        entries.put(
                "custody-log.json",
                new String(entries.get("custody-log.json"), StandardCharsets.UTF_8)
                        .replace("\"VIEWED\"", "\"VERIFIED\"")
                        .getBytes(StandardCharsets.UTF_8));
        Path zip = Files.write(dir.resolve("tampered.zip"), zip(entries));
        Path jwks = Files.writeString(dir.resolve("jwks.json"), publishedKeys());

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = VerifyDossier.run(
                new String[] {zip.toString(), jwks.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("MISMATCH custody-log.json");
    }

    @Test
    void theKeysArePublishedWithoutAToken() {
        web.get()
                .uri("/api/v1/evidence/dossiers/jwks.json")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.keys[0].kty")
                .isEqualTo("EC")
                .jsonPath("$.keys[0].d")
                .doesNotExist();
    }

    @Test
    void aPartnerBankUploadsToItsOwnCaseAndGrantsAnInsurerConsent() {
        String caseId = openCase("bank-demo", "IDENTITY_MISUSE");
        String bank = token("bank-demo", "bank-analyst", "partner_bank");
        uploadedId(bank, caseId, "POLICE_REPORT", "receipt.pdf", "application/pdf", Samples.pdf(4000, 77));
        String insurer = token("insurer-demo", "insurer-adjuster", "insurer");

        postJson(bank, "/api/v1/evidence/cases/{caseId}/consents", Map.of("insurerTenantId", "insurer-demo"), caseId)
                .expectStatus()
                .isCreated();
        assertThat(dossier(caseId, insurer)).isNotEmpty();
        getAs(token("other-bank", "analyst", "partner_bank"), "/api/v1/evidence/cases/{caseId}/items", caseId)
                .expectStatus()
                .isNotFound();
    }

    @Test
    void anInsurerGetsTheDossierOnlyWhileConsentLastsAndEveryAttemptIsAudited() {
        String caseId = caseWithTwoFiles();
        String insurer = token("insurer-demo", "insurer-adjuster", "insurer");
        getAs(insurer, "/api/v1/evidence/cases/{caseId}/dossier", caseId)
                .expectStatus()
                .isNotFound();

        String consentId = grantConsent("acme", "insurer-demo", caseId);
        assertThat(dossier(caseId, insurer)).isNotEmpty();

        postAs(merchant("acme"), "/api/v1/evidence/cases/{caseId}/consents/{id}/revoke", caseId, consentId)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$[0].active")
                .isEqualTo(false);
        getAs(insurer, "/api/v1/evidence/cases/{caseId}/dossier", caseId)
                .expectStatus()
                .isNotFound();

        assertThat(
                        find(
                                        "audit_log",
                                        Criteria.where("action")
                                                .is("evidence.insurer_access")
                                                .and("objectId")
                                                .is(caseId))
                                .stream()
                                .map(entry -> entry.get("details", org.bson.Document.class)
                                        .getBoolean("granted")))
                .containsExactly(false, true, false);
    }

    @Test
    void onlyTheHoldersOwnUsersGrantConsentAndAnotherInsurerStillGets404() {
        String caseId = caseWithTwoFiles();
        postJson(
                        merchant("globex"),
                        "/api/v1/evidence/cases/{caseId}/consents",
                        Map.of("insurerTenantId", "insurer-demo"),
                        caseId)
                .expectStatus()
                .isNotFound();
        postJson(
                        staff("staff_agent"),
                        "/api/v1/evidence/cases/{caseId}/consents",
                        Map.of("insurerTenantId", "insurer-demo"),
                        caseId)
                .expectStatus()
                .isForbidden();
        postJson(
                        merchant("acme"),
                        "/api/v1/evidence/cases/{caseId}/consents",
                        Map.of("insurerTenantId", "insurer-demo"),
                        caseId)
                .expectStatus()
                .isCreated();
        String otherInsurer = token("insurer-other", "adjuster-2", "insurer");
        getAs(otherInsurer, "/api/v1/evidence/cases/{caseId}/dossier", caseId)
                .expectStatus()
                .isNotFound();
    }

    private String caseWithTwoFiles() {
        String caseId = openCase("acme", "ACCOUNT_ANOMALY");
        String id = uploadedId(
                merchant("acme"),
                caseId,
                "ID_DOCUMENT",
                "id.png",
                "image/png",
                Samples.png(70),
                Map.of(
                        "answers",
                        "KYC re-verification",
                        "documentType",
                        "居民身份证",
                        "nameOnDocument",
                        "李伟",
                        "expiryDate",
                        "2035-01-01"));
        getAs(merchant("acme"), "/api/v1/evidence/items/{id}", id);
        verdict(id, staff("staff_agent"), Map.of("decision", "ACCEPT", "nameOnDocument", "LI WEI"))
                .expectStatus()
                .isOk();
        uploadedId(
                merchant("acme"),
                caseId,
                "COMMUNICATION_RECORDS",
                "chat.txt",
                "text/plain",
                Samples.text("buyer: got it\nseller: thanks\n" + caseId));
        return caseId;
    }

    private byte[] dossier(String caseId, String token) {
        return bigWeb().get()
                .uri("/api/v1/evidence/cases/{caseId}/dossier", caseId)
                .headers(h -> h.setBearerAuth(token))
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentType("application/zip")
                .expectBody(byte[].class)
                .returnResult()
                .getResponseBody();
    }

    private String publishedKeys() {
        return html(web.get().uri("/api/v1/evidence/dossiers/jwks.json").exchange());
    }

    private org.springframework.test.web.reactive.server.WebTestClient.BodyContentSpec verify(byte[] zip) {
        return bigWeb().post()
                .uri("/api/v1/evidence/dossiers/verify")
                .headers(h -> h.setBearerAuth(staff("staff_agent")))
                .contentType(MediaType.parseMediaType("application/zip"))
                .bodyValue(zip)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody();
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    private static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(entry.getKey()));
                out.write(entry.getValue());
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
