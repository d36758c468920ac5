package app.thaw.evidence.custody.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import app.thaw.evidence.casefile.CaseAccess;
import app.thaw.evidence.casefile.CaseId;
import app.thaw.evidence.casefile.EvidenceProperties;
import app.thaw.evidence.custody.CustodyEntry;
import app.thaw.evidence.custody.CustodyLog;
import app.thaw.evidence.integrity.CustodyChecks;
import app.thaw.platform.security.CaseWriters;
import app.thaw.platform.security.CurrentCaller;
import io.swagger.v3.oas.annotations.Operation;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/evidence/cases/{caseId}/custody")
class CustodyController {

    private final CaseAccess cases;
    private final CustodyLog log;
    private final CustodyChecks checks;
    private final EvidenceProperties properties;

    CustodyController(CaseAccess cases, CustodyLog log, CustodyChecks checks, EvidenceProperties properties) {
        this.cases = cases;
        this.log = log;
        this.checks = checks;
        this.properties = properties;
    }

    record EntryResponse(
            long seq,
            String action,
            @Nullable String evidenceId,
            @Nullable String contentSha256,
            String actor,
            Instant at,
            Map<String, String> details,
            String previousHash,
            String hash) {

        static EntryResponse of(CustodyEntry entry) {
            return new EntryResponse(
                    entry.seq(),
                    entry.action().name(),
                    entry.evidenceId(),
                    entry.contentSha256(),
                    entry.actor(),
                    entry.at(),
                    entry.details(),
                    entry.previousHash(),
                    entry.hash());
        }
    }

    /** A page of entries; {@code next} is the seq to pass as {@code after} for the next page (null at the end). */
    record EntryPage(List<EntryResponse> entries, @Nullable Long next) {}

    @Operation(summary = "Read a case's custody log, oldest first, a page at a time (cursor: after=<seq>)")
    @GetMapping
    @CaseWriters
    Mono<EntryPage> entries(
            @PathVariable String caseId,
            @RequestParam(defaultValue = "0") long after,
            @RequestParam(required = false) @Nullable Integer limit) {
        int size = properties.pageSize().clamp(limit);
        return CurrentCaller.get()
                .flatMap(caller -> cases.open(caller, new CaseId(caseId)))
                .flatMap(file -> log.page(file.tenantId(), file.caseId().value(), after, size)
                        .map(EntryResponse::of)
                        .collectList())
                .map(page -> new EntryPage(
                        page, page.size() < size ? null : page.getLast().seq()));
    }

    @Operation(
            summary = "Recompute the case's custody hash chain and every file's SHA-256; names the first broken "
                    + "entry and each file whose content or record no longer matches")
    @GetMapping("/verify")
    @CaseWriters
    Mono<CustodyChecks.Report> verify(@PathVariable String caseId) {
        return CurrentCaller.get().flatMap(caller -> checks.verify(caller, new CaseId(caseId)));
    }
}
