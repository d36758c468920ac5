package app.thaw.cases.triage.web;

import app.thaw.cases.application.CaseAccess;
import app.thaw.cases.application.CaseProblems;
import app.thaw.cases.application.CaseService;
import app.thaw.cases.application.Playbooks;
import app.thaw.cases.checklist.ChecklistCatalogue;
import app.thaw.cases.incident.FreezeScope;
import app.thaw.cases.incident.MaterialsGrade;
import app.thaw.cases.incident.Scenario;
import app.thaw.cases.incident.web.CaseResponse;
import app.thaw.cases.incident.web.CaseResponses;
import app.thaw.platform.security.CurrentCaller;
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
    private final Playbooks playbooks;

    TriageController(CaseService cases, Playbooks playbooks) {
        this.cases = cases;
        this.playbooks = playbooks;
    }

    record PreviewRequest(@NotBlank @Size(max = 20000) String noticeText) {
    }

    @PostMapping("/triage")
    @Operation(summary = "Preview triage for a notice: suggested scenario and scope, matched phrases, confidence, extracted facts")
    Mono<CaseResponse.Triage> preview(@Valid @RequestBody PreviewRequest request) {
        return CurrentCaller.get().map(caller -> CaseResponse.Triage.of(cases.suggest(request.noticeText())));
    }

    record TriageRequest(@NotBlank String scenario, @Nullable String scope, @Nullable String materialsGrade,
                         @NotBlank @Size(max = 2000) String reason) {
    }

    @PostMapping("/{id}/triage")
    @Operation(summary = "Staff confirm or override a case's scenario and scope; an override re-plans the case and goes on the timeline with its reason")
    Mono<ResponseEntity<CaseResponse>> triage(@PathVariable String id, @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
                                              @Valid @RequestBody TriageRequest request) {
        return CaseResponses.ok(CurrentCaller.get().flatMap(caller -> {
            CaseAccess.requireStaff(caller);
            Scenario scenario = CaseProblems.code(Scenario.class, request.scenario(), "scenario");
            FreezeScope scope = CaseProblems.optionalCode(FreezeScope.class, request.scope(), "scope");
            MaterialsGrade grade = CaseProblems.optionalCode(MaterialsGrade.class, request.materialsGrade(), "materialsGrade");
            if (scenario.restricted() && !CaseAccess.seesRestricted(caller)) {
                throw CaseProblems.forbidden("Only compliance officers may put a case under COMPLIANCE_HOLD.");
            }
            return cases.changeAsync(id, CaseProblems.ifMatch(ifMatch), (c, tenant, now, actor) -> playbooks.current(c.tenantId(), scenario)
                    .doOnNext(playbook -> c.triage(scenario, scope == null ? scenario.defaultScope() : scope,
                            grade == null && scenario == Scenario.MATERIALS_DEFICIENT ? MaterialsGrade.MINOR_OMISSION : grade,
                            request.reason(), playbook.plan(ChecklistCatalogue.derive(scenario, c.holder().type())), tenant.policy(), now, actor))
                    .then());
        }));
    }
}
