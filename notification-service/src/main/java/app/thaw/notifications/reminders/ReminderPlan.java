package app.thaw.notifications.reminders;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * When a deadline's reminders fire: one per offset before it (60, 30 and 10 minutes by default).
 * A reminder whose time has passed (a deadline set or moved close to now) is left out rather
 * than fired late at once for every offset.
 */
public final class ReminderPlan {

    private ReminderPlan() {
    }

    /** Offset in minutes before the deadline → when that reminder fires, for those still ahead of {@code now}. */
    public static Map<Long, Instant> schedule(Instant dueAt, List<Duration> offsets, Instant now) {
        Map<Long, Instant> plan = new LinkedHashMap<>();
        for (Duration offset : offsets) {
            Instant fireAt = dueAt.minus(offset);
            if (fireAt.isAfter(now)) {
                plan.put(offset.toMinutes(), fireAt);
            }
        }
        return plan;
    }

    /** The timer key of one reminder of one clock: scheduling it again moves it. */
    public static String key(String tenantId, String clockId, long minutesBefore) {
        return "reminder:" + tenantId + ":" + clockId + ":" + minutesBefore;
    }
}
