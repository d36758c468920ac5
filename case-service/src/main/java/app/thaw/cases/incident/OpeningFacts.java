package app.thaw.cases.incident;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What intake knows when a case opens.
 *
 * @param statedScope    the scope the holder stated, if known
 * @param forcedScenario a scenario fixed by whoever opened it (an alert, a drill), skipping the suggestion
 * @param sourceAlertId  the alert that opened the case, if one did
 */
public record OpeningFacts(
        String tenantId,
        String reference,
        boolean drill,
        Holder holder,
        String platform,
        Notice notice,
        @Nullable Money frozenAmount,
        @Nullable FreezeScope statedScope,
        Instant detectedAt,
        @Nullable Scenario forcedScenario,
        @Nullable String sourceAlertId,
        @Nullable String assignee) {}
