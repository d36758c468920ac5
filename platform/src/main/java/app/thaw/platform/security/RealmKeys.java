package app.thaw.platform.security;

import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import org.jspecify.annotations.Nullable;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The realm's signing keys, fetched from its JWK set and kept. A token naming a key id that is not in
 * the kept set makes us fetch again — Keycloak may have rotated its keys — but at most once per
 * {@code minRefetchInterval}: otherwise anybody could make every Thaw application call Keycloak once
 * per request just by sending tokens with made-up {@code kid}s. Fetches asked for at the same moment
 * share one request.
 */
final class RealmKeys implements Function<SignedJWT, Flux<JWK>> {

    private final WebClient web;
    private final URI jwkSetUri;
    private final Duration minRefetchInterval;
    private final Clock clock;
    private volatile @Nullable JWKSet keys;
    private volatile Instant fetchedAt = Instant.MIN;
    private final AtomicReference<@Nullable Mono<JWKSet>> fetching = new AtomicReference<>();

    RealmKeys(WebClient web, URI jwkSetUri, Duration minRefetchInterval, Clock clock) {
        this.web = web;
        this.jwkSetUri = jwkSetUri;
        this.minRefetchInterval = minRefetchInterval;
        this.clock = clock;
    }

    @Override
    public Flux<JWK> apply(SignedJWT token) {
        JWKSelector selector = new JWKSelector(JWKMatcher.forJWSHeader(token.getHeader()));
        JWKSet known = keys;
        if (known != null) {
            List<JWK> matching = selector.select(known);
            if (!matching.isEmpty()) {
                return Flux.fromIterable(matching);
            }
            if (clock.instant().isBefore(fetchedAt.plus(minRefetchInterval))) {
                // An unknown key id so soon after a fetch: refused without asking Keycloak again.
                return Flux.empty();
            }
        }
        return fetch().flatMapIterable(selector::select);
    }

    private Mono<JWKSet> fetch() {
        Mono<JWKSet> current = fetching.get();
        if (current != null) {
            return current;
        }
        Mono<JWKSet> request = web.get()
                .uri(jwkSetUri)
                .retrieve()
                .bodyToMono(String.class)
                .map(RealmKeys::parse)
                .doOnNext(set -> {
                    keys = set;
                    fetchedAt = clock.instant();
                })
                .doFinally(signal -> fetching.set(null))
                .cache();
        return fetching.compareAndSet(null, request) ? request : fetch();
    }

    private static JWKSet parse(String body) {
        try {
            return JWKSet.parse(body);
        } catch (ParseException e) {
            throw new IllegalStateException("The realm's key set is not a JWK set", e);
        }
    }
}
