package app.thaw.gateway.limits;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import app.thaw.platform.problem.ThawProblem;
import app.thaw.platform.security.TokenValidation;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import org.jspecify.annotations.Nullable;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Fairness at the front door: a token bucket (Bucket4j) and a cap on requests in flight, per client
 * <em>and</em> per tenant ({@link LimitProperties}). Past any of them: 429 {@code rate_limited} with
 * {@code Retry-After}, before routing, so a refused request costs the services nothing and never
 * counts against a service's circuit breaker. {@code X-RateLimit-Remaining} on every answer is the
 * client's own bucket.
 *
 * <p>The counters live in this gateway instance's memory; with several instances each enforces its
 * share. Moving them to a shared store is the step when the gateway scales out.
 */
@Component
public class ClientLimits implements GlobalFilter, Ordered {

    public static final String REMAINING_HEADER = "X-RateLimit-Remaining";
    /** How long a refusal for too many requests in flight asks the caller to wait. */
    private static final Duration IN_FLIGHT_RETRY = Duration.ofSeconds(1);

    private final LimitProperties limits;
    private final Cache<String, Bucket> clientBuckets;
    private final Cache<String, Bucket> tenantBuckets;
    private final Cache<String, AtomicInteger> inFlight;

    ClientLimits(LimitProperties limits) {
        this.limits = limits;
        Duration idle = limits.per().multipliedBy(Math.max(1, limits.burst() / Math.max(1, limits.sustained())) + 60);
        this.clientBuckets = Caffeine.newBuilder()
                .maximumSize(limits.trackedClients())
                .expireAfterAccess(idle)
                .build();
        this.tenantBuckets = Caffeine.newBuilder()
                .maximumSize(limits.trackedClients())
                .expireAfterAccess(idle)
                .build();
        // Long enough that a counter is never dropped while one of its requests (an upload) is in flight.
        this.inFlight = Caffeine.newBuilder()
                .maximumSize(2 * limits.trackedClients())
                .expireAfterAccess(Duration.ofHours(2))
                .build();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        // Not flatMap(...).switchIfEmpty(chain): the chain's Mono<Void> completes empty, which would run
        // the whole chain a second time for every authenticated call.
        return exchange.getPrincipal()
                .filter(JwtAuthenticationToken.class::isInstance)
                .map(principal -> Optional.of(((JwtAuthenticationToken) principal).getToken()))
                .defaultIfEmpty(Optional.empty())
                .flatMap(token -> token.isPresent() ? admit(token.get(), exchange, chain) : chain.filter(exchange));
    }

    private Mono<Void> admit(Jwt token, ServerWebExchange exchange, GatewayFilterChain chain) {
        Admission admission;
        try {
            admission = admit(token);
        } catch (ThawProblem refused) {
            return Mono.error(refused);
        }
        exchange.getResponse().getHeaders().set(REMAINING_HEADER, Long.toString(admission.remaining()));
        return chain.filter(exchange).doFinally(signal -> admission.release());
    }

    /**
     * Admits one call of the token's client, or refuses it with a 429 {@link ThawProblem}. An admitted
     * call holds a place in its client's and its tenant's count of calls in flight until
     * {@link Admission#release()}, which the caller must call exactly once, however the call ends.
     */
    public Admission admit(Jwt token) {
        String client = clientKey(token);
        String tenant = "tenant:" + claim(token, TokenValidation.TENANT_CLAIM);
        ConsumptionProbe own = clientBuckets
                .get(client, key -> bucket(limits.burst(), limits.sustained()))
                .tryConsumeAndReturnRemaining(1);
        if (!own.isConsumed()) {
            throw refusal(
                    own,
                    "Too many requests from this client: at most " + limits.burst() + " at once and "
                            + limits.sustained() + " per " + limits.per().toSeconds() + " s.");
        }
        ConsumptionProbe shared = tenantBuckets
                .get(tenant, key -> bucket(limits.tenantBurst(), limits.tenantSustained()))
                .tryConsumeAndReturnRemaining(1);
        if (!shared.isConsumed()) {
            throw refusal(
                    shared,
                    "Too many requests from this tenant's clients together: at most " + limits.tenantBurst()
                            + " at once and " + limits.tenantSustained() + " per "
                            + limits.per().toSeconds() + " s.");
        }
        AtomicInteger clientCalls = inFlight.get(client, key -> new AtomicInteger());
        AtomicInteger tenantCalls = inFlight.get(tenant, key -> new AtomicInteger());
        if (clientCalls.incrementAndGet() > limits.maxInFlight()) {
            clientCalls.decrementAndGet();
            throw inFlightRefusal(
                    "Too many requests from this client in progress at once: at most " + limits.maxInFlight() + ".");
        }
        if (tenantCalls.incrementAndGet() > limits.tenantMaxInFlight()) {
            tenantCalls.decrementAndGet();
            clientCalls.decrementAndGet();
            throw inFlightRefusal("Too many requests from this tenant's clients in progress at once: at most "
                    + limits.tenantMaxInFlight() + ".");
        }
        return new Admission(own.getRemainingTokens(), clientCalls, tenantCalls);
    }

    /** An admitted call: what is left of its client's bucket, and its places in flight until released. */
    public static final class Admission {
        private final long remaining;
        private final AtomicInteger clientCalls;
        private final AtomicInteger tenantCalls;
        private final AtomicBoolean released = new AtomicBoolean();

        private Admission(long remaining, AtomicInteger clientCalls, AtomicInteger tenantCalls) {
            this.remaining = remaining;
            this.clientCalls = clientCalls;
            this.tenantCalls = tenantCalls;
        }

        /** What {@code X-RateLimit-Remaining} says: the client's own bucket. */
        public long remaining() {
            return remaining;
        }

        /** Gives the call's places in flight back; a second release does nothing. */
        public void release() {
            if (released.compareAndSet(false, true)) {
                clientCalls.decrementAndGet();
                tenantCalls.decrementAndGet();
            }
        }
    }

    private static ThawProblem refusal(ConsumptionProbe probe, String what) {
        long waitSeconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1);
        return new ThawProblem(
                HttpStatus.TOO_MANY_REQUESTS,
                "rate_limited",
                what + " Retry after " + waitSeconds + " s.",
                Map.of(),
                Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    private static ThawProblem inFlightRefusal(String what) {
        return new ThawProblem(
                HttpStatus.TOO_MANY_REQUESTS,
                "rate_limited",
                what + " Retry after " + IN_FLIGHT_RETRY.toSeconds() + " s.",
                Map.of(),
                IN_FLIGHT_RETRY);
    }

    private Bucket bucket(long burst, long sustained) {
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(burst).refillGreedy(sustained, limits.per()))
                .build();
    }

    static String clientKey(Jwt token) {
        return claim(token, "azp") + "/" + claim(token, "sub");
    }

    /**
     * A claim as text, read from the claims directly: {@code getClaimAsString} goes through Spring's conversion
     * service, which was 2 % of the gateway's CPU per call for these two reads (JFR).
     */
    private static @Nullable String claim(Jwt token, String name) {
        Object value = token.getClaims().get(name);
        return value == null ? null : value.toString();
    }

    /** Early, before routing and circuit breakers: a refused request costs the services nothing. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }
}
