package app.thaw.cases.casework.internal;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import app.thaw.cases.casework.CaseFilter;
import app.thaw.cases.incident.CaseStatus;
import app.thaw.cases.incident.ChecklistStatus;
import org.springframework.data.mongodb.core.query.Criteria;

/** A {@link CaseFilter} as the store's query: one criterion per condition, all of which must hold. */
final class CaseCriteria {

    private CaseCriteria() {}

    static List<Criteria> of(CaseFilter filter) {
        List<Criteria> where = new ArrayList<>();
        List<String> tenants = filter.tenantIds();
        if (tenants != null) {
            where.add(
                    tenants.size() == 1
                            ? Criteria.where("tenantId").is(tenants.getFirst())
                            : Criteria.where("tenantId").in(tenants));
        }
        if (!filter.restricted()) {
            where.add(Criteria.where("restricted").is(false));
        }
        if (filter.status() != null) {
            where.add(Criteria.where("status").is(filter.status().name()));
        }
        if (filter.open()) {
            where.add(Criteria.where("status").ne(CaseStatus.CLOSED.name()));
        }
        if (filter.scenario() != null) {
            where.add(Criteria.where("scenario").is(filter.scenario().name()));
        }
        if (filter.assignee() != null) {
            where.add(Criteria.where("assignee").is(filter.assignee()));
        }
        if (filter.drill() != null) {
            where.add(Criteria.where("drill").is(filter.drill()));
        }
        if (filter.readiness() != null) {
            // The same rule as Readiness.of, on the stored checklist's statuses.
            where.add(
                    switch (filter.readiness()) {
                        case REJECTED -> Criteria.where("checklist.status").is(ChecklistStatus.REJECTED.name());
                        case MISSING ->
                            new Criteria()
                                    .andOperator(
                                            Criteria.where("checklist.status").ne(ChecklistStatus.REJECTED.name()),
                                            Criteria.where("checklist.status")
                                                    .in(
                                                            ChecklistStatus.MISSING.name(),
                                                            ChecklistStatus.RECEIVED.name()));
                        case READY ->
                            new Criteria()
                                    .andOperator(
                                            Criteria.where("checklist.0").exists(true),
                                            Criteria.where("checklist.status")
                                                    .nin(
                                                            ChecklistStatus.MISSING.name(),
                                                            ChecklistStatus.RECEIVED.name(),
                                                            ChecklistStatus.REJECTED.name()));
                    });
        }
        if (filter.atRiskBy() != null) {
            Date horizon = Date.from(filter.atRiskBy());
            where.add(new Criteria()
                    .orOperator(
                            Criteria.where("nextClockDueAt").lte(horizon),
                            Criteria.where("unmetBreach").is(true)));
        }
        if (filter.openedSince() != null) {
            where.add(Criteria.where("openedAt").gte(Date.from(filter.openedSince())));
        }
        if (filter.libraryText() != null) {
            where.add(Criteria.where("libraryText")
                    .regex(Pattern.quote(filter.libraryText().toLowerCase(Locale.ROOT))));
        }
        return where;
    }
}
