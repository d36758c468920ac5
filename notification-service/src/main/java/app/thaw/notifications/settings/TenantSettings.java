package app.thaw.notifications.settings;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;

import app.thaw.notifications.recipients.Language;

/**
 * A tenant's notification numbers (docs/domain.md: every number is per-tenant configuration).
 *
 * @param reminderOffsets  how long before a deadline reminders go out (default 60, 30, 10 minutes)
 * @param escalateAfter    how long an urgent reminder may stay unacknowledged before the supervisor is told
 * @param retrySchedule    delays between delivery attempts after the first; its length bounds the attempts
 * @param disableAfter     how long a webhook endpoint may fail without a success before it is disabled
 * @param secretOverlap    how long a rotated webhook secret keeps signing next to the new one
 * @param language         the tenant's language: messages to its tenant-wide inbox (no client registered) are in it
 * @param timeZone         the tenant's zone, for times in those messages
 * @param version          0 while the tenant uses the defaults
 */
public record TenantSettings(
        List<Duration> reminderOffsets,
        Duration escalateAfter,
        List<Duration> retrySchedule,
        Duration disableAfter,
        Duration secretOverlap,
        Language language,
        ZoneId timeZone,
        long version) {

    public TenantSettings {
        // Largest offset first: the 60-minute reminder is the first to fire.
        reminderOffsets =
                reminderOffsets.stream().sorted(Comparator.reverseOrder()).toList();
        retrySchedule = List.copyOf(retrySchedule);
    }

    public TenantSettings withVersion(long newVersion) {
        return new TenantSettings(
                reminderOffsets,
                escalateAfter,
                retrySchedule,
                disableAfter,
                secretOverlap,
                language,
                timeZone,
                newVersion);
    }
}
