package app.thaw.cases.incident;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One contact with the freezing platform (docs/domain.md §7).
 *
 * @param promisedReplyAt when the platform promised to answer
 * @param statedCycleDays a processing cycle the platform stated, in business days
 */
public record ContactEntry(
        String id,
        ContactChannel channel,
        Instant at,
        @Nullable String ticketNumber,
        @Nullable String agent,
        String summary,
        @Nullable String nextStep,
        @Nullable Instant promisedReplyAt,
        @Nullable Integer statedCycleDays,
        String loggedBy) {}
