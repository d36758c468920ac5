package app.thaw.gateway.routing;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import app.thaw.platform.problem.ThawProblem;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Where a route's circuit breaker forwards a call that failed: the caller gets a 503 problem with
 * {@code Retry-After}, saying which service is down and why, instead of a bare connection error.
 * Problems the gateway raised itself while forwarding (an oversize body) keep their own answer.
 */
@Hidden
@RestController
class ServiceUnavailableFallback {

    private final ResilienceProperties properties;

    ServiceUnavailableFallback(ResilienceProperties properties) {
        this.properties = properties;
    }

    @RequestMapping("/fallback/{route}")
    Mono<Void> fallback(@PathVariable String route, ServerWebExchange exchange) {
        Throwable failure = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        if (failure == null) {
            // Reached directly rather than forwarded by a circuit breaker: there is nothing here.
            return Mono.error(new ThawProblem(HttpStatus.NOT_FOUND, "not_found", "No such resource."));
        }
        if (failure instanceof ThawProblem own) {
            return Mono.error(own);
        }
        String detail;
        Duration retryAfter = properties.retryAfter();
        if (failure instanceof CallNotPermittedException) {
            retryAfter = properties.waitInOpenState();
            detail = "The " + route + " service has failed repeatedly, so the gateway is pausing calls to it. "
                    + "This call was not forwarded; retry later.";
        } else if (failure instanceof TimeoutException) {
            detail = "The " + route + " service did not answer within " + properties.timeoutFor(route).toSeconds()
                    + " s. The call may or may not have taken effect: retry with the same Idempotency-Key.";
        } else {
            detail = "The " + route + " service cannot be reached. Retry later.";
        }
        return Mono.error(new ThawProblem(HttpStatus.SERVICE_UNAVAILABLE, "service_unavailable", detail,
                Map.of("service", route), retryAfter));
    }
}
