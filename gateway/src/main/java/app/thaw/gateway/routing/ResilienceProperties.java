package app.thaw.gateway.routing;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the gateway stops calling a service that is failing ({@link ServiceBreakerGatewayFilterFactory}).
 * Each service has one breaker, named after it ({@code cases}, {@code evidence}…). Only the service's
 * own failures count: a 5xx answer, no answer within the route's response timeout
 * ({@code spring.cloud.gateway.server.webflux.httpclient.response-timeout}, per route the metadata
 * {@code response-timeout}), or no connection.
 *
 * @param failureRateThreshold    percentage of failed calls in the window that opens the circuit
 * @param slidingWindowSize       calls the failure rate is measured over
 * @param minimumNumberOfCalls    calls needed before the rate is judged
 * @param waitInOpenState         how long an open circuit refuses calls before it lets a few through
 * @param callsInHalfOpenState    calls let through to test a recovering service; it closes when their failure rate is under the threshold
 * @param retryAfter              what {@code Retry-After} says when a service is unreachable or slow
 */
@ConfigurationProperties("thaw.gateway.resilience")
public record ResilienceProperties(
        @DefaultValue("50") float failureRateThreshold,
        @DefaultValue("20") int slidingWindowSize,
        @DefaultValue("10") int minimumNumberOfCalls,
        @DefaultValue("10s") Duration waitInOpenState,
        @DefaultValue("3") int callsInHalfOpenState,
        @DefaultValue("5s") Duration retryAfter) {}
