package app.thaw.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

class ValidatedTokensTests {

    final AtomicInteger validations = new AtomicInteger();

    /** A decoder that counts its work: "good-…" tokens expire in {@code life}, anything else is refused. */
    ReactiveJwtDecoder counting(Duration life) {
        return token -> {
            validations.incrementAndGet();
            if (!token.startsWith("good")) {
                return Mono.error(new BadJwtException("refused"));
            }
            Instant now = Instant.now();
            return Mono.just(new Jwt(token, now, now.plus(life), Map.of("alg", "RS256"), Map.of("sub", token)));
        };
    }

    @Test
    void aTokenIsValidatedOnceAndThenRemembered() {
        ValidatedTokens tokens = new ValidatedTokens(
                counting(Duration.ofMinutes(5)), 100, Duration.ZERO, Duration.ofMinutes(5), Clock.systemUTC());
        for (int i = 0; i < 5; i++) {
            assertThat(tokens.decode("good-1").block().getSubject()).isEqualTo("good-1");
        }
        assertThat(validations).hasValue(1);
        tokens.decode("good-2").block();
        assertThat(validations).hasValue(2);
    }

    @Test
    void aRefusedTokenIsRefusedEveryTimeAndNeverRemembered() {
        ValidatedTokens tokens = new ValidatedTokens(
                counting(Duration.ofMinutes(5)), 100, Duration.ZERO, Duration.ofMinutes(5), Clock.systemUTC());
        for (int i = 0; i < 3; i++) {
            assertThat(tokens.decode("forged")
                            .onErrorResume(BadJwtException.class, e -> Mono.empty())
                            .block())
                    .isNull();
        }
        assertThat(validations).hasValue(3);
        assertThat(tokens.size()).isZero();
    }

    @Test
    void aRememberedTokenIsForgottenWhenItExpires() throws InterruptedException {
        ValidatedTokens tokens = new ValidatedTokens(
                counting(Duration.ofMillis(300)), 100, Duration.ZERO, Duration.ofMinutes(5), Clock.systemUTC());
        tokens.decode("good-short").block();
        tokens.decode("good-short").block();
        assertThat(validations).hasValue(1);
        Thread.sleep(500);
        // Past its expiry the real decoder judges it again (and would refuse it as expired).
        tokens.decode("good-short").block();
        assertThat(validations).hasValue(2);
    }

    @Test
    void noTokenIsRememberedLongerThanTheMaximumAge() throws InterruptedException {
        ValidatedTokens tokens = new ValidatedTokens(
                counting(Duration.ofHours(1)), 100, Duration.ZERO, Duration.ofMillis(300), Clock.systemUTC());
        tokens.decode("good-long").block();
        Thread.sleep(500);
        tokens.decode("good-long").block();
        assertThat(validations).hasValue(2);
    }
}
