package app.thaw.notifications.events;

import java.time.Instant;

import app.thaw.platform.events.EventType;
import org.jspecify.annotations.Nullable;

/**
 * notification-service's own records of case-service's events, where it reads more than a message's
 * model: the clocks reminders follow, and the staff owner a breached clock or a due task is told to
 * (docs/events.md).
 */
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

    /**
     * A clock ran out: its owner and the supervisors are told. The owner is optional here: a breach
     * without one still reaches the supervisors rather than stopping as a malformed event.
     *
     * @param ownerUserId the case's assignee: when present, that person alone hears of it as owner
     */
    @EventType("thaw.case.clock_breached")
    public record ClockBreached(
            String caseId,
            String clockId,
            @Nullable String ownerRole,
            @Nullable String ownerUserId) {}

    /** A playbook task fell due: whoever holds its role is told. */
    @EventType("thaw.case.task_due")
    public record TaskDue(
            String caseId, String taskId, @Nullable String ownerRole) {}
}
