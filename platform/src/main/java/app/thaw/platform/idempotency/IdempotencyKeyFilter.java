package app.thaw.platform.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import app.thaw.platform.idempotency.IdempotencyRecord.Scope;
import app.thaw.platform.idempotency.IdempotencyRecord.State;
import app.thaw.platform.idempotency.IdempotencyRecord.StoredResponse;
import app.thaw.platform.idempotency.IdempotencyRecords.Busy;
import app.thaw.platform.idempotency.IdempotencyRecords.Claim;
import app.thaw.platform.security.Caller;
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
import reactor.core.publisher.Sinks;

/**
 * Honours {@code Idempotency-Key} on POST: the first request with a key (per tenant and principal)
 * runs to its end whatever its client does, and its response is recorded; a retry with the same key
 * and the same request by the same principal gets that response again, marked
 * {@code Idempotent-Replayed: true}, without a second effect. A duplicate that arrives while the
 * first still runs is answered 409 at once. See docs/adr/0005-idempotency-keys.md and
 * docs/adr/0054-idempotency-under-faults.md for what is kept and why.
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
    static final List<String> REPLAYED_HEADERS = List.of(
            HttpHeaders.CONTENT_TYPE,
            HttpHeaders.LOCATION,
            HttpHeaders.ETAG,
            HttpHeaders.LAST_MODIFIED,
            HttpHeaders.ALLOW);

    /**
     * Answers that depend on the credential or on timing rather than on the request: not kept, so a
     * retry with the same key runs again once the caller or the moment has changed.
     */
    private static final Set<Integer> NOT_KEPT = Set.of(401, 403, 408, 425, 429);

    private static final int MAX_KEY_LENGTH = 255;
    private static final byte[] NO_BODY = new byte[0];
    private static final Logger log = LoggerFactory.getLogger(IdempotencyKeyFilter.class);

    private final IdempotencyRecords records;
    private final IdempotencyProperties properties;
    private final ServerCodecConfigurer codecs;
    private final ObjectProvider<WebExceptionHandler> exceptionHandlers;
    private final Clock clock;
    private final int maxRequestBody;
    private final int maxStoredResponse;

    IdempotencyKeyFilter(
            IdempotencyRecords records,
            IdempotencyProperties properties,
            ServerCodecConfigurer codecs,
            ObjectProvider<WebExceptionHandler> exceptionHandlers,
            Clock clock,
            int maxRequestBody) {
        this.records = records;
        this.properties = properties;
        this.codecs = codecs;
        this.exceptionHandlers = exceptionHandlers;
        this.clock = clock;
        this.maxRequestBody = maxRequestBody;
        this.maxStoredResponse =
                (int) Math.min(Integer.MAX_VALUE, properties.maxResponseSize().toBytes());
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
        return caller().flatMap(caller -> caller.isEmpty()
                // No token on a public path: there is no tenant to scope the key by, so it is not honoured.
                ? chain.filter(exchange)
                : keyed(exchange, chain, caller.get().tenantId(), principal(caller.get()), key.get()));
    }

    private Mono<Void> keyed(
            ServerWebExchange exchange, WebFilterChain chain, String tenant, String principal, String key) {
        ServerHttpRequest request = exchange.getRequest();
        // Over the in-memory limit this fails with DataBufferLimitException, answered 413 like any body too large.
        return DataBufferUtils.join(request.getBody(), maxRequestBody)
                .map(IdempotencyKeyFilter::drain)
                .defaultIfEmpty(NO_BODY)
                .flatMap(body -> {
                    Scope scope = new Scope(
                            tenant, principal, key, fingerprint(request.getMethod(), pathAndQuery(request), body));
                    return detached(claim(scope).flatMap(claim -> switch (claim) {
                        case Claim.Ours ours -> runFirst(exchange, chain, scope, ours, body);
                        case Claim.Theirs theirs -> replay(exchange, theirs.record());
                    }));
                });
    }

    /**
     * Runs from the claim on, detached from the client's connection: a client that hangs up (or a
     * gateway that times out) cancels only its wait for the answer, never the request halfway between
     * its claim, its effect and the key's completion. The request runs to its end, its response is
     * recorded, and the retry finds it.
     */
    private static Mono<Void> detached(Mono<Void> work) {
        return Mono.deferContextual(context -> {
            Sinks.One<Void> finished = Sinks.one();
            work.contextWrite(context).subscribe(null, finished::tryEmitError, finished::tryEmitEmpty);
            return finished.asMono();
        });
    }

    /**
     * Claims the key, or finds the completed request to replay. While another request holds the key
     * the answer is at once 409 with {@code Retry-After}: waiting here would only run into the
     * gateway's timeout. A claim whose lease lapsed (its instance died) is taken over, and the request
     * runs again; handlers that create make that second run find the first one's effect
     * ({@link IdempotentEffects}).
     */
    private Mono<Claim> claim(Scope scope) {
        return records.claim(scope, clock.instant(), properties.lease())
                .flatMap(claim -> settledOrBusy(claim, scope))
                .onErrorMap(Busy.class, busy -> IdempotencyProblems.inProgress(properties.retryAfter()));
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

    /** Runs the request that holds the key, telling its handler the key ({@link IdempotentEffects}). */
    private Mono<Void> runFirst(
            ServerWebExchange exchange, WebFilterChain chain, Scope scope, Claim.Ours claim, byte[] body) {
        IdempotentEffects.Key effectKey = new IdempotentEffects.Key(scope.effectSeed(), claim.firstClaimedAt());
        return run(exchange, chain, scope, claim.claimId(), body)
                .contextWrite(context -> context.put(IdempotentEffects.CONTEXT_KEY, effectKey));
    }

    private Mono<Void> run(ServerWebExchange exchange, WebFilterChain chain, Scope scope, String claimId, byte[] body) {
        RecordingResponse response = new RecordingResponse(
                exchange.getResponse(),
                maxStoredResponse,
                (status, headers, kept) -> settle(scope, claimId, status, headers, kept));
        return Mono.usingWhen(
                Mono.just(new ReplayingExchange(exchange, body, response, codecs)),
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
    private Mono<Void> settle(
            Scope scope, String claimId, HttpStatusCode status, HttpHeaders headers, byte @Nullable [] body) {
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
        return records.complete(
                        scope,
                        claimId,
                        new StoredResponse(status.value(), kept, body),
                        clock.instant(),
                        properties.retention())
                .doOnNext(completed -> {
                    if (!completed) {
                        log.warn(
                                "The claim on an idempotency key lapsed before its request finished (lease {}); "
                                        + "a retry may have run it again",
                                properties.lease());
                    }
                })
                .onErrorResume(failure -> {
                    log.error(
                            "Could not record the response for an idempotency key; retries wait until its lease lapses",
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
        return body.length == 0
                ? response.setComplete()
                : response.writeWith(
                        Mono.fromSupplier(() -> response.bufferFactory().wrap(body)));
    }

    /**
     * Who may see a key's response: the token's subject and the client it was issued to. Another
     * user of the tenant (a member resending an administrator's request, say) has keys of their own,
     * runs the request under their own roles, and gets the answer those roles get.
     */
    static String principal(Caller caller) {
        return caller.subject() + "|" + (caller.clientId() == null ? "" : caller.clientId());
    }

    /** The caller, from the validated token only; empty when the request has no token. */
    private static Mono<Optional<Caller>> caller() {
        return CurrentCaller.get()
                .map(Optional::of)
                .onErrorResume(
                        AuthenticationCredentialsNotFoundException.class, anonymous -> Mono.just(Optional.empty()));
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
