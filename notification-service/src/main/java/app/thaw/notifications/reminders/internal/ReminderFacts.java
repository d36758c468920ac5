package app.thaw.notifications.reminders.internal;

import java.time.Instant;
import java.util.Map;

import app.thaw.notifications.templates.TemplateFacts;
import app.thaw.platform.events.EventData;
import org.jspecify.annotations.Nullable;

/**
 * What a reminder (and its escalation) is made of: the deadline its timer stored from the clock's
 * event, and the reminder's own id and lateness.
 *
 * @param minutesBefore how long before {@code dueAt} it was set to remind
 * @param late          fired after its time (the service was down when it fell due)
 */
record ReminderFacts(
        @Nullable String clockId,
        @Nullable String clock,
        @Nullable Instant dueAt,
        @Nullable Boolean urgent,
        @Nullable String label,
        @Nullable String caseId,
        @Nullable String reference,
        @Nullable String ownerRole,
        @Nullable String ownerUserId,
        @Nullable Long minutesBefore,
        @Nullable String reminderId,
        @Nullable Boolean late)
        implements TemplateFacts {

    /** The facts of a reminder from its timer's stored payload (the store's side of the seam). */
    static ReminderFacts of(Map<String, Object> payload) {
        return EventData.fromJson(payload, ReminderFacts.class);
    }
}
