package app.thaw.notifications.reminders;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import app.thaw.platform.store.CursorPage;
import app.thaw.platform.timers.TimerFiring;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Reminders before each clock's deadline from case-service. A clock set schedules one durable
 * timer per offset; setting it again (a moved deadline) moves them; met, cancelled or paused
 * clears them. A fired reminder is a notification to the clock's owner; an urgent one not
 * acknowledged within the tenant's {@code escalateAfter} goes to the supervisors.
 */
public interface ReminderService {

    String REMINDER_TIMER = "notification.reminder";
    String ESCALATION_TIMER = "notification.reminder-escalation";

    /**
     * A deadline from case-service ({@code thaw.case.clock_set}); the fields are those of docs/events.md.
     * {@code setAt} is the event's time: when the deadline was set at its source.
     */
    record Deadline(
            String tenantId,
            String clockId,
            String clock,
            @Nullable String caseId,
            @Nullable String reference,
            Instant setAt,
            Instant dueAt,
            @Nullable String ownerRole,
            @Nullable String ownerUserId,
            boolean urgent,
            @Nullable String label) {

        /** What each reminder timer carries, and its notification's data when it fires. */
        public Map<String, Object> payload() {
            Map<String, Object> payload = new HashMap<>();
            payload.put("clockId", clockId);
            payload.put("clock", clock);
            payload.put("dueAt", dueAt.toString());
            payload.put("urgent", urgent);
            payload.put("label", label == null ? clock : label);
            if (caseId != null) {
                payload.put("caseId", caseId);
            }
            if (reference != null) {
                payload.put("reference", reference);
            }
            if (ownerRole != null) {
                payload.put("ownerRole", ownerRole);
            }
            if (ownerUserId != null) {
                payload.put("ownerUserId", ownerUserId);
            }
            return payload;
        }
    }

    /** Schedules (or moves) the reminders of a deadline; reminders it no longer has are cancelled. */
    Mono<Void> set(Deadline deadline);

    /**
     * As {@link #set(Deadline)}, unless the clock is already met or cancelled (its event arrived
     * first: a late {@code set} must not re-arm it) or {@code sequence} is older than the last
     * event applied to this clock.
     *
     * @param sequence the event's place among the case's events, if the producer numbered it
     */
    Mono<Void> set(Deadline deadline, @Nullable Long sequence);

    /** The deadline was met, cancelled or paused: its pending reminders and escalations stop. */
    Mono<Void> clear(String tenantId, String clockId, String why);

    /**
     * As {@link #clear(String, String, String)}, remembered even when the clock's {@code set} has
     * not arrived yet, so that a late {@code set} finds the clock ended (MET, CANCELLED) and arms
     * nothing. A pause older than the last event applied to the clock (a resume) is ignored.
     */
    Mono<Void> clear(String tenantId, String clockId, String why, @Nullable Long sequence);

    /** A reminder timer fired: tell the owner; an urgent reminder starts its escalation timer. */
    Mono<Void> fire(TimerFiring firing);

    /** The escalation timer of an urgent reminder fired: the supervisors hear of it unless it was acknowledged. */
    Mono<Void> escalate(TimerFiring firing);

    /** Acknowledges a reminder of the tenant, which stops its escalation; 404 for another tenant's. */
    Mono<Reminder> acknowledge(String tenantId, String reminderId, String by);

    Mono<CursorPage<Reminder>> list(String tenantId, CursorPage.Request page);
}
