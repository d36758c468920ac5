package app.thaw.cases.drill.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import app.thaw.cases.application.CaseProblems;
import app.thaw.cases.application.CaseService;
import app.thaw.cases.application.OpenCase;
import app.thaw.cases.incident.CaseClock;
import app.thaw.cases.incident.ClockState;
import app.thaw.cases.incident.EntityType;
import app.thaw.cases.incident.IncidentCase;
import app.thaw.cases.incident.Scenario;
import app.thaw.cases.incident.web.CaseResponse;
import app.thaw.cases.incident.web.CaseResponses;
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

    record DrillRequest(@NotBlank String scenario, @Nullable String holderType, @Size(max = 200) @Nullable String holderName,
                        @Size(max = 200) @Nullable String platform, @Nullable Instant detectedAt, @Size(max = 200) @Nullable String assignee) {
    }

    @PostMapping("/drills")
    @Operation(summary = "Start a drill: a simulated case of the chosen scenario, flagged as a drill everywhere, running the real playbook and clocks")
    Mono<ResponseEntity<CaseResponse>> start(@Valid @RequestBody DrillRequest request) {
        return CaseResponses.created(Mono.fromCallable(() -> CaseProblems.code(Scenario.class, request.scenario(), "scenario"))
                .flatMap(scenario -> {
                    EntityType type = request.holderType() == null ? EntityType.ENTERPRISE
                            : CaseProblems.code(EntityType.class, request.holderType(), "holderType");
                    String platform = request.platform() == null ? "Drill platform" : request.platform();
                    return cases.openDrill(scenario, new OpenCase(null, type, request.holderName() == null ? "Drill holder" : request.holderName(),
                            "DRILL-" + scenario, platform, "DRILL: simulated " + scenario + " incident at " + platform + ".", null, null, null,
                            request.detectedAt(), request.assignee()));
                }));
    }

    /** One step of the drill against its clock. */
    record Step(String clockId, String clock, String label, String ownerRole, Instant startedAt, Instant dueAt,
                long allowedSeconds, @Nullable Instant metAt, @Nullable Long tookSeconds, String result) {
    }

    record DrillReport(String caseId, String reference, String scenario, boolean drill, int steps, int metInTime, int late,
                       int breached, int pending, List<Step> timeline) {
    }

    @GetMapping("/{id}/drill-report")
    @Operation(summary = "A drill's report: each step's actual time against its clock, and which were late or breached")
    Mono<DrillReport> report(@PathVariable String id) {
        return cases.get(id).map(c -> {
            if (!c.drill()) {
                throw CaseProblems.notFound("drill report for case " + id + " (it is not a drill)");
            }
            return report(c);
        });
    }

    static DrillReport report(IncidentCase c) {
        List<Step> steps = c.clocks().stream().filter(clock -> clock.state() != ClockState.CANCELLED)
                .map(DrillsController::step).toList();
        return new DrillReport(c.id(), c.reference(), c.scenario().name(), c.drill(), steps.size(),
                count(steps, "MET_IN_TIME"), count(steps, "MET_LATE"), count(steps, "BREACHED"), count(steps, "PENDING"), steps);
    }

    private static int count(List<Step> steps, String result) {
        return (int) steps.stream().filter(step -> step.result().equals(result)).count();
    }

    private static Step step(CaseClock clock) {
        Duration took = clock.took();
        String result = clock.metAt() != null ? (clock.metAt().isAfter(clock.dueAt()) ? "MET_LATE" : "MET_IN_TIME")
                : clock.state() == ClockState.BREACHED ? "BREACHED" : "PENDING";
        return new Step(clock.id(), clock.kind().name(), clock.label(), clock.ownerRole(), clock.startedAt(), clock.dueAt(),
                Duration.between(clock.startedAt(), clock.dueAt()).toSeconds(), clock.metAt(), took == null ? null : took.toSeconds(), result);
    }
}
