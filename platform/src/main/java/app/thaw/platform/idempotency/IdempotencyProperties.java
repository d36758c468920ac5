package app.thaw.platform.idempotency;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How long Thaw remembers an {@code Idempotency-Key} and how it treats duplicates.
 *
 * @param retention       how long a completed request's response is replayed for the same key
 * @param maxWait         how long a duplicate waits for the first request with its key to finish
 *                        before it is answered 409 {@code idempotency_request_in_progress}
 * @param lease           how long a claim on a key holds while its request runs; past it the claim
 *                        counts as abandoned (its instance died) and a retry may run the request
 * @param maxResponseSize the largest response body kept for replay; a larger one is answered once,
 *                        and a retry learns only that the request was done
 */
@ConfigurationProperties("thaw.idempotency")
public record IdempotencyProperties(
        @DefaultValue("24h") Duration retention,
        @DefaultValue("10s") Duration maxWait,
        @DefaultValue("1m") Duration lease,
        @DefaultValue("1MB") DataSize maxResponseSize) {
}
