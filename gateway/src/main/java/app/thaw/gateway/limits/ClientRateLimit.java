package app.thaw.gateway.limits;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import app.thaw.platform.problem.ThawProblem;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * A token bucket per client (Bucket4j): a burst, then a sustained rate. A client is the token's
 * subject within the OAuth client that got it ({@code azp}/{@code sub}), so one partner's machine
 * client, or one staff member, cannot starve the others. Past the limit: 429 with
 * {@code Retry-After}.
 *
 * <p>Buckets live in this gateway instance's memory; with several instances each enforces its
 * share. Moving them to a shared store is the step when the gateway scales out.
 */
@Component
class ClientRateLimit implements GlobalFilter, Ordered {

    static final String REMAINING_HEADER = "X-RateLimit-Remaining";

    private final LimitProperties limits;
    private final Cache<String, Bucket> buckets;

    ClientRateLimit(LimitProperties limits) {
        this.limits = limits;
        this.buckets = Caffeine.newBuilder()
                .maximumSize(limits.trackedClients())
                .expireAfterAccess(limits.per().multipliedBy(Math.max(1, limits.burst() / Math.max(1, limits.sustained())) + 60))
                .build();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return exchange.getPrincipal()
                .filter(JwtAuthenticationToken.class::isInstance)
                .map(principal -> clientKey((JwtAuthenticationToken) principal))
                .flatMap(client -> {
                    ConsumptionProbe probe = buckets.get(client, key -> newBucket()).tryConsumeAndReturnRemaining(1);
                    if (!probe.isConsumed()) {
                        Duration wait = Duration.ofNanos(probe.getNanosToWaitForRefill());
                        return Mono.<Void>error(new ThawProblem(HttpStatus.TOO_MANY_REQUESTS, "rate_limited",
                                "Too many requests from this client: at most " + limits.burst() + " at once and "
                                        + limits.sustained() + " per " + limits.per().toSeconds() + " s. Retry after "
                                        + Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1) + " s.",
                                Map.of(), wait));
                    }
                    exchange.getResponse().getHeaders().set(REMAINING_HEADER, Long.toString(probe.getRemainingTokens()));
                    return chain.filter(exchange);
                })
                .switchIfEmpty(Mono.defer(() -> chain.filter(exchange)));
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(limits.burst()).refillGreedy(limits.sustained(), limits.per()))
                .build();
    }

    static String clientKey(JwtAuthenticationToken token) {
        return token.getToken().getClaimAsString("azp") + "/" + token.getToken().getSubject();
    }

    /** Early, before routing and circuit breakers: a refused request costs the services nothing. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }
}
