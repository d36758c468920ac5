package app.thaw.cases.review.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import app.thaw.cases.casework.CaseService;
import app.thaw.cases.casework.web.CaseResponse;
import app.thaw.cases.casework.web.CaseResponses;
import app.thaw.cases.incident.Review;
import app.thaw.cases.problems.CaseProblems;
import app.thaw.platform.security.AllowedRoles;
import app.thaw.platform.security.CaseWriters;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/cases")
// Every write takes the writers' roles; reads name their own (AllowedRoles.ANY_USER).
@CaseWriters
class ReviewController {

    private final CaseService cases;

    ReviewController(CaseService cases) {
        this.cases = cases;
    }

    record ActionItemRequest(
            @Nullable String id,
            @NotBlank @Size(max = 500) String title,
            @NotBlank @Size(max = 200) String owner,
            @NotNull LocalDate dueDate,
            @Nullable Boolean done) {}

    record ReviewRequest(
            @NotBlank @Size(max = 10000) String summary,
            @NotNull @Size(max = 20) List<@NotBlank @Size(max = 2000) String> whys,
            @NotNull @Size(max = 4000) String rootCause,
            @Size(max = 4000) @Nullable String penalty,
            @NotNull @Size(max = 4000) String fix,
            @NotNull @Size(max = 50) List<@Valid ActionItemRequest> actionItems) {}

    @PutMapping("/{id}/review")
    @Operation(
            summary =
                    "Write the post-incident review: summary, the chain of whys, root cause, penalty, fix, action items with owner and due date")
    Mono<ResponseEntity<CaseResponse>> write(
            @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
            @Valid @RequestBody ReviewRequest request) {
        return CaseResponses.changed(
                ifMatch,
                version -> cases.change(
                        id,
                        version,
                        (c, tenant, now, actor) -> c.writeReview(
                                new Review(
                                        request.summary(),
                                        request.whys(),
                                        request.rootCause(),
                                        request.penalty(),
                                        request.fix(),
                                        request.actionItems().stream()
                                                .map(item -> new Review.ActionItem(
                                                        item.id() == null
                                                                ? UUID.randomUUID()
                                                                        .toString()
                                                                : item.id(),
                                                        item.title(),
                                                        item.owner(),
                                                        item.dueDate(),
                                                        Boolean.TRUE.equals(item.done()),
                                                        Boolean.TRUE.equals(item.done()) ? now : null))
                                                .toList(),
                                        null,
                                        null),
                                now,
                                actor)));
    }

    @PostMapping("/{id}/review/complete")
    @Operation(
            summary =
                    "Complete the review (the whys reach the tenant's depth, a root cause is named); closing the case requires it")
    Mono<ResponseEntity<CaseResponse>> complete(
            @PathVariable String id, @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        return CaseResponses.changed(
                ifMatch,
                version -> cases.change(
                        id, version, (c, tenant, now, actor) -> c.completeReview(tenant.policy(), now, actor)));
    }

    @PostMapping("/{id}/review/action-items/{itemId}/done")
    @Operation(summary = "Mark a review action item done (also after the case closed)")
    Mono<ResponseEntity<CaseResponse>> actionItemDone(@PathVariable String id, @PathVariable String itemId) {
        return CaseResponses.ok(
                cases.change(id, null, (c, tenant, now, actor) -> c.completeActionItem(itemId, now, actor)));
    }

    record LibraryEntry(
            String caseId,
            String reference,
            String scenario,
            String platform,
            @Nullable String outcome,
            @Nullable Instant closedAt,
            String summary,
            String rootCause,
            @Nullable String penalty,
            String fix) {}

    record LibraryPage(List<LibraryEntry> items, @Nullable String nextCursor) {}

    @GetMapping("/library")
    @AllowedRoles(AllowedRoles.ANY_USER)
    @Operation(
            summary = "The tenant's case library: closed cases whose review mentions the text, newest first, by cursor")
    Mono<LibraryPage> library(
            @RequestParam @Size(min = 1, max = 200) String q,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable Integer limit) {
        if (q.isBlank() || q.length() > 200) {
            return Mono.error(CaseProblems.invalid("q", "Size", "must be 1 to 200 characters"));
        }
        return cases.searchLibrary(q.strip(), cursor, limit)
                .map(page -> new LibraryPage(
                        page.items().stream()
                                .filter(c -> c.review() != null)
                                .map(c -> new LibraryEntry(
                                        c.id(),
                                        c.reference(),
                                        c.scenario().name(),
                                        c.platform(),
                                        c.outcome() == null ? null : c.outcome().name(),
                                        c.closedAt(),
                                        c.review().summary(),
                                        c.review().rootCause(),
                                        c.review().penalty(),
                                        c.review().fix()))
                                .toList(),
                        page.nextCursor()));
    }
}
