package app.thaw.cases.appeal;

import java.nio.charset.StandardCharsets;

import app.thaw.cases.casework.CaseService;
import app.thaw.cases.playbook.Playbooks;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * A case's appeal letter as the API and the dashboard both serve it: the case as the caller may
 * read it, in its tenant's time zone, with its playbook's scripts; HTML, or a PDF.
 */
public final class AppealLetterService {

    private final CaseService cases;
    private final Playbooks playbooks;
    private final AppealLetters letters;

    public AppealLetterService(CaseService cases, Playbooks playbooks, AppealLetters letters) {
        this.cases = cases;
        this.playbooks = playbooks;
        this.letters = letters;
    }

    /**
     * @param lang zh-CN or en
     * @throws AppealLetters.NoCjkFont (in the answer) when a PDF needs a Chinese font the service was not given
     */
    public Mono<Letter> letter(String caseId, String lang, boolean pdf) {
        String key = lang.startsWith("zh") ? "zh" : "en";
        return cases.get(caseId)
                .flatMap(c -> cases.tenantOf(c)
                        .zipWith(playbooks.byId(c.tenantId(), String.valueOf(c.playbookId())))
                        .map(found -> letters.html(
                                c, found.getT2().scripts(), key, found.getT1().zone(), cases.now()))
                        .flatMap(html -> !pdf
                                ? Mono.just(new Letter(null, html.getBytes(StandardCharsets.UTF_8)))
                                // Layout and font loading block: off the event loop.
                                : Mono.fromCallable(() -> letters.pdf(html, key.equals("zh")))
                                        .subscribeOn(Schedulers.boundedElastic())
                                        .map(bytes ->
                                                new Letter("appeal-" + c.reference() + "-" + lang + ".pdf", bytes))));
    }

    /** @param pdfName the PDF's file name; absent for HTML */
    public record Letter(@Nullable String pdfName, byte[] content) {

        /** The letter as an HTTP answer: HTML in UTF-8, or the PDF with its name, shown as {@code disposition}. */
        public ResponseEntity<byte[]> response(String disposition) {
            if (pdfName == null) {
                return ResponseEntity.ok()
                        .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                        .body(content);
            }
            return ResponseEntity.ok()
                    .contentType(MediaType.APPLICATION_PDF)
                    .header(HttpHeaders.CONTENT_DISPOSITION, disposition + "; filename=\"" + pdfName + "\"")
                    .body(content);
        }
    }
}
