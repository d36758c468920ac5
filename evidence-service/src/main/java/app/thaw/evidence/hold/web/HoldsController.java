package app.thaw.evidence.hold.web;

import java.time.Instant;
import java.util.List;

import app.thaw.evidence.casefile.CaseAccess;
import app.thaw.evidence.casefile.CaseFile;
import app.thaw.evidence.casefile.CaseId;
import app.thaw.evidence.casefile.LegalHold;
import app.thaw.evidence.hold.Holds;
import app.thaw.platform.security.AllowedRoles;
import app.thaw.platform.security.CaseWriters;
import app.thaw.platform.security.CurrentCaller;
import app.thaw.platform.security.ThawRoles;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/evidence/cases/{caseId}/holds")
class HoldsController {

    private final Holds holds;
    private final CaseAccess cases;

    HoldsController(Holds holds, CaseAccess cases) {
        this.holds = holds;
        this.cases = cases;
    }

    record HoldRequest(@NotBlank @Size(max = 500) String reason) {}

    record HoldResponse(
            String holdId,
            String reason,
            String placedBy,
            Instant placedAt,
            boolean automatic,
            boolean active,
            @Nullable String releasedBy,
            @Nullable Instant releasedAt,
            @Nullable String releaseReason) {

        static HoldResponse of(LegalHold hold) {
            return new HoldResponse(
                    hold.holdId(),
                    hold.reason(),
                    hold.placedBy(),
                    hold.placedAt(),
                    hold.automatic(),
                    hold.active(),
                    hold.releasedBy(),
                    hold.releasedAt(),
                    hold.releaseReason());
        }
    }

    record HoldsResponse(String caseId, boolean held, List<HoldResponse> holds) {

        static HoldsResponse of(CaseFile file) {
            return new HoldsResponse(
                    file.caseId().value(),
                    file.activeHold().isPresent(),
                    file.holds().stream().map(HoldResponse::of).toList());
        }
    }

    @Operation(summary = "List the case's legal holds, released ones included")
    @GetMapping
    @CaseWriters
    Mono<HoldsResponse> list(@PathVariable String caseId) {
        return CurrentCaller.get()
                .flatMap(caller -> cases.open(caller, new CaseId(caseId)))
                .map(HoldsResponse::of);
    }

    @Operation(
            summary = "Place a legal hold (compliance_officer or platform_admin): nothing of the case can be deleted, "
                    + "overwritten or expired until it is released")
    @PostMapping
    @AllowedRoles({ThawRoles.COMPLIANCE_OFFICER, ThawRoles.PLATFORM_ADMIN})
    @ResponseStatus(HttpStatus.CREATED)
    Mono<HoldsResponse> place(@PathVariable String caseId, @Valid @RequestBody HoldRequest request) {
        return CurrentCaller.get()
                .flatMap(caller -> holds.place(caller, new CaseId(caseId), request.reason()))
                .map(HoldsResponse::of);
    }

    @Operation(
            summary =
                    "Release a legal hold (compliance_officer or platform_admin); the release is recorded, never erased")
    @PostMapping("/{holdId}/release")
    @AllowedRoles({ThawRoles.COMPLIANCE_OFFICER, ThawRoles.PLATFORM_ADMIN})
    Mono<HoldsResponse> release(
            @PathVariable String caseId, @PathVariable String holdId, @Valid @RequestBody HoldRequest request) {
        return CurrentCaller.get()
                .flatMap(caller -> holds.release(caller, new CaseId(caseId), holdId, request.reason()))
                .map(HoldsResponse::of);
    }
}
