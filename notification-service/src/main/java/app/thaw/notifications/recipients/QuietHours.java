package app.thaw.notifications.recipients;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * A daily span of local time in which non-urgent messages wait, e.g. 22:00–07:00. A span whose
 * start is after its end crosses midnight; equal start and end mean none.
 */
public record QuietHours(LocalTime start, LocalTime end) {

    public boolean contains(LocalTime time) {
        if (start.equals(end)) {
            return false;
        }
        return start.isBefore(end)
                ? !time.isBefore(start) && time.isBefore(end)
                : !time.isBefore(start) || time.isBefore(end);
    }

    /** When quiet hours that hold at {@code now} end, in {@code zone}; empty when they do not hold. */
    public Optional<Instant> endingAfter(Instant now, ZoneId zone) {
        ZonedDateTime local = now.atZone(zone);
        if (!contains(local.toLocalTime())) {
            return Optional.empty();
        }
        LocalDate day = local.toLocalDate();
        if (!local.toLocalTime().isBefore(end)) {
            day = day.plusDays(1);
        }
        // A summer-time gap at the end moves it later by the gap, as ZonedDateTime.of does.
        return Optional.of(ZonedDateTime.of(LocalDateTime.of(day, end), zone).toInstant());
    }
}
