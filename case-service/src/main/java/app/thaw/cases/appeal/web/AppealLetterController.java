package app.thaw.cases.appeal.web;

import java.util.Set;

import app.thaw.cases.appeal.AppealLetterService;
import app.thaw.cases.appeal.AppealLetters;
import app.thaw.cases.problems.CaseProblems;
import app.thaw.platform.problem.ThawProblem;
import app.thaw.platform.security.AllowedRoles;
import io.swagger.v3.oas.annotations.Operation;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/cases")
class AppealLetterController {

    private static final Set<String> LANGUAGES = Set.of("zh-CN", "en");

    private final AppealLetterService letters;

    AppealLetterController(AppealLetterService letters) {
        this.letters = letters;
    }

    @GetMapping(
            path = "/{id}/appeal-letter",
            produces = {MediaType.TEXT_HTML_VALUE, MediaType.APPLICATION_PDF_VALUE})
    @AllowedRoles(AllowedRoles.ANY_USER)
    @Operation(
            summary =
                    "The case's appeal letter (opening statement, reason → proof pairs, request, contact recap) as HTML or, with Accept: application/pdf or format=pdf, as PDF")
    Mono<ResponseEntity<byte[]>> letter(
            @PathVariable String id,
            @RequestParam(defaultValue = "zh-CN") String lang,
            @RequestParam(required = false) @Nullable String format,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) @Nullable String accept) {
        if (!LANGUAGES.contains(lang)) {
            return Mono.error(CaseProblems.invalid("lang", "OneOf", "must be zh-CN or en"));
        }
        if (format != null && !format.equals("html") && !format.equals("pdf")) {
            return Mono.error(CaseProblems.invalid("format", "OneOf", "must be html or pdf"));
        }
        boolean pdf = "pdf".equals(format)
                || format == null
                        && accept != null
                        && accept.contains(MediaType.APPLICATION_PDF_VALUE)
                        && !accept.contains(MediaType.TEXT_HTML_VALUE);
        return letters.letter(id, lang, pdf)
                .onErrorMap(
                        AppealLetters.NoCjkFont.class,
                        missing -> new ThawProblem(
                                HttpStatus.SERVICE_UNAVAILABLE, "pdf_font_unavailable", missing.getMessage()))
                .map(letter -> letter.response("inline"));
    }
}
