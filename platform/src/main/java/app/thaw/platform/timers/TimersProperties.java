package app.thaw.platform.timers;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param enabled      whether this instance fires timers on its own (every instance may; leases keep them apart)
 * @param pollInterval how often to look for timers due soon (one scan of the pending timers each time)
 * @param lease        how long a claimed firing is held; a dead instance's claims lapse after it
 * @param lateAfter    a firing this long after its due time is marked late
 * @param retryAfter   when a handler failed, how long before the timer is tried again
 * @param lookAhead    how far ahead a scan reaches: what falls due within it waits in memory and fires at its time;
 *                     longer than {@code pollInterval}, so every timer is seen before it is due
 * @param batchSize    at most this many timers per scan
 * @param concurrency  at most this many firings under way at once
 */
@ConfigurationProperties("thaw.timers")
public record TimersProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("30s") Duration lease,
        @DefaultValue("5s") Duration lateAfter,
        @DefaultValue("5s") Duration retryAfter,
        @DefaultValue("3s") Duration lookAhead,
        @DefaultValue("1000") int batchSize,
        @DefaultValue("16") int concurrency) {

    public TimersProperties {
        if (lookAhead.compareTo(pollInterval) <= 0) {
            throw new IllegalArgumentException(
                    "thaw.timers.look-ahead must be longer than the poll interval, or timers fire up to a poll late");
        }
    }
}
