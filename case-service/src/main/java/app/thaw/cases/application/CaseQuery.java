package app.thaw.cases.application;

import app.thaw.cases.incident.CaseStatus;
import app.thaw.cases.incident.Scenario;
import org.jspecify.annotations.Nullable;

/**
 * A page of the case queue.
 *
 * @param atRisk only cases with a clock breached and unmet, or due within the at-risk window
 * @param tenantId staff only: one tenant's cases (staff otherwise see every tenant's)
 */
public record CaseQuery(@Nullable CaseStatus status, @Nullable Scenario scenario, @Nullable String assignee,
                        @Nullable Boolean atRisk, @Nullable Boolean drill, @Nullable String tenantId,
                        @Nullable String cursor, @Nullable Integer limit) {
}
