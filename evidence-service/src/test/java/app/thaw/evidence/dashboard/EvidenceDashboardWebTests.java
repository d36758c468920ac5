package app.thaw.evidence.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;

import app.thaw.evidence.custody.CustodyLog;
import app.thaw.evidence.support.EvidenceWebTestSupport;
import app.thaw.evidence.support.Samples;
import app.thaw.platform.testing.MessageBundles;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpEntity;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * The evidence dashboard's pages as the gateway relays them (the console session's token as a
 * bearer token): what each role sees, in English and Chinese, and the writes htmx sends.
 */
class EvidenceDashboardWebTests extends EvidenceWebTestSupport {

    private static final String AGENT = staff("staff_agent");
    private static final String COMPLIANCE = staff("compliance_officer");
    private static final String ADMIN = staff("platform_admin");

    @Test
    void theQueueShowsItemsAwaitingAVerdictOldestFirstWithInlinePreviewsInEnglish() {
        String caseId = openCase("acme", "RISK_TXN");
        String licence = uploadedId(
                merchant("acme"), caseId, "BUSINESS_LICENSE", "licence.pdf", "application/pdf", Samples.pdf(4000, 501));
        clock.advance(Duration.ofMinutes(1));
        String id = acmesIdDocument(caseId, 502);

        String page = page(AGENT, "/dashboard/evidence/?caseId=" + caseId, "en");

        assertThat(page)
                .contains("lang=\"en\"", "Review queue", "Business licence", "ID document", "licence.pdf", "id.png")
                .contains("<img", "src=\"/dashboard/evidence/items/" + id + "/preview\"")
                .contains("<iframe", "src=\"/dashboard/evidence/items/" + licence + "/preview\"")
                .contains(
                        "hx-post=\"/dashboard/evidence/items/" + licence + "/verdict\"",
                        "hx-encoding=\"multipart/form-data\"")
                .contains(
                        "Edited or altered",
                        "Name does not match the account",
                        "Wrong document",
                        "Incomplete",
                        "Illegible");
        assertThat(page.indexOf("item-" + licence)).as("oldest first").isLessThan(page.indexOf("item-" + id));
    }

    @Test
    void theQueueAndTheCasePageNameTheCaseByItsNumberAndHolderFromCaseServicesEventsNotItsId() {
        String caseId = "case-" + java.util.UUID.randomUUID();
        caseEvent(
                "thaw.case.opened",
                "acme",
                caseId,
                java.util.Map.of(
                        "caseId",
                        caseId,
                        "scenario",
                        "RISK_TXN",
                        "drill",
                        false,
                        "restricted",
                        false,
                        "reference",
                        "acme-C-2026-000042",
                        "holder",
                        java.util.Map.of(
                                "type",
                                "ENTERPRISE",
                                "displayName",
                                "Acme Cross-Border Trading Ltd.",
                                "accountReference",
                                "****0123")));
        // Another tenant's event naming the same case id relabels nothing.
        caseEvent(
                "thaw.case.triaged",
                "globex",
                caseId,
                java.util.Map.of(
                        "caseId",
                        caseId,
                        "scenario",
                        "RISK_TXN",
                        "reference",
                        "globex-C-2026-000001",
                        "holder",
                        java.util.Map.of("displayName", "Mallory")));
        String id = acmesIdDocument(caseId, 509);

        String page = page(AGENT, "/dashboard/evidence/?caseId=" + caseId, "zh-CN");

        assertThat(page)
                .contains("item-" + id, ">acme-C-2026-000042</a>", "账户持有人", "Acme Cross-Border Trading Ltd.")
                .doesNotContain(">" + caseId + "</a>", "globex-C-2026-000001", "Mallory");
        // The link to the case's evidence page above the queue names it the same way, not by its id.
        assertThat(page)
                .contains(">打开案件 acme-C-2026-000042（Acme Cross-Border Trading Ltd.）的证据页面</a>")
                .doesNotContain("打开案件 " + caseId);
        assertThat(page(AGENT, "/dashboard/evidence/?caseId=" + caseId, "en"))
                .contains(">Open the evidence page of case acme-C-2026-000042 (Acme Cross-Border Trading Ltd.)</a>")
                .doesNotContain("case " + caseId);
        assertThat(page(AGENT, "/dashboard/evidence/cases/" + caseId, "en"))
                .contains("acme-C-2026-000042", "Holder", "Acme Cross-Border Trading Ltd.")
                .contains("<title>Evidence of case acme-C-2026-000042")
                .doesNotContain("Mallory", "Evidence of case " + caseId);
        // A case learnt from an event without them still shows, by its id.
        String older = openCase("acme", "RISK_TXN");
        acmesIdDocument(older, 510);
        assertThat(page(AGENT, "/dashboard/evidence/?caseId=" + older, "en")).contains(">" + older + "</a>");
    }

    private void caseEvent(String type, String tenant, String caseId, java.util.Map<String, Object> data) {
        deliver(caseServiceEvent(type, tenant, caseId, data));
    }

    @Test
    void theQueueSpeaksChineseWhenAskedAndLabelsTheReasonCodes() {
        String caseId = openCase("acme", "RISK_TXN");
        uploadedId(merchant("acme"), caseId, "BUSINESS_LICENSE", "licence.png", "image/png", Samples.png(503));

        String page = page(AGENT, "/dashboard/evidence/?caseId=" + caseId, "zh-CN");

        assertThat(page)
                .contains(
                        "lang=\"zh-CN\"",
                        "审核队列",
                        "营业执照",
                        "驳回",
                        "通过",
                        "已过期",
                        "无法辨认",
                        "经过编辑或篡改",
                        "名称与账户不符",
                        "材料不对",
                        "材料不完整");
        // Issue 23: nothing else in English (the queue and the case's evidence page).
        MessageBundles.assertChinese(page);
        MessageBundles.assertChinese(page(AGENT, "/dashboard/evidence/cases/" + caseId, "zh-CN"));
    }

    @Test
    void filtersNarrowTheQueueByRequirementAndExpiredFlag() {
        String caseId = openCase("acme", "RISK_TXN");
        String expired = expiredLicence(caseId, 504);
        String id = acmesIdDocument(caseId, 505);

        assertThat(page(AGENT, "/dashboard/evidence/?expired=true&caseId=" + caseId, "en"))
                .contains("item-" + expired)
                .doesNotContain("item-" + id);
        assertThat(page(AGENT, "/dashboard/evidence/?requirement=ID_DOCUMENT&caseId=" + caseId, "en"))
                .contains("item-" + id)
                .doesNotContain("item-" + expired);
        assertThat(page(AGENT, "/dashboard/evidence/?expired=false&caseId=" + caseId, "en"))
                .contains("item-" + id)
                .doesNotContain("item-" + expired);
    }

    @Test
    void anAgentRejectsAnExpiredLicenceWithAReasonAndANoteAndItLeavesTheQueue() {
        String caseId = openCase("acme", "RISK_TXN");
        String id = expiredLicence(caseId, 506);

        String answer = html(verdictForm(
                AGENT,
                id,
                "en",
                "decision",
                "REJECT",
                "reasonCode",
                "EXPIRED",
                "note",
                "ran out in 2020",
                "expiryDate",
                "2020-06-30",
                "version",
                "0"));

        assertThat(answer)
                .contains("item-" + id, "Rejected", "Expired", "ran out in 2020")
                .doesNotContain("<form");
        assertThat(page(AGENT, "/dashboard/evidence/?caseId=" + caseId, "en"))
                .doesNotContain("item-" + id)
                .contains("queue-empty");
        getAs(AGENT, "/api/v1/evidence/items/{id}", id)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("REJECTED")
                .jsonPath("$.verdict.reasonCode")
                .isEqualTo("EXPIRED")
                .jsonPath("$.verdict.note")
                .isEqualTo("ran out in 2020");
    }

    @Test
    void anAcceptanceRecordsTheDocumentAsRead() {
        String caseId = openCase("acme", "RISK_TXN");
        String id = acmesIdDocument(caseId, 507);

        assertThat(html(verdictForm(
                        COMPLIANCE,
                        id,
                        "zh-CN",
                        "decision",
                        "ACCEPT",
                        "reasonCode",
                        "",
                        "documentType",
                        "national ID",
                        "nameOnDocument",
                        "Li Wei",
                        "expiryDate",
                        LocalDate.now().plusYears(2).toString())))
                .contains("已通过");
        getAs(AGENT, "/api/v1/evidence/items/{id}", id)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("VERIFIED")
                .jsonPath("$.verdict.read.nameOnDocument")
                .isEqualTo("Li Wei");
    }

    @Test
    void aRejectionWithoutAReasonIsRefusedWithAVisibleMessageInThePagesLanguage() {
        String caseId = openCase("acme", "RISK_TXN");
        String id = acmesIdDocument(caseId, 508);

        assertThat(badRequestHtml(verdictForm(AGENT, id, "en", "decision", "REJECT", "reasonCode", "")))
                .contains("role=\"alert\"", "Some input is missing or invalid.", "Reason (for a rejection)");
        assertThat(badRequestHtml(verdictForm(AGENT, id, "zh-CN", "decision", "REJECT", "reasonCode", "NOT_A_REASON")))
                .contains("有内容缺失或无效", "驳回原因");
        // Nothing was decided.
        assertThat(page(AGENT, "/dashboard/evidence/?caseId=" + caseId, "en")).contains("item-" + id);
    }

    @Test
    void anUrlencodedVerdictIsAcceptedToo() {
        String caseId = openCase("acme", "RISK_TXN");
        String id = acmesIdDocument(caseId, 517);

        web.post()
                .uri("/dashboard/evidence/items/{id}/verdict", id)
                .headers(h -> h.setBearerAuth(AGENT))
                .body(BodyInserters.fromFormData("decision", "REJECT").with("reasonCode", "ILLEGIBLE"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(body -> assertThat(body).contains("Illegible"));
    }

    @Test
    void aSecondVerdictIsRefusedWithAMessage() {
        String caseId = openCase("acme", "RISK_TXN");
        String id = acmesIdDocument(caseId, 509);
        verdictForm(AGENT, id, "en", "decision", "ACCEPT").expectStatus().isOk();

        assertThat(verdictForm(AGENT, id, "en", "decision", "REJECT", "reasonCode", "EDITED")
                        .expectStatus()
                        .isEqualTo(409)
                        .expectBody(String.class)
                        .returnResult()
                        .getResponseBody())
                .contains("A verdict was already given on this item");
    }

    @Test
    void thePreviewStreamsTheStoredContentInlineWithNosniffAndRecordsAView() {
        String caseId = openCase("acme", "RISK_TXN");
        byte[] png = Samples.png(510);
        String id = uploadedId(merchant("acme"), caseId, "ID_DOCUMENT", "id.png", "image/png", png);

        byte[] body = getAs(AGENT, "/dashboard/evidence/items/{id}/preview", id)
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentType("image/png")
                .expectHeader()
                .valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader()
                .valueEquals("X-Frame-Options", "SAMEORIGIN")
                .expectHeader()
                .value(
                        "Content-Disposition",
                        disposition -> assertThat(disposition).startsWith("inline"))
                .expectBody(byte[].class)
                .returnResult()
                .getResponseBody();

        assertThat(body).isEqualTo(png);
        assertThat(count(
                        CustodyLog.COLLECTION,
                        Criteria.where("caseId")
                                .is(caseId)
                                .and("evidenceId")
                                .is(id)
                                .and("action")
                                .is("VIEWED")))
                .isEqualTo(1);
    }

    @Test
    void aTextFileIsPreviewedAsSandboxedTextWhileOtherTypesHaveNoPreview() {
        String caseId = openCase("acme", "RISK_TXN");
        String id = uploadedId(
                merchant("acme"), caseId, "COMMUNICATION_RECORDS", "chat.txt", "text/plain", Samples.text("hello <b>"));

        assertThat(page(AGENT, "/dashboard/evidence/?caseId=" + caseId, "en"))
                .contains("/items/" + id + "/preview")
                .doesNotContain("No preview for text/plain");
        assertThat(new app.thaw.evidence.dashboard.web.DashboardFormat().previewable("text/plain; charset=UTF-8"))
                .isTrue();
        assertThat(new app.thaw.evidence.dashboard.web.DashboardFormat()
                        .previewable("application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
                .isFalse();
        byte[] body = getAs(AGENT, "/dashboard/evidence/items/{id}/preview", id)
                .expectStatus()
                .isOk()
                .expectHeader()
                .value("Content-Type", type -> assertThat(type).startsWith("text/plain"))
                .expectHeader()
                .valueEquals("Content-Security-Policy", "default-src 'none'; sandbox")
                .expectHeader()
                .valueEquals("X-Content-Type-Options", "nosniff")
                .expectBody(byte[].class)
                .returnResult()
                .getResponseBody();
        assertThat(new String(body, java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("hello <b>");
    }

    @Test
    void aComplianceCaseIsAbsentForAnAgentInTheQueueAndByUrlButShownToComplianceOfficers() {
        String caseId = openCase("acme", "COMPLIANCE_HOLD");
        // A compliance case is compliance's alone (its own tenant's people get 404 too, as in case-service).
        String id = uploadedId(
                COMPLIANCE, caseId, "BANK_STATEMENT", "statement.pdf", "application/pdf", Samples.pdf(3000, 511));

        String notice =
                uploadedId(COMPLIANCE, caseId, "ENFORCEMENT_NOTICE", "notice.png", "image/png", Samples.png(516));

        assertThat(page(AGENT, "/dashboard/evidence/?caseId=" + caseId, "en"))
                .doesNotContain("item-" + id)
                .as("no link to a case the agent may not open")
                .doesNotContain("id=\"case-link\"");
        assertThat(page(AGENT, "/dashboard/evidence/?caseId=no-such-case", "en"))
                .as("nor to a case that does not exist")
                .doesNotContain("id=\"case-link\"");
        assertThat(page(AGENT, "/dashboard/evidence/?requirement=ENFORCEMENT_NOTICE", "en"))
                .doesNotContain("item-" + notice);
        assertThat(page(COMPLIANCE, "/dashboard/evidence/?requirement=ENFORCEMENT_NOTICE", "en"))
                .contains("item-" + notice);
        assertThat(page(staff("staff_supervisor"), "/dashboard/evidence/?caseId=" + caseId, "en"))
                .doesNotContain("item-" + id);
        web.get()
                .uri("/dashboard/evidence/cases/{caseId}", caseId)
                .headers(h -> h.setBearerAuth(AGENT))
                .header("Accept-Language", "en")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody(String.class)
                .value(body -> assertThat(body)
                        .contains("Not found, or not yours to see.")
                        .doesNotContain("statement.pdf"));
        getAs(AGENT, "/dashboard/evidence/items/{id}/preview", id)
                .expectStatus()
                .isNotFound();
        verdictForm(AGENT, id, "en", "decision", "ACCEPT").expectStatus().isNotFound();
        assertThat(audited("evidence.restricted_access_refused", caseId)).isGreaterThanOrEqualTo(3);

        assertThat(page(COMPLIANCE, "/dashboard/evidence/?caseId=" + caseId, "en"))
                .contains("item-" + id, "id=\"case-link\"");
        assertThat(page(ADMIN, "/dashboard/evidence/cases/" + caseId, "en")).contains("statement.pdf");
    }

    @Test
    void theDashboardsOwnScriptAndStylesAreServedNextToTheSharedOnes() {
        getAs(AGENT, "/dashboard/evidence/assets/evidence.js")
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(script -> assertThat(script).contains("htmx:xhr:progress"));
        getAs(AGENT, "/dashboard/evidence/assets/evidence.css")
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith("text/css");
        getAs(AGENT, "/dashboard/evidence/assets/thaw.js").expectStatus().isOk();
    }

    @Test
    void merchantsHaveNoDashboard() {
        getAs(merchant("acme"), "/dashboard/evidence/").expectStatus().isNotFound();
    }

    @Test
    void onlyStaffWhoGiveVerdictsSeeTheVerdictForm() {
        String caseId = openCase("acme", "RISK_TXN");
        String id = acmesIdDocument(caseId, 512);

        assertThat(page(ADMIN, "/dashboard/evidence/?caseId=" + caseId, "en"))
                .contains("item-" + id)
                .doesNotContain("verdict-" + id);
        assertThat(page(AGENT, "/dashboard/evidence/?caseId=" + caseId, "en")).contains("verdict-" + id);
    }

    @Test
    void theCasePageShowsItemsWithHashesTheCustodyLogAndItsVerification() {
        String caseId = openCase("acme", "RISK_TXN");
        String id = acmesIdDocument(caseId, 513);
        String sha256 = (String)
                find("evidence", Criteria.where("_id").is(id)).getFirst().get("sha256");

        assertThat(page(AGENT, "/dashboard/evidence/cases/" + caseId, "en"))
                .contains(
                        "Evidence of case " + caseId,
                        "acme",
                        "RISK_TXN",
                        sha256,
                        "Awaiting review",
                        "Custody log",
                        "Uploaded",
                        "acme/acme-admin",
                        "hx-get=\"/dashboard/evidence/cases/" + caseId + "/custody/verify\"")
                .contains("hx-encoding=\"multipart/form-data\"", "<progress id=\"upload-progress\"");
        assertThat(fragment(AGENT, "/dashboard/evidence/cases/" + caseId + "/custody/verify", "en"))
                .contains("custody-intact", "The chain of 1 entries and every stored file are intact.");
        assertThat(fragment(AGENT, "/dashboard/evidence/cases/" + caseId + "/custody/verify", "zh-CN"))
                .contains("正常", "均完好");

        mongo.updateFirst(
                        Query.query(
                                Criteria.where("caseId").is(caseId).and("seq").is(1L)),
                        new Update().set("actor", "acme/nobody"),
                        CustodyLog.COLLECTION)
                .block();
        assertThat(fragment(AGENT, "/dashboard/evidence/cases/" + caseId + "/custody/verify", "en"))
                .contains("custody-broken", "First broken entry: #1")
                .doesNotContain("custody-intact");
    }

    @Test
    void legalHoldsArePlacedAndReleasedByComplianceAndTheControlsAreHiddenFromAgents() {
        String caseId = openCase("acme", "RISK_TXN");

        assertThat(page(AGENT, "/dashboard/evidence/cases/" + caseId, "en"))
                .contains("Legal holds", "No hold has been placed.")
                .doesNotContain("place-hold");
        assertThat(post(AGENT, "/dashboard/evidence/cases/" + caseId + "/holds", "en", form("reason", "mine"))
                        .expectStatus()
                        .isForbidden()
                        .expectBody(String.class)
                        .returnResult()
                        .getResponseBody())
                .contains("Your role does not allow this.");
        assertThat(page(COMPLIANCE, "/dashboard/evidence/cases/" + caseId, "en"))
                .contains("place-hold");

        assertThat(badRequestHtml(
                        post(COMPLIANCE, "/dashboard/evidence/cases/" + caseId + "/holds", "en", form("reason", ""))))
                .contains("Check the field \u201cReason\u201d");
        String held = html(post(
                COMPLIANCE,
                "/dashboard/evidence/cases/" + caseId + "/holds",
                "en",
                form("reason", "regulator's notice 42")));
        assertThat(held).contains("id=\"holds\"", "regulator&#39;s notice 42", "Active", "Under legal hold");
        String holdId = (String) ((java.util.List<org.bson.Document>)
                        find("case_files", Criteria.where("_id").is(caseId))
                                .getFirst()
                                .get("holds"))
                .getFirst()
                .get("holdId");

        String released = html(post(
                ADMIN,
                "/dashboard/evidence/cases/" + caseId + "/holds/" + holdId + "/release",
                "zh-CN",
                form("reason", "notice withdrawn")));
        assertThat(released)
                .contains("已由 thaw/staff-platform_admin", "notice withdrawn")
                .doesNotContain("release-reason-");
    }

    @Test
    void anUploadFromTheCasePageIsStoredAndAMissingRequirementIsRefusedWithAMessage() {
        String caseId = openCase("acme", "RISK_TXN");
        byte[] pdf = Samples.pdf(5000, 514);

        MultipartBodyBuilder form = new MultipartBodyBuilder();
        form.part("requirementCode", "BANK_STATEMENT");
        form.part("expiryDate", "");
        form.part("file", pdf).filename("statement.pdf").contentType(MediaType.APPLICATION_PDF);
        String answer = html(web.post()
                .uri("/dashboard/evidence/cases/{caseId}/items", caseId)
                .headers(h -> h.setBearerAuth(AGENT))
                .header("HX-Request", "true")
                .header("Accept-Language", "en")
                .body(BodyInserters.fromMultipartData(form.build()))
                .exchange());
        assertThat(answer).contains("Stored statement.pdf", "hx-swap-oob=\"true\"", "Bank statement");
        assertThat(count(
                        "evidence",
                        Criteria.where("caseId")
                                .is(caseId)
                                .and("fileName")
                                .is("statement.pdf")
                                .and("uploadedBy")
                                .is("thaw/staff-staff_agent")))
                .isEqualTo(1);

        MultipartBodyBuilder missing = new MultipartBodyBuilder();
        missing.part("requirementCode", "");
        missing.part("file", Samples.png(515)).filename("x.png").contentType(MediaType.IMAGE_PNG);
        assertThat(badRequestHtml(web.post()
                        .uri("/dashboard/evidence/cases/{caseId}/items", caseId)
                        .headers(h -> h.setBearerAuth(AGENT))
                        .header("HX-Request", "true")
                        .header("Accept-Language", "zh-CN")
                        .body(BodyInserters.fromMultipartData(missing.build()))
                        .exchange()))
                .contains("有内容缺失或无效", "材料要求");
        assertThat(count("evidence", Criteria.where("caseId").is(caseId))).isEqualTo(1);
    }

    // ---- helpers ----

    /** An enterprise's business licence whose stated expiry date is past: flagged expired on arrival. */
    private String expiredLicence(String caseId, long seed) {
        return uploadedId(
                merchant("acme"),
                caseId,
                "BUSINESS_LICENSE",
                "licence.png",
                "image/png",
                Samples.png(seed),
                java.util.Map.of("expiryDate", "2020-06-30"));
    }

    private String page(String token, String path, String language) {
        return web.get()
                .uri(path)
                .headers(h -> h.setBearerAuth(token))
                .header("Accept-Language", language)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
    }

    private String fragment(String token, String path, String language) {
        return html(web.get()
                .uri(path)
                .headers(h -> h.setBearerAuth(token))
                .header("Accept-Language", language)
                .header("HX-Request", "true")
                .exchange());
    }

    /** The item's verdict form sent as {@code token} on a page in {@code language}, with these fields. */
    private WebTestClient.ResponseSpec verdictForm(String token, String id, String language, String... namesAndValues) {
        return post(token, "/dashboard/evidence/items/" + id + "/verdict", language, form(namesAndValues));
    }

    private WebTestClient.ResponseSpec post(
            String token, String path, String language, MultiValueMap<String, HttpEntity<?>> form) {
        return web.post()
                .uri(path)
                .headers(h -> h.setBearerAuth(token))
                .header("Accept-Language", language)
                .header("HX-Request", "true")
                .body(BodyInserters.fromMultipartData(form))
                .exchange();
    }

    /** A write as the pages send it: multipart fields (see the controller: the gateway relays no urlencoded body). */
    private static MultiValueMap<String, HttpEntity<?>> form(String... namesAndValues) {
        MultipartBodyBuilder form = new MultipartBodyBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            form.part(namesAndValues[i], namesAndValues[i + 1]);
        }
        return form.build();
    }
}
