package app.thaw.cases.casework;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import app.thaw.cases.access.CaseAccess;
import app.thaw.cases.incident.CaseStatus;
import app.thaw.cases.incident.Readiness;
import app.thaw.cases.incident.Scenario;
import app.thaw.platform.security.Caller;
import org.jspecify.annotations.Nullable;

/**
 * A page of the case queue.
 *
 * @param atRisk only cases with a clock breached and unmet, or due within the at-risk window
 * @param tenantId staff, and a partner bank for a merchant that linked it: one tenant's cases (staff
 *                 otherwise see every tenant's, a bank its own and its linked merchants')
 * @param readiness only cases whose checklist stands so ({@link Readiness}), read from the stored checklist
 */
public record CaseQuery(
        @Nullable CaseStatus status,
        @Nullable Scenario scenario,
        @Nullable String assignee,
        @Nullable Boolean atRisk,
        @Nullable Boolean drill,
        @Nullable String tenantId,
        @Nullable String cursor,
        @Nullable Integer limit,
        Readiness.@Nullable State readiness) {

    public CaseQuery(
            @Nullable CaseStatus status,
            @Nullable Scenario scenario,
            @Nullable String assignee,
            @Nullable Boolean atRisk,
            @Nullable Boolean drill,
            @Nullable String tenantId,
            @Nullable String cursor,
            @Nullable Integer limit) {
        this(status, scenario, assignee, atRisk, drill, tenantId, cursor, limit, null);
    }

    /** The cases {@code caller} may list that match the filters (the API's queue and the dashboard's share it). */
    CaseFilter filter(Caller caller, Instant now, Duration atRiskWindow) {
        return filter(caller, now, atRiskWindow, List.of());
    }

    /** As above, for a caller that also reaches {@code partnerOf}'s cases (the merchants that linked this bank). */
    CaseFilter filter(Caller caller, Instant now, Duration atRiskWindow, List<String> partnerOf) {
        List<String> tenants;
        if (!CaseAccess.staff(caller)) {
            List<String> reached = new ArrayList<>(partnerOf);
            reached.add(caller.tenantId());
            // A tenant the caller does not reach is no filter for it (as before links: its own cases).
            tenants = tenantId != null && reached.contains(tenantId)
                    ? List.of(tenantId)
                    : reached.size() == 1 ? List.of(caller.tenantId()) : reached;
        } else {
            tenants = tenantId == null ? null : List.of(tenantId);
        }
        return new CaseFilter(
                tenants,
                CaseAccess.seesRestricted(caller),
                status,
                false,
                scenario,
                assignee,
                drill,
                readiness,
                Boolean.TRUE.equals(atRisk) ? now.plus(atRiskWindow) : null,
                null,
                null);
    }
}
