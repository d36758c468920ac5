package app.thaw.platform.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import app.thaw.platform.idempotency.IdempotencyRecord.Scope;
import app.thaw.platform.idempotency.IdempotencyRecord.State;
import app.thaw.platform.idempotency.IdempotencyRecord.StoredResponse;
import app.thaw.platform.idempotency.IdempotencyRecords.Busy;
import app.thaw.platform.idempotency.IdempotencyRecords.Claim;
import app.thaw.platform.security.CurrentCaller;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Honours {@code Idempotency-Key} on POST: the first request with a key (per tenant) runs and its
 * response is recorded; a retry with the same key and the same request gets that response again,
 * marked {@code Idempotent-Replayed: true}, without a second effect. A duplicate that arrives while
 * the first still runs waits for it. See docs/adr/0005-idempotency-keys.md for what is kept and why.
 */
public class IdempotencyKeyFilter implements WebFilter, Ordered {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    /**
     * Right after Spring Security's filter chain ({@code WebFluxSecurityConfiguration
     * .WEB_FILTER_CHAIN_FILTER_ORDER}, -100, in a class that is not public): the caller's tenant is
     * known there (the security context flows into the rest of the chain), and no later filter can
     * act before the key is claimed.
     */
    public static final int ORDER = -100 + 1;

    /** The headers that describe a result and are replayed with it; the rest belongs to one exchange. */
    static final List<String> REPLAYED_HEADERS = List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.LOCATION,
            HttpHeaders.ETAG, HttpHeaders.LAST_MODIFIED, HttpHeaders.ALLOW);

    /**
     * Answers that depend on the credential or on timing rather than on the request: not kept, so a
     * retry with the same key runs again once the caller or the moment has changed.
     */
    private static final Set<Integer> NOT_KEPT = Set.of(401, 403, 408, 425, 429);

    private static final int MAX_KEY_LENGTH = 255;
    private static final Duration FIRST_POLL = Duration.ofMillis(25);
    private static final Duration LONGEST_POLL = Duration.ofMillis(500);
    private static final byte[] NO_BODY = new byte[0];
    private static final Logger log = LoggerFactory.getLogger(IdempotencyKeyFilter.class);

    private final IdempotencyRecords records;
    private final IdempotencyProperties properties;
    private final ServerCodecConfigurer codecs;
    private final ObjectProvider<WebExceptionHandler> exceptionHandlers;
    private final Clock clock;
    private final int maxRequestBody;
    private final int maxStoredResponse;

    IdempotencyKeyFilter(IdempotencyRecords records, IdempotencyProperties properties, ServerCodecConfigurer codecs,
                         ObjectProvider<WebExceptionHandler> exceptionHandlers, Clock clock, int maxRequestBody) {
        this.records = records;
        this.properties = properties;
        this.codecs = codecs;
        this.exceptionHandlers = exceptionHandlers;
        this.clock = clock;
        this.maxRequestBody = maxRequestBody;
        this.maxStoredResponse = (int) Math.min(Integer.MAX_VALUE, properties.maxResponseSize().toBytes());
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        List<String> keys = request.getHeaders().getOrEmpty(HEADER);
        if (!HttpMethod.POST.equals(request.getMethod()) || keys.isEmpty()) {
            return chain.filter(exchange);
        }
        Optional<String> key = validKey(keys);
        if (key.isEmpty()) {
            return Mono.error(IdempotencyProblems.invalidKey());
        }
        return tenant().flatMap(tenant -> tenant.isEmpty()
                // No token on a public path: there is no tenant to scope the key by, so it is not honoured.
                ? chain.filter(exchange)
                : keyed(exchange, chain, tenant.get(), key.get()));
    }

    private Mono<Void> keyed(ServerWebExchange exchange, WebFilterChain chain, String tenant, String key) {
        ServerHttpRequest request = exchange.getRequest();
        // Over the in-memory limit this fails with DataBufferLimitException, answered 413 like any body too large.
        return DataBufferUtils.join(request.getBody(), maxRequestBody)
                .map(IdempotencyKeyFilter::drain)
                .defaultIfEmpty(NO_BODY)
                .flatMap(body -> {
                    Scope scope = new Scope(tenant, key, fingerprint(request.getMethod(), pathAndQuery(request), body));
                    return claimOrWait(scope).flatMap(claim -> switch (claim) {
                        case Claim.Ours ours -> runFirst(exchange, chain, scope, ours.claimId(), body);
                        case Claim.Theirs theirs -> replay(exchange, theirs.record());
                    });
                });
    }

    /**
     * Claims the key, or finds the completed request to replay. While another request holds the key
     * it polls, backing off, until that one completes, gives the key up (then this one runs), or
     * {@code max-wait} runs out.
     */
    private Mono<Claim> claimOrWait(Scope scope) {
        Instant deadline = clock.instant().plus(properties.maxWait());
        // The first attempt inserts (the common case: a fresh key); later ones read first.
        AtomicBoolean firstAttempt = new AtomicBoolean(true);
        return Mono.defer(() -> firstAttempt.getAndSet(false)
                        ? records.claim(scope, clock.instant(), properties.lease())
                        : records.lookUp(scope, clock.instant(), properties.lease(), true))
                .flatMap(claim -> settledOrBusy(claim, scope))
                .retryWhen(Retry.backoff(Long.MAX_VALUE, FIRST_POLL).maxBackoff(LONGEST_POLL)
                        .filter(failure -> failure instanceof Busy && clock.instant().isBefore(deadline)))
                .onErrorMap(Busy.class, busy -> IdempotencyProblems.inProgress(
                        Duration.between(clock.instant(), busy.until())));
    }

    private static Mono<Claim> settledOrBusy(Claim claim, Scope scope) {
        if (claim instanceof Claim.Theirs(IdempotencyRecord held)) {
            // A different request under the same key is refused at once, whether or not the first has finished.
            if (!held.fingerprint().equals(scope.fingerprint())) {
                return Mono.error(IdempotencyProblems.keyReused());
            }
            if (held.state() == State.IN_PROGRESS) {
                return Mono.error(new Busy(held.expiresAt()));
            }
        }
        return Mono.just(claim);
    }

    private Mono<Void> runFirst(ServerWebExchange exchange, WebFilterChain chain, Scope scope, String claimId, byte[] body) {
        RecordingResponse response = new RecordingResponse(exchange.getResponse(), maxStoredResponse,
                (status, headers, kept) -> settle(scope, claimId, status, headers, kept));
        return Mono.usingWhen(Mono.just(new ReplayingExchange(exchange, body, response, codecs)),
                replaying -> chain.filter(replaying)
                        // Answered here, not by the framework after this filter, so the answer is recorded
                        // too; except a denial, which Spring Security's own filters answer as always (401/403
                        // with their challenge) and which depends on the credential, so the key is released.
                        .onErrorResume(failure -> !isDenial(failure), failure -> answer(replaying, failure))
                        .then(Mono.defer(response::settleIfSilent))
                        .onErrorResume(failure -> release(scope, claimId).then(Mono.error(failure))),
                ReplayingExchange::cleanupMultipart,
                (replaying, failure) -> replaying.cleanupMultipart(),
                ReplayingExchange::cleanupMultipart);
    }

    private static boolean isDenial(Throwable failure) {
        return failure instanceof AccessDeniedException || failure instanceof AuthenticationException;
    }

    /** The WebExceptionHandlers in the order the framework would apply them (ProblemExceptionHandler first). */
    private Mono<Void> answer(ServerWebExchange exchange, Throwable failure) {
        Mono<Void> answered = Mono.error(failure);
        for (WebExceptionHandler handler : exceptionHandlers.orderedStream().toList()) {
            answered = answered.onErrorResume(error -> handler.handle(exchange, error));
        }
        return answered;
    }

    /**
     * What the first response means for the key. 5xx: the request failed, perhaps halfway, and the
     * key is released so a retry runs it again; so are answers that depend on the credential or the
     * moment ({@link #NOT_KEPT}). Everything else, client errors included, is the request's outcome
     * and is kept for replay. Store failures are logged, never passed on: the response still goes out.
     */
    private Mono<Void> settle(Scope scope, String claimId, HttpStatusCode status, HttpHeaders headers, byte @Nullable [] body) {
        if (status.is5xxServerError() || NOT_KEPT.contains(status.value())) {
            return release(scope, claimId);
        }
        Map<String, List<String>> kept = new LinkedHashMap<>();
        for (String name : REPLAYED_HEADERS) {
            List<String> values = headers.get(name);
            if (values != null && !values.isEmpty()) {
                kept.put(name, List.copyOf(values));
            }
        }
        return records.complete(scope, claimId, new StoredResponse(status.value(), kept, body), clock.instant(),
                        properties.retention())
                .doOnNext(completed -> {
                    if (!completed) {
                        log.warn("The claim on an idempotency key lapsed before its request finished (lease {}); "
                                + "a retry may have run it again", properties.lease());
                    }
                })
                .onErrorResume(failure -> {
                    log.error("Could not record the response for an idempotency key; retries wait until its lease lapses",
                            failure);
                    return Mono.empty();
                })
                .then();
    }

    private Mono<Void> release(Scope scope, String claimId) {
        return records.release(scope, claimId)
                .onErrorResume(failure -> {
                    log.error("Could not release an idempotency key; retries wait until its lease lapses", failure);
                    return Mono.empty();
                })
                .then();
    }

    private static Mono<Void> replay(ServerWebExchange exchange, IdempotencyRecord record) {
        StoredResponse first = Objects.requireNonNull(record.response(), "A completed record holds its response");
        byte[] body = first.body();
        if (body == null) {
            return Mono.error(IdempotencyProblems.notRetained(first));
        }
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(HttpStatusCode.valueOf(first.status()));
        first.headers().forEach((name, values) -> response.getHeaders().put(name, values));
        response.getHeaders().set(REPLAYED_HEADER, "true");
        return body.length == 0 ? response.setComplete()
                : response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(body)));
    }

    /** The caller's tenant, from the validated token only; empty when the request has no token. */
    private static Mono<Optional<String>> tenant() {
        return CurrentCaller.tenantId()
                .map(Optional::of)
                .onErrorResume(AuthenticationCredentialsNotFoundException.class, anonymous -> Mono.just(Optional.empty()));
    }

    /** One header of 1 to 255 printable ASCII characters (space to tilde), as clients generate UUIDs and the like. */
    static Optional<String> validKey(List<String> values) {
        if (values.size() != 1) {
            return Optional.empty();
        }
        String key = values.getFirst();
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH || !key.chars().allMatch(c -> c >= 0x20 && c <= 0x7E)) {
            return Optional.empty();
        }
        return Optional.of(key);
    }

    /** SHA-256 over method, path with query, and body: the request a key was first used for. */
    static String fingerprint(HttpMethod method, String pathAndQuery, byte[] body) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(method.name().getBytes(StandardCharsets.US_ASCII));
            sha256.update((byte) '\n');
            sha256.update(pathAndQuery.getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) '\n');
            sha256.update(body);
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }

    private static String pathAndQuery(ServerHttpRequest request) {
        String query = request.getURI().getRawQuery();
        return request.getPath().value() + (query != null ? "?" + query : "");
    }

    private static byte[] drain(DataBuffer joined) {
        try {
            byte[] bytes = new byte[joined.readableByteCount()];
            joined.read(bytes);
            return bytes;
        } finally {
            DataBufferUtils.release(joined);
        }
    }
}
