package app.thaw.cases.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class AppealLetterApiTests extends CaseApiTests {

    String prepared(String tenant) {
        String id = open(tenant, RISK_NOTICE);
        String admin = token(tenant, "merchant_admin");
        logContact(
                        id,
                        admin,
                        "PHONE",
                        "2025-09-30T03:00:00Z",
                        "ticketNumber",
                        "T-2041",
                        "agent",
                        "客服 7 号",
                        "summary",
                        "说明了冻结原因",
                        "nextStep",
                        "补交发票",
                        "promisedReplyAt",
                        "2025-10-03T03:00:00Z")
                .expectStatus()
                .isOk();
        putJson(
                        token("thaw", "staff_agent"),
                        "/api/v1/cases/{id}/checklist/BANK_STATEMENT",
                        Map.of("status", "ACCEPTED"),
                        id)
                .expectStatus()
                .isOk();
        return id;
    }

    @Test
    void theChineseLetterPairsEachReasonWithItsProofAndRecapsTheContacts() {
        String id = prepared("appeal1");

        String html = web.get()
                .uri("/api/v1/cases/{id}/appeal-letter?lang=zh-CN", id)
                .headers(h -> h.setBearerAuth(token("appeal1", "merchant_admin")))
                .accept(MediaType.TEXT_HTML)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        assertThat(html)
                .contains("账户解冻申诉函", "连连支付", "ACC-778", "被标记交易的真实背景与用途不明", "银行流水", "已核验", "T-2041", "补交发票", "恳请贵方核实");
    }

    @Test
    void theEnglishLetterIsAPdfWhenAskedFor() throws Exception {
        String id = prepared("appeal2");

        byte[] pdf = web.get()
                .uri("/api/v1/cases/{id}/appeal-letter?lang=en", id)
                .headers(h -> h.setBearerAuth(token("appeal2", "merchant_admin")))
                .accept(MediaType.APPLICATION_PDF)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PDF)
                .expectBody(byte[].class)
                .returnResult()
                .getResponseBody();

        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text)
                    .contains(
                            "Appeal to lift the account freeze",
                            "Freeze reasons and their proofs",
                            "bank statement",
                            "T-2041");
        }
    }

    @Test
    void theChineseLetterIsAPdfWithItsChineseTextWithTheFontShippedInTheJar() throws Exception {
        String id = prepared("appeal3");

        byte[] pdf = getAs(
                        token("appeal3", "merchant_admin"),
                        "/api/v1/cases/{id}/appeal-letter?lang=zh-CN&format=pdf",
                        id)
                .expectStatus()
                .isOk()
                .expectBody(byte[].class)
                .returnResult()
                .getResponseBody();

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(document)).contains("账户解冻申诉函", "冻结原因与对应证明", "银行流水", "杭州小象贸易有限公司");
        }
    }

    @Test
    void anUnknownLanguageIsAValidationProblem() {
        String id = open("appeal4", RISK_NOTICE);
        getAs(token("appeal4", "merchant_admin"), "/api/v1/cases/{id}/appeal-letter?lang=fr", id)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("lang");
    }
}
