package app.thaw.notifications.delivery;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How stored deliveries are attempted.
 *
 * @param concurrency   attempts under way at once in this instance
 * @param perTarget     attempts under way at once to one webhook endpoint (or one other channel's provider), so a slow
 *                      endpoint holds only its own slots
 * @param lease         a new delivery stays with the instance that stored it this long; after it, another instance's
 *                      sweep may attempt it (the attempt's own claim keeps it at most once either way)
 * @param sweepInterval how often to look for deliveries left {@code PENDING} by a crash (one scan of the deliveries)
 */
@ConfigurationProperties("thaw.notifications.dispatch")
public record DispatchProperties(
        @DefaultValue("32") int concurrency,
        @DefaultValue("4") int perTarget,
        @DefaultValue("2m") Duration lease,
        @DefaultValue("1m") Duration sweepInterval) {}
