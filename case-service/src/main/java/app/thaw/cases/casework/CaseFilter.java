package app.thaw.cases.casework;

import java.time.Instant;
import java.util.List;

import app.thaw.cases.incident.CaseStatus;
import app.thaw.cases.incident.Readiness;
import app.thaw.cases.incident.Scenario;
import org.jspecify.annotations.Nullable;

/**
 * Which cases a read across cases lets through, as the store is asked for them (the API's queue,
 * the dashboard's, its statistics and the library share it).
 *
 * @param tenantIds   the tenants whose cases count; null for every tenant (staff only)
 * @param restricted  whether COMPLIANCE_HOLD cases count (compliance officers and platform admins)
 * @param open        only cases that are not CLOSED
 * @param readiness   only cases whose checklist stands so ({@link Readiness}), read from the stored checklist
 * @param atRiskBy    only cases with a clock breached and unmet, or one due by this instant
 * @param openedSince only cases opened at or after this instant
 * @param libraryText only cases whose review mentions this text (lower case)
 */
public record CaseFilter(
        @Nullable List<String> tenantIds,
        boolean restricted,
        @Nullable CaseStatus status,
        boolean open,
        @Nullable Scenario scenario,
        @Nullable String assignee,
        @Nullable Boolean drill,
        Readiness.@Nullable State readiness,
        @Nullable Instant atRiskBy,
        @Nullable Instant openedSince,
        @Nullable String libraryText) {

    public CaseFilter {
        tenantIds = tenantIds == null ? null : List.copyOf(tenantIds);
    }

    /** One tenant's cases, with or without the restricted ones. */
    public static CaseFilter ofTenant(String tenantId, boolean restricted) {
        return new CaseFilter(List.of(tenantId), restricted, null, false, null, null, null, null, null, null, null);
    }

    public CaseFilter openOnly() {
        return new CaseFilter(
                tenantIds,
                restricted,
                status,
                true,
                scenario,
                assignee,
                drill,
                readiness,
                atRiskBy,
                openedSince,
                libraryText);
    }

    public CaseFilter openedSince(Instant since) {
        return new CaseFilter(
                tenantIds,
                restricted,
                status,
                open,
                scenario,
                assignee,
                drill,
                readiness,
                atRiskBy,
                since,
                libraryText);
    }

    public CaseFilter closedMentioning(String text) {
        return new CaseFilter(
                tenantIds,
                restricted,
                CaseStatus.CLOSED,
                open,
                scenario,
                assignee,
                drill,
                readiness,
                atRiskBy,
                openedSince,
                text);
    }
}
