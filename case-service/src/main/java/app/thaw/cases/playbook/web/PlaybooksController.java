package app.thaw.cases.playbook.web;

import java.util.List;
import java.util.Map;
import java.util.Set;

import app.thaw.cases.access.CaseAccess;
import app.thaw.cases.casework.CaseService;
import app.thaw.cases.incident.ClockKind;
import app.thaw.cases.incident.Scenario;
import app.thaw.cases.playbook.Playbook;
import app.thaw.cases.playbook.Playbooks;
import app.thaw.cases.playbook.ScriptRenderer;
import app.thaw.cases.problems.CaseProblems;
import app.thaw.platform.problem.NotFound;
import app.thaw.platform.security.AllowedRoles;
import app.thaw.platform.security.CurrentCaller;
import app.thaw.platform.security.ThawRoles;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/cases")
class PlaybooksController {

    private final Playbooks playbooks;
    private final CaseService cases;
    private final ScriptRenderer renderer;

    PlaybooksController(Playbooks playbooks, CaseService cases, ScriptRenderer renderer) {
        this.playbooks = playbooks;
        this.cases = cases;
        this.renderer = renderer;
    }

    @GetMapping("/playbooks")
    @AllowedRoles(AllowedRoles.ANY_USER)
    @Operation(
            summary =
                    "The playbook version each scenario's new cases start with, for the caller's tenant (its own copy, else Thaw's default)")
    Mono<List<Playbook>> current() {
        return CurrentCaller.get()
                .flatMap(caller -> playbooks.currentAll(caller.tenantId()).collectList());
    }

    @GetMapping("/playbooks/{scenario}")
    @AllowedRoles(AllowedRoles.ANY_USER)
    @Operation(summary = "One scenario's current playbook for the caller's tenant, or a given version")
    Mono<Playbook> one(@PathVariable String scenario, @RequestParam(required = false) @Nullable Integer version) {
        return CurrentCaller.get().flatMap(caller -> {
            Scenario code = CaseProblems.code(Scenario.class, scenario, "scenario");
            if (version == null) {
                return playbooks.current(caller.tenantId(), code);
            }
            return playbooks
                    .byId(caller.tenantId(), Playbook.idOf(caller.tenantId(), code, version))
                    .switchIfEmpty(
                            playbooks.byId(caller.tenantId(), Playbook.idOf(Playbook.DEFAULT_OWNER, code, version)))
                    .switchIfEmpty(Mono.error(() -> new NotFound(code + " playbook version", String.valueOf(version))));
        });
    }

    record StepRequest(
            @NotNull Map<String, String> title,
            @NotBlank String ownerRole,
            @Nullable String clock,
            @Min(1) @Max(525_600) int dueMinutes,
            @Nullable Boolean fromDetection,
            @Nullable Boolean urgent,
            @Nullable Map<String, String> special) {}

    record VersionRequest(
            @Min(1) int basedOnVersion,
            @Nullable @Size(max = 50) List<@Valid StepRequest> steps,
            @Nullable Map<String, Map<String, String>> scripts) {}

    @PostMapping("/playbooks/{scenario}/versions")
    @AllowedRoles({
        ThawRoles.MERCHANT_ADMIN,
        ThawRoles.PARTNER_BANK,
        ThawRoles.STAFF_SUPERVISOR,
        ThawRoles.PLATFORM_ADMIN
    })
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary =
                    "Tenant admins: make the tenant's next playbook version (a copy of the current one when no steps are given)")
    Mono<Playbook> newVersion(@PathVariable String scenario, @Valid @RequestBody VersionRequest request) {
        return CurrentCaller.get().flatMap(caller -> {
            if (!CaseAccess.tenantAdmin(caller)) {
                throw CaseProblems.forbidden("Only the tenant's administrators edit its playbooks.");
            }
            Scenario code = CaseProblems.code(Scenario.class, scenario, "scenario");
            List<Playbook.Step> steps = new java.util.ArrayList<>();
            List<StepRequest> requested = request.steps() == null ? List.of() : request.steps();
            for (int i = 0; i < requested.size(); i++) {
                StepRequest step = requested.get(i);
                String field = "steps[" + i + "]";
                if (!ThawRoles.ALL.contains(step.ownerRole())) {
                    throw CaseProblems.invalid(
                            field + ".ownerRole", "OneOf", "must be one of " + new java.util.TreeSet<>(ThawRoles.ALL));
                }
                if (step.title().getOrDefault("en", "").isBlank()
                        || step.title().getOrDefault("zh", "").isBlank()) {
                    throw CaseProblems.invalid(field + ".title", "Languages", "needs both 'zh' and 'en'");
                }
                ClockKind clock = step.clock() == null
                        ? ClockKind.TASK_DUE
                        : CaseProblems.code(ClockKind.class, step.clock(), field + ".clock");
                steps.add(new Playbook.Step(
                        i + 1,
                        step.title(),
                        step.ownerRole(),
                        clock.name(),
                        step.dueMinutes(),
                        Boolean.TRUE.equals(step.fromDetection()),
                        Boolean.TRUE.equals(step.urgent()),
                        step.special() == null ? Map.of() : step.special()));
            }
            Map<String, Map<String, String>> scripts = request.scripts() == null ? Map.of() : request.scripts();
            return playbooks.createVersion(
                    caller.tenantId(),
                    code,
                    request.basedOnVersion(),
                    steps,
                    scripts,
                    cases.now(),
                    CaseAccess.actor(caller));
        });
    }

    record ScriptsResponse(String caseId, String lang, Map<String, String> scripts) {}

    private static final Set<String> LANGUAGES = Set.of("zh-CN", "zh", "en");

    @GetMapping("/{id}/scripts")
    @AllowedRoles(AllowedRoles.ANY_USER)
    @Operation(
            summary =
                    "The case's communication scripts, filled with its facts (lang zh-CN or en); a restricted case's holder messages are the fixed notice")
    Mono<ScriptsResponse> scripts(@PathVariable String id, @RequestParam(defaultValue = "zh-CN") String lang) {
        if (!LANGUAGES.contains(lang)) {
            return Mono.error(CaseProblems.invalid("lang", "OneOf", "must be zh-CN or en"));
        }
        String key = lang.startsWith("zh") ? "zh" : "en";
        return cases.get(id)
                .flatMap(c -> cases.tenantOf(c)
                        .flatMap(tenant -> playbooks
                                .byId(c.tenantId(), String.valueOf(c.playbookId()))
                                .map(playbook -> new ScriptsResponse(
                                        c.id(), lang, renderer.render(c, playbook.scripts(), key, tenant.zone())))));
    }
}
