package app.thaw.evidence.download;

import java.util.Arrays;

import app.thaw.evidence.support.EvidenceWebTestSupport;
import app.thaw.evidence.support.Samples;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

class DownloadWebTests extends EvidenceWebTestSupport {

    @Test
    void aDownloadIsAnAttachmentWithNosniffAndTheWholeContent() {
        String caseId = openCase("acme", "RISK_TXN");
        byte[] content = Samples.pdf(2 * 1024 * 1024 + 5, 60);
        String id = uploadedId(merchant("acme"), caseId, "BANK_STATEMENT", "報告 \"q1\".pdf", "application/pdf", content);

        byte[] body = bigWeb().get().uri("/api/v1/evidence/items/{id}/content", id).headers(h -> h.setBearerAuth(merchant("acme")))
                .exchange().expectStatus().isOk()
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals(HttpHeaders.ACCEPT_RANGES, "bytes")
                .expectHeader().value(HttpHeaders.CONTENT_DISPOSITION, disposition -> assertThat(disposition)
                        .startsWith("attachment;").contains("filename*=UTF-8''").doesNotContain("\"q1\""))
                .expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(body).isEqualTo(content);
    }

    @Test
    void aRangeAcrossChunkBoundariesAnswers206WithExactlyThoseBytes() {
        String caseId = openCase("acme", "RISK_TXN");
        byte[] content = Samples.pdf(3 * 1024 * 1024, 61);
        String id = uploadedId(merchant("acme"), caseId, "BANK_STATEMENT", "r.pdf", "application/pdf", content);
        long from = 1024 * 1024 - 10;
        long to = 2 * 1024 * 1024 + 9;

        byte[] body = bigWeb().get().uri("/api/v1/evidence/items/{id}/content", id)
                .headers(h -> {
                    h.setBearerAuth(merchant("acme"));
                    h.set(HttpHeaders.RANGE, "bytes=" + from + "-" + to);
                })
                .exchange().expectStatus().isEqualTo(206)
                .expectHeader().valueEquals(HttpHeaders.CONTENT_RANGE, "bytes " + from + "-" + to + "/" + content.length)
                .expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(body).isEqualTo(Arrays.copyOfRange(content, (int) from, (int) to + 1));

        web.get().uri("/api/v1/evidence/items/{id}/content", id)
                .headers(h -> {
                    h.setBearerAuth(merchant("acme"));
                    h.set(HttpHeaders.RANGE, "bytes=" + content.length + "-");
                })
                .exchange().expectStatus().isEqualTo(416);
    }
}
