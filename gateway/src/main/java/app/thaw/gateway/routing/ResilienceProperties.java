package app.thaw.gateway.routing;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the gateway protects itself and callers from a slow or failing service. Each route's
 * circuit breaker is named after the route ({@code cases}, {@code evidence}…).
 *
 * @param timeout                 the longest a proxied call may take before the caller gets a 503
 * @param timeouts                per-route overrides of {@code timeout} (evidence uploads stream for minutes)
 * @param failureRateThreshold    percentage of failed calls in the window that opens the circuit
 * @param slidingWindowSize       calls the failure rate is measured over
 * @param minimumNumberOfCalls    calls needed before the rate is judged
 * @param waitInOpenState         how long an open circuit refuses calls before it tries again
 * @param retryAfter              what {@code Retry-After} says when a service is unreachable
 */
@ConfigurationProperties("thaw.gateway.resilience")
public record ResilienceProperties(
        @DefaultValue("10s") Duration timeout,
        @DefaultValue Map<String, Duration> timeouts,
        @DefaultValue("50") float failureRateThreshold,
        @DefaultValue("20") int slidingWindowSize,
        @DefaultValue("10") int minimumNumberOfCalls,
        @DefaultValue("10s") Duration waitInOpenState,
        @DefaultValue("5s") Duration retryAfter) {

    Duration timeoutFor(String route) {
        return timeouts.getOrDefault(route, timeout);
    }
}
