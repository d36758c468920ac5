package app.thaw.cases.checklist.web;

import app.thaw.cases.access.CaseAccess;
import app.thaw.cases.casework.CaseService;
import app.thaw.cases.casework.web.CaseResponse;
import app.thaw.cases.casework.web.CaseResponses;
import app.thaw.cases.incident.ChecklistStatus;
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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/cases/{id}/checklist")
class ChecklistController {

    private final CaseService cases;

    ChecklistController(CaseService cases) {
        this.cases = cases;
    }

    record StatusRequest(
            @NotBlank String status,
            @Size(max = 2000) @Nullable String rejectionReason) {}

    @PutMapping("/{code}")
    @AllowedRoles({
        ThawRoles.STAFF_AGENT,
        ThawRoles.STAFF_SUPERVISOR,
        ThawRoles.COMPLIANCE_OFFICER,
        ThawRoles.PLATFORM_ADMIN
    })
    @Operation(
            summary =
                    "Staff set a checklist requirement's status (MISSING, RECEIVED, ACCEPTED, REJECTED with a reason)")
    Mono<ResponseEntity<CaseResponse>> setStatus(
            @PathVariable String id,
            @PathVariable String code,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
            @Valid @RequestBody StatusRequest request) {
        return CaseResponses.ok(CurrentCaller.get().flatMap(caller -> {
            CaseAccess.requireStaff(caller);
            ChecklistStatus status = CaseProblems.code(ChecklistStatus.class, request.status(), "status");
            return cases.change(
                    id,
                    CaseProblems.ifMatch(ifMatch),
                    (c, tenant, now, actor) ->
                            c.setChecklistStatus(code, status, request.rejectionReason(), now, actor));
        }));
    }
}
