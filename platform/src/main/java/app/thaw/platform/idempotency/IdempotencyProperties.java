package app.thaw.platform.idempotency;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How long Thaw remembers an {@code Idempotency-Key} and how it treats duplicates.
 *
 * @param retention       how long a completed request's response is replayed for the same key
 * @param retryAfter      the {@code Retry-After} of the 409 {@code idempotency_key_in_progress} a duplicate
 *                        gets while the first request with its key still runs
 * @param lease           how long a claim on a key holds while its request runs; past it the claim
 *                        counts as abandoned (its instance died) and a retry may run the request
 * @param maxResponseSize the largest response body kept for replay; a larger one is answered once,
 *                        and a retry learns only that the request was done
 */
@ConfigurationProperties("thaw.idempotency")
public record IdempotencyProperties(
        @DefaultValue("24h") Duration retention,
        @DefaultValue("1s") Duration retryAfter,
        @DefaultValue("1m") Duration lease,
        @DefaultValue("1MB") DataSize maxResponseSize) {}
