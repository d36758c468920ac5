package app.thaw.cases.application;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import app.thaw.cases.incident.CaseStatus;
import app.thaw.cases.incident.ChecklistStatus;
import app.thaw.cases.incident.Readiness;
import app.thaw.cases.incident.Scenario;
import app.thaw.platform.security.Caller;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.query.Criteria;

/**
 * A page of the case queue.
 *
 * @param atRisk only cases with a clock breached and unmet, or due within the at-risk window
 * @param tenantId staff, and a partner bank for a merchant that linked it: one tenant's cases (staff
 *                 otherwise see every tenant's, a bank its own and its linked merchants')
 * @param readiness only cases whose checklist stands so ({@link Readiness}), read from the stored checklist
 */
public record CaseQuery(@Nullable CaseStatus status, @Nullable Scenario scenario, @Nullable String assignee,
                        @Nullable Boolean atRisk, @Nullable Boolean drill, @Nullable String tenantId,
                        @Nullable String cursor, @Nullable Integer limit, Readiness.@Nullable State readiness) {

    public CaseQuery(@Nullable CaseStatus status, @Nullable Scenario scenario, @Nullable String assignee, @Nullable Boolean atRisk,
                     @Nullable Boolean drill, @Nullable String tenantId, @Nullable String cursor, @Nullable Integer limit) {
        this(status, scenario, assignee, atRisk, drill, tenantId, cursor, limit, null);
    }

    /** The cases {@code caller} may list that match the filters (the API's queue and the dashboard's share it). */
    List<Criteria> criteria(Caller caller, Instant now, Duration atRiskWindow) {
        return criteria(caller, now, atRiskWindow, List.of());
    }

    /** As above, for a caller that also reaches {@code partnerOf}'s cases (the merchants that linked this bank). */
    List<Criteria> criteria(Caller caller, Instant now, Duration atRiskWindow, List<String> partnerOf) {
        List<Criteria> where = new ArrayList<>();
        boolean staff = CaseAccess.staff(caller);
        if (!staff) {
            List<String> reached = new ArrayList<>(partnerOf);
            reached.add(caller.tenantId());
            // A tenant the caller does not reach is no filter for it (as before links: its own cases).
            where.add(tenantId != null && reached.contains(tenantId) ? Criteria.where("tenantId").is(tenantId)
                    : reached.size() == 1 ? Criteria.where("tenantId").is(caller.tenantId()) : Criteria.where("tenantId").in(reached));
        } else if (tenantId != null) {
            where.add(Criteria.where("tenantId").is(tenantId));
        }
        if (!CaseAccess.seesRestricted(caller)) {
            where.add(Criteria.where("restricted").is(false));
        }
        if (status != null) {
            where.add(Criteria.where("status").is(status.name()));
        }
        if (scenario != null) {
            where.add(Criteria.where("scenario").is(scenario.name()));
        }
        if (assignee != null) {
            where.add(Criteria.where("assignee").is(assignee));
        }
        if (drill != null) {
            where.add(Criteria.where("drill").is(drill));
        }
        if (readiness != null) {
            // The same rule as Readiness.of, on the stored checklist's statuses.
            where.add(switch (readiness) {
                case REJECTED -> Criteria.where("checklist.status").is(ChecklistStatus.REJECTED.name());
                case MISSING -> new Criteria().andOperator(Criteria.where("checklist.status").ne(ChecklistStatus.REJECTED.name()),
                        Criteria.where("checklist.status").in(ChecklistStatus.MISSING.name(), ChecklistStatus.RECEIVED.name()));
                case READY -> new Criteria().andOperator(Criteria.where("checklist.0").exists(true),
                        Criteria.where("checklist.status").nin(ChecklistStatus.MISSING.name(), ChecklistStatus.RECEIVED.name(),
                                ChecklistStatus.REJECTED.name()));
            });
        }
        if (Boolean.TRUE.equals(atRisk)) {
            Date horizon = Date.from(now.plus(atRiskWindow));
            where.add(new Criteria().orOperator(Criteria.where("nextClockDueAt").lte(horizon), Criteria.where("unmetBreach").is(true)));
        }
        return where;
    }
}
