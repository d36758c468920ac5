package app.thaw.notifications.events;

import java.time.Instant;

import app.thaw.platform.events.EventType;
import org.jspecify.annotations.Nullable;

/** notification-service's own records of case-service's clock events: only what reminders read (docs/events.md). */
public final class ConsumedEvents {

    private ConsumedEvents() {}

    /**
     * @param ownerUserId the case's assignee: when present, the reminders go to that person alone
     * @param reference   the case's human number, which the reminders name it by (absent from a producer before it was sent)
     */
    @EventType("thaw.case.clock_set")
    public record ClockSet(
            String caseId,
            @Nullable String reference,
            String clockId,
            String clock,
            Instant dueAt,
            String ownerRole,
            @Nullable String ownerUserId,
            boolean urgent,
            String label) {}

    @EventType("thaw.case.clock_met")
    public record ClockMet(String caseId, String clockId) {}

    @EventType("thaw.case.clock_paused")
    public record ClockPaused(String caseId, String clockId) {}

    @EventType("thaw.case.clock_cancelled")
    public record ClockCancelled(String caseId, String clockId) {}
}
