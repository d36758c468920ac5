package app.thaw.cases.casework;

import app.thaw.cases.access.CaseAccess;
import app.thaw.cases.checklist.ChecklistCatalogue;
import app.thaw.cases.incident.FreezeScope;
import app.thaw.cases.incident.IncidentCase;
import app.thaw.cases.incident.MaterialsGrade;
import app.thaw.cases.incident.Scenario;
import app.thaw.cases.playbook.Playbooks;
import app.thaw.cases.problems.CaseProblems;
import app.thaw.platform.security.CurrentCaller;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Staff confirming or overriding a case's triage: the one rule the API ({@code POST /{id}/triage})
 * and the dashboard's triage form share — staff only, COMPLIANCE_HOLD only by those who see
 * restricted cases, the scenario's default scope, a reason on the timeline, the case re-planned on
 * the tenant's current playbook.
 */
public class StaffTriage {

    private final CaseService cases;
    private final Playbooks playbooks;

    public StaffTriage(CaseService cases, Playbooks playbooks) {
        this.cases = cases;
        this.playbooks = playbooks;
    }

    /** Codes as sent (validated here, each problem naming its field). */
    public Mono<IncidentCase> triage(
            String id,
            @Nullable Long expectedVersion,
            @Nullable String scenarioCode,
            @Nullable String scopeCode,
            @Nullable String gradeCode,
            String reason) {
        return CurrentCaller.get().flatMap(caller -> {
            CaseAccess.requireStaff(caller);
            Scenario scenario = CaseProblems.code(Scenario.class, scenarioCode, "scenario");
            FreezeScope scope = CaseProblems.optionalCode(FreezeScope.class, scopeCode, "scope");
            MaterialsGrade grade = CaseProblems.optionalCode(MaterialsGrade.class, gradeCode, "materialsGrade");
            if (scenario.restricted() && !CaseAccess.seesRestricted(caller)) {
                throw CaseProblems.forbidden("Only compliance officers may put a case under COMPLIANCE_HOLD.");
            }
            return cases.changeAsync(
                    id,
                    expectedVersion,
                    (c, tenant, now, actor) -> playbooks
                            .current(c.tenantId(), scenario)
                            .doOnNext(playbook -> c.triage(
                                    scenario,
                                    scope == null ? scenario.defaultScope() : scope,
                                    grade == null && scenario == Scenario.MATERIALS_DEFICIENT
                                            ? MaterialsGrade.MINOR_OMISSION
                                            : grade,
                                    reason,
                                    playbook.plan(ChecklistCatalogue.derive(
                                            scenario, c.holder().type())),
                                    tenant.policy(),
                                    now,
                                    actor))
                            .then());
        });
    }
}
