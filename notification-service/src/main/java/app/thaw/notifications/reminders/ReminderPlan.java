package app.thaw.notifications.reminders;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * When a deadline's reminders fire: one per offset before it (60, 30 and 10 minutes by default).
 *
 * <p>The plan is judged against the moment the deadline was set at its source, not the moment the
 * event reached this service. A reminder already past when the deadline was set (a deadline set
 * close to its time) is left out rather than fired at once for every offset. A reminder that was
 * still ahead when the deadline was set but passed while the event was on its way (a slow relay,
 * this service down) is not lost: the latest such one keeps its time, so it fires at once, marked
 * late, as long as the deadline itself is still ahead; the earlier ones it supersedes are left out.
 */
public final class ReminderPlan {

    private ReminderPlan() {}

    /**
     * Offset in minutes before the deadline → when that reminder fires.
     *
     * @param setAt when the deadline was set at its source (the event's time)
     * @param now   now, here
     */
    public static Map<Long, Instant> schedule(Instant dueAt, List<Duration> offsets, Instant setAt, Instant now) {
        Map<Long, Instant> plan = new LinkedHashMap<>();
        Long latestMissed = null;
        Instant latestMissedAt = null;
        for (Duration offset : offsets) {
            Instant fireAt = dueAt.minus(offset);
            if (fireAt.isAfter(now)) {
                plan.put(offset.toMinutes(), fireAt);
            } else if (fireAt.isAfter(setAt) && (latestMissedAt == null || fireAt.isAfter(latestMissedAt))) {
                latestMissed = offset.toMinutes();
                latestMissedAt = fireAt;
            }
        }
        if (latestMissed != null && dueAt.isAfter(now)) {
            plan.put(latestMissed, latestMissedAt); // already due: the timer fires at once, marked late
        }
        return plan;
    }

    /** The timer key of one reminder of one clock: scheduling it again moves it. */
    public static String key(String tenantId, String clockId, long minutesBefore) {
        return "reminder:" + tenantId + ":" + clockId + ":" + minutesBefore;
    }
}
