package app.thaw.platform.timers;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param enabled      whether this instance fires timers on its own (every instance may; leases keep them apart)
 * @param pollInterval how often to look for due timers
 * @param lease        how long a claimed firing is held; a dead instance's claims lapse after it
 * @param lateAfter    a firing this long after its due time is marked late
 * @param retryAfter   when a handler failed, how long before the timer is tried again
 */
@ConfigurationProperties("thaw.timers")
public record TimersProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("30s") Duration lease,
        @DefaultValue("5s") Duration lateAfter,
        @DefaultValue("5s") Duration retryAfter) {
}
