package app.thaw.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * A small cache of tokens this application has already validated, in front of the real decoder:
 * a partner's program sends the same token with every call for its whole lifetime, and checking
 * its RS256 signature and claims each time was a large share of the gateway's and each service's
 * CPU per request. Keyed by the SHA-256 of the token (the token itself is not kept as a key);
 * an entry lives until the token's own expiry (plus the validator's clock skew, so the answer is
 * the same as without the cache) and at most {@code maxAge}; only tokens that passed every check
 * are cached, so a refused token is refused again each time it is sent.
 */
final class ValidatedTokens implements ReactiveJwtDecoder {

    private final ReactiveJwtDecoder decoder;
    private final Cache<String, Jwt> validated;

    ValidatedTokens(ReactiveJwtDecoder decoder, long maxTokens, Duration clockSkew, Duration maxAge, Clock clock) {
        this.decoder = decoder;
        this.validated = Caffeine.newBuilder()
                .maximumSize(maxTokens)
                .expireAfter(new UntilTokenExpiry(clockSkew, maxAge, clock))
                .build();
    }

    @Override
    public Mono<Jwt> decode(String token) {
        String key = sha256(token);
        Jwt known = validated.getIfPresent(key);
        if (known != null) {
            return Mono.just(known);
        }
        return decoder.decode(token).doOnNext(jwt -> validated.put(key, jwt));
    }

    long size() {
        validated.cleanUp();
        return validated.estimatedSize();
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JDK has SHA-256", impossible);
        }
    }

    /** An entry lasts as long as its token is acceptable, and never longer than {@code maxAge}. */
    private record UntilTokenExpiry(Duration clockSkew, Duration maxAge, Clock clock) implements Expiry<String, Jwt> {

        @Override
        public long expireAfterCreate(String key, Jwt jwt, long currentTime) {
            Instant expiresAt = jwt.getExpiresAt();
            Duration left = expiresAt == null ? maxAge : Duration.between(clock.instant(), expiresAt.plus(clockSkew));
            if (left.isNegative()) {
                return 0;
            }
            return (left.compareTo(maxAge) < 0 ? left : maxAge).toNanos();
        }

        @Override
        public long expireAfterUpdate(String key, Jwt jwt, long currentTime, long currentDuration) {
            return expireAfterCreate(key, jwt, currentTime);
        }

        @Override
        public long expireAfterRead(String key, Jwt jwt, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
