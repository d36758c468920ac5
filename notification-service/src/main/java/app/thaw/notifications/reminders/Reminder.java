package app.thaw.notifications.reminders;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A reminder that fired for a deadline: which clock, how long before it was due, and whether it was
 * acknowledged (an urgent one that is not escalates to the supervisors).
 */
public record Reminder(
        String id,
        @Nullable String caseId,
        @Nullable String clockId,
        @Nullable String label,
        @Nullable String dueAt,
        @Nullable Long minutesBefore,
        boolean urgent,
        @Nullable Instant firedAt,
        @Nullable Instant acknowledgedAt,
        @Nullable Instant escalatedAt) {}
