package app.thaw.cases.triage.web;

import app.thaw.cases.casework.CaseService;
import app.thaw.cases.casework.StaffTriage;
import app.thaw.cases.casework.web.CaseResponse;
import app.thaw.cases.casework.web.CaseResponses;
import app.thaw.cases.problems.CaseProblems;
import app.thaw.platform.security.AllowedRoles;
import app.thaw.platform.security.CurrentCaller;
import app.thaw.platform.security.ThawRoles;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/cases")
class TriageController {

    private final CaseService cases;
    private final StaffTriage triage;

    TriageController(CaseService cases, StaffTriage triage) {
        this.cases = cases;
        this.triage = triage;
    }

    record PreviewRequest(@NotBlank @Size(max = 20000) String noticeText) {}

    @PostMapping("/triage")
    @AllowedRoles(AllowedRoles.ANY_USER)
    @Operation(
            summary =
                    "Preview triage for a notice: suggested scenario and scope, matched phrases, confidence, extracted facts")
    Mono<CaseResponse.Triage> preview(@Valid @RequestBody PreviewRequest request) {
        return CurrentCaller.get().map(caller -> CaseResponse.Triage.of(cases.suggest(request.noticeText())));
    }

    record TriageRequest(
            @NotBlank String scenario,
            @Nullable String scope,
            @Nullable String materialsGrade,
            @NotBlank @Size(max = 2000) String reason) {}

    @PostMapping("/{id}/triage")
    @AllowedRoles({
        ThawRoles.STAFF_AGENT,
        ThawRoles.STAFF_SUPERVISOR,
        ThawRoles.COMPLIANCE_OFFICER,
        ThawRoles.PLATFORM_ADMIN
    })
    @Operation(
            summary =
                    "Staff confirm or override a case's scenario and scope; an override re-plans the case and goes on the timeline with its reason")
    Mono<ResponseEntity<CaseResponse>> triage(
            @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
            @Valid @RequestBody TriageRequest request) {
        return CaseResponses.ok(Mono.defer(() -> triage.triage(
                id,
                CaseProblems.ifMatch(ifMatch),
                request.scenario(),
                request.scope(),
                request.materialsGrade(),
                request.reason())));
    }
}
