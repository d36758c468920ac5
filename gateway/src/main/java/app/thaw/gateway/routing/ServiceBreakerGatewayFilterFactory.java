package app.thaw.gateway.routing;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import app.thaw.platform.problem.ThawProblem;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.handler.timeout.ReadTimeoutException;
import org.jspecify.annotations.Nullable;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code ServiceBreaker=<service>}: one Resilience4j circuit breaker per service, which opens only on
 * the service's own failures — an answer of 5xx, no answer within the route's response timeout, or no
 * connection — and never because of the caller: every answer the service gives, 4xx, 413, 404 or a
 * problem document, passes through unchanged, and calls the gateway refuses itself (429 from
 * {@code ClientLimits}, 413, 401) never reach a breaker.
 *
 * <p>Why not Spring Cloud CircuitBreaker's filter: its Resilience4j factory wraps every call in a
 * bulkhead of 25 concurrent calls, counts the bulkhead's refusals as the service's failures (so one
 * busy client opened the breaker for everybody), and can count a 5xx only by replacing the service's
 * answer with its fallback. Here the response passes through and its status is recorded afterwards.
 *
 * <p>When the breaker is open, or the call fails before any answer, the caller gets a 503 problem with
 * {@code Retry-After} naming the service. A failure after the answer started (a broken download) cannot
 * be turned into a problem any more: the connection is closed, and the breaker records it.
 */
@Component
public class ServiceBreakerGatewayFilterFactory
        extends AbstractGatewayFilterFactory<ServiceBreakerGatewayFilterFactory.Config> {

    private final CircuitBreakerRegistry breakers;
    private final ResilienceProperties properties;

    public ServiceBreakerGatewayFilterFactory(ResilienceProperties properties, MeterRegistry meters) {
        super(Config.class);
        this.properties = properties;
        this.breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .failureRateThreshold(properties.failureRateThreshold())
                .slidingWindowSize(properties.slidingWindowSize())
                .minimumNumberOfCalls(properties.minimumNumberOfCalls())
                .waitDurationInOpenState(properties.waitInOpenState())
                .permittedNumberOfCallsInHalfOpenState(properties.callsInHalfOpenState())
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                .build());
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(meters);
    }

    /** The breaker of one service, created on first use (tests and metrics read its state). */
    public CircuitBreaker breaker(String service) {
        return breakers.circuitBreaker(service);
    }

    @Override
    public List<String> shortcutFieldOrder() {
        return List.of("service");
    }

    @Override
    public GatewayFilter apply(Config config) {
        String service = config.getService();
        CircuitBreaker breaker = breaker(service);
        return (exchange, chain) -> {
            if (!breaker.tryAcquirePermission()) {
                return Mono.error(paused(service));
            }
            Call call = new Call(breaker);
            CallerWatch caller = new CallerWatch(exchange.getRequest());
            return chain.filter(exchange.mutate().request(caller).build())
                    // The routing filter completes when the service's answer (its status) has arrived.
                    .doOnSuccess(done -> call.answered(exchange.getResponse().getStatusCode()))
                    .onErrorResume(failure -> {
                        if (failure instanceof ThawProblem || caller.failed()) {
                            // The gateway refused the call itself (a body over its limit), or the caller's
                            // upload broke off: nothing the service did.
                            call.release();
                        } else {
                            call.failed(failure);
                        }
                        if (exchange.getResponse().isCommitted()) {
                            return Mono.error(failure);
                        }
                        return Mono.error(translate(service, failure));
                    })
                    // The caller went away: neither the service's success nor its failure.
                    .doOnCancel(call::release);
        };
    }

    /** The answer while the service's breaker is open: the call was not forwarded. */
    ThawProblem paused(String service) {
        return unavailable(
                service,
                "The " + service + " service has failed repeatedly, so the gateway "
                        + "is pausing calls to it. This call was not forwarded; retry later.",
                properties.waitInOpenState());
    }

    /**
     * One call's outcome, recorded once: the routing chain may signal completion again when the
     * response body has been written, and a cancel may follow an outcome.
     */
    static final class Call {
        private final CircuitBreaker breaker;
        private final long started;
        private final AtomicBoolean settled = new AtomicBoolean();

        Call(CircuitBreaker breaker) {
            this.breaker = breaker;
            this.started = breaker.getCurrentTimestamp();
        }

        void answered(@Nullable HttpStatusCode status) {
            if (status != null && status.is5xxServerError()) {
                failed(new ServiceAnsweredWithError(status.value()));
            } else if (settled.compareAndSet(false, true)) {
                breaker.onSuccess(elapsed(), breaker.getTimestampUnit());
            }
        }

        void failed(Throwable failure) {
            if (settled.compareAndSet(false, true)) {
                breaker.onError(elapsed(), breaker.getTimestampUnit(), failure);
            }
        }

        void release() {
            if (settled.compareAndSet(false, true)) {
                breaker.releasePermission();
            }
        }

        private long elapsed() {
            return breaker.getCurrentTimestamp() - started;
        }
    }

    /** What the caller gets when the call failed before the service answered: a 503 problem naming the service. */
    ThawProblem translate(String service, Throwable failure) {
        if (failure instanceof ThawProblem own) {
            return own;
        }
        if (failure instanceof ReadTimeoutException
                || (failure instanceof ResponseStatusException status
                        && status.getStatusCode().value() == HttpStatus.GATEWAY_TIMEOUT.value())) {
            return unavailable(
                    service,
                    "The " + service + " service did not answer in time. The call may or may not "
                            + "have taken effect: retry with the same Idempotency-Key.",
                    properties.retryAfter());
        }
        return unavailable(
                service, "The " + service + " service cannot be reached. Retry later.", properties.retryAfter());
    }

    private static ThawProblem unavailable(String service, String detail, Duration retryAfter) {
        return new ThawProblem(
                HttpStatus.SERVICE_UNAVAILABLE, "service_unavailable", detail, Map.of("service", service), retryAfter);
    }

    /** Notes whether the caller's own request body failed (the caller disconnected mid-upload). */
    static final class CallerWatch extends ServerHttpRequestDecorator {
        private volatile boolean failed;

        CallerWatch(ServerHttpRequest request) {
            super(request);
        }

        @Override
        public Flux<DataBuffer> getBody() {
            return super.getBody().doOnError(error -> failed = true);
        }

        boolean failed() {
            return failed;
        }
    }

    /** What the breaker records when the service answered 5xx (the answer itself went to the caller). */
    static final class ServiceAnsweredWithError extends RuntimeException {
        ServiceAnsweredWithError(int status) {
            super("answered " + status, null, false, false);
        }
    }

    public static class Config {
        private String service = "";

        public String getService() {
            return service;
        }

        public void setService(String service) {
            this.service = service;
        }
    }
}
