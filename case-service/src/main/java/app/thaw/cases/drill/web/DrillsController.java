package app.thaw.cases.drill.web;

import java.time.Instant;

import app.thaw.cases.casework.CaseService;
import app.thaw.cases.casework.OpenCase;
import app.thaw.cases.casework.web.CaseResponse;
import app.thaw.cases.casework.web.CaseResponses;
import app.thaw.cases.drill.DrillReport;
import app.thaw.cases.incident.EntityType;
import app.thaw.cases.incident.Scenario;
import app.thaw.cases.problems.CaseProblems;
import app.thaw.platform.problem.NotFound;
import app.thaw.platform.security.AllowedRoles;
import app.thaw.platform.security.CaseWriters;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/cases")
class DrillsController {

    private final CaseService cases;

    DrillsController(CaseService cases) {
        this.cases = cases;
    }

    record DrillRequest(
            @NotBlank String scenario,
            @Nullable String holderType,
            @Size(max = 200) @Nullable String holderName,
            @Size(max = 200) @Nullable String platform,
            @Nullable Instant detectedAt,
            @Size(max = 200) @Nullable String assignee) {}

    @PostMapping("/drills")
    @CaseWriters
    @Operation(
            summary =
                    "Start a drill: a simulated case of the chosen scenario, flagged as a drill everywhere, running the real playbook and clocks")
    Mono<ResponseEntity<CaseResponse>> start(@Valid @RequestBody DrillRequest request) {
        return CaseResponses.created(Mono.fromCallable(
                        () -> CaseProblems.code(Scenario.class, request.scenario(), "scenario"))
                .flatMap(scenario -> {
                    EntityType type = request.holderType() == null
                            ? EntityType.ENTERPRISE
                            : CaseProblems.code(EntityType.class, request.holderType(), "holderType");
                    String platform = request.platform() == null ? "Drill platform" : request.platform();
                    return cases.openDrill(
                            scenario,
                            new OpenCase(
                                    null,
                                    type,
                                    request.holderName() == null ? "Drill holder" : request.holderName(),
                                    "DRILL-" + scenario,
                                    platform,
                                    "DRILL: simulated " + scenario + " incident at " + platform + ".",
                                    null,
                                    null,
                                    null,
                                    request.detectedAt(),
                                    request.assignee()));
                }));
    }

    @GetMapping("/{id}/drill-report")
    @AllowedRoles(AllowedRoles.ANY_USER)
    @Operation(summary = "A drill's report: each step's actual time against its clock, and which were late or breached")
    Mono<DrillReport> report(@PathVariable String id) {
        return cases.get(id).map(c -> {
            if (!c.drill()) {
                throw new NotFound("drill report (the case is no drill) for case", id);
            }
            return DrillReport.of(c);
        });
    }
}
