package app.thaw.platform.timers;

import java.time.Instant;
import java.util.Map;

/**
 * One firing of a timer, handed to its {@link TimerHandler}.
 *
 * @param key      the timer's key (what scheduled it chose, e.g. {@code case-42/follow-up})
 * @param type     selects the handler
 * @param tenantId whose timer it is
 * @param dueAt    when it was due
 * @param firedAt  when it fired
 * @param late     fired noticeably after its due time, e.g. because the service was down
 * @param payload  what the scheduler stored with it
 */
public record TimerFiring(
        String key,
        String type,
        String tenantId,
        Instant dueAt,
        Instant firedAt,
        boolean late,
        Map<String, Object> payload) {

    /**
     * Identifies this occurrence (key and due time): a firing can be repeated if its instance died
     * before recording it, so a handler uses this id to apply the firing at most once (e.g. as the
     * id of the event it publishes, which consumers deduplicate).
     */
    public String occurrenceId() {
        return key + "@" + dueAt;
    }
}
