package app.thaw.notifications.webhooks;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * When to try a failed delivery again: the first attempt is immediate, attempt n+1 follows
 * attempt n after the schedule's n-th delay (Standard Webhooks: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h,
 * 10 h), or later if the receiver asked so with {@code Retry-After}. After the last delay there is
 * no next attempt.
 */
public record RetrySchedule(List<Duration> delays) {

    public RetrySchedule {
        delays = List.copyOf(delays);
    }

    /** When attempt {@code attemptsMade + 1} is due, after {@code attemptsMade} failed at {@code failedAt}; empty when done. */
    public Optional<Instant> next(int attemptsMade, Instant failedAt, @Nullable Duration retryAfter) {
        if (attemptsMade < 1 || attemptsMade > delays.size()) {
            return Optional.empty();
        }
        Duration delay = delays.get(attemptsMade - 1);
        if (retryAfter != null && retryAfter.compareTo(delay) > 0) {
            delay = retryAfter;
        }
        return Optional.of(failedAt.plus(delay));
    }

    /** All attempts the schedule allows, the first included. */
    public int maxAttempts() {
        return delays.size() + 1;
    }
}
