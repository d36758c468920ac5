package app.thaw.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import app.thaw.platform.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.test.StepVerifier;

class TokenValidationTests {

    static TestTokens tokens;
    static ReactiveJwtDecoder decoder;

    @BeforeAll
    static void startKeySet() {
        tokens = new TestTokens();
        ThawSecurityProperties properties = new ThawSecurityProperties(
                URI.create(TestTokens.ISSUER),
                URI.create(tokens.jwkSetUri()),
                "thaw-api",
                Duration.ofSeconds(5),
                List.of(),
                true,
                0,
                Duration.ofMinutes(5),
                Duration.ofSeconds(30));
        decoder = TokenValidation.decoder(properties, WebClient.create());
    }

    @AfterAll
    static void stopKeySet() {
        tokens.close();
    }

    @Test
    void acceptsAKeycloakShapedTokenAndReadsTheCaller() {
        StepVerifier.create(decoder.decode(tokens.token("merchant_admin", "default-roles-thaw"))
                        .map(Caller::from))
                .assertNext(caller -> {
                    assertThat(caller.tenantId()).isEqualTo("acme");
                    assertThat(caller.subject()).isEqualTo("user-1");
                    assertThat(caller.clientId()).isEqualTo("thaw-test");
                    assertThat(caller.roles()).containsExactly("merchant_admin");
                })
                .verifyComplete();
    }

    @Test
    void rejectsAnExpiredToken() {
        String expired = tokens.token(
                List.of("merchant_admin"),
                claims -> claims.issueTime(Date.from(Instant.now().minusSeconds(600)))
                        .expirationTime(Date.from(Instant.now().minusSeconds(60))));
        StepVerifier.create(decoder.decode(expired))
                .expectErrorSatisfies(error -> assertThat(error)
                        .isInstanceOf(JwtValidationException.class)
                        .hasMessageContaining("expired"))
                .verify();
    }

    @Test
    void toleratesAClockSkewOfAFewSeconds() {
        String justExpired = tokens.token(
                List.of("merchant_admin"),
                claims -> claims.issueTime(Date.from(Instant.now().minusSeconds(300)))
                        .expirationTime(Date.from(Instant.now().minusSeconds(2))));
        StepVerifier.create(decoder.decode(justExpired)).expectNextCount(1).verifyComplete();
    }

    @Test
    void rejectsATokenFromAnotherIssuer() {
        String foreign =
                tokens.token(List.of("merchant_admin"), claims -> claims.issuer("http://localhost:8180/realms/other"));
        StepVerifier.create(decoder.decode(foreign))
                .expectErrorSatisfies(error -> assertThat(error)
                        .isInstanceOf(JwtValidationException.class)
                        .hasMessageContaining("iss"))
                .verify();
    }

    @Test
    void rejectsATokenMeantForAnotherAudience() {
        String elsewhere = tokens.token(List.of("merchant_admin"), claims -> claims.audience(List.of("account")));
        StepVerifier.create(decoder.decode(elsewhere))
                .expectErrorSatisfies(error -> assertThat(error)
                        .isInstanceOf(JwtValidationException.class)
                        .hasMessageContaining("aud"))
                .verify();
    }

    @Test
    void rejectsATokenWithoutATenant() {
        String tenantless = tokens.token(List.of("merchant_admin"), claims -> claims.claim("tenant_id", null));
        StepVerifier.create(decoder.decode(tenantless))
                .expectErrorSatisfies(error -> assertThat(error)
                        .isInstanceOf(JwtValidationException.class)
                        .hasMessageContaining("tenant_id"))
                .verify();
    }

    @Test
    void rejectsATokenWhoseTenantIsNotAWellFormedTenantId() {
        for (String tenant : List.of("", "acme|other", "bank demo", "-acme", "a".repeat(65))) {
            String malformed = tokens.token(List.of("merchant_admin"), claims -> claims.claim("tenant_id", tenant));
            StepVerifier.create(decoder.decode(malformed))
                    .expectErrorSatisfies(error -> assertThat(error)
                            .as(tenant)
                            .isInstanceOf(JwtValidationException.class)
                            .hasMessageContaining("tenant_id"))
                    .verify();
        }
        String wellFormed =
                tokens.token(List.of("merchant_admin"), claims -> claims.claim("tenant_id", "bank-demo.cn_1"));
        StepVerifier.create(decoder.decode(wellFormed)).expectNextCount(1).verifyComplete();
    }

    @Test
    void rejectsAnUnsignedTokenWithAlgNone() {
        String signed = tokens.token("platform_admin");
        String payload = signed.split("\\.")[1];
        String header =
                Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes());
        StepVerifier.create(decoder.decode(header + "." + payload + "."))
                .expectError(BadJwtException.class)
                .verify();
    }

    @Test
    void rejectsATokenSignedByAnotherKey() {
        try (TestTokens stranger = new TestTokens()) {
            StepVerifier.create(decoder.decode(stranger.token("platform_admin")))
                    .expectError(BadJwtException.class)
                    .verify();
        }
    }

    @Test
    void fetchesTheKeySetOnceAndCachesIt() {
        StepVerifier.create(decoder.decode(tokens.token("merchant_member")))
                .expectNextCount(1)
                .verifyComplete();
        int afterFirstUse = tokens.keySetFetches();
        for (int i = 0; i < 3; i++) {
            StepVerifier.create(decoder.decode(tokens.token("merchant_member")))
                    .expectNextCount(1)
                    .verifyComplete();
        }
        assertThat(afterFirstUse).isPositive();
        assertThat(tokens.keySetFetches()).isEqualTo(afterFirstUse);
    }

    @Test
    void tokensNamingMadeUpKeyIdsAreRefusedWithoutFetchingTheKeySetForEachOfThem() throws Exception {
        StepVerifier.create(decoder.decode(tokens.token("merchant_member")))
                .expectNextCount(1)
                .verifyComplete();
        int before = tokens.keySetFetches();
        for (int i = 0; i < 20; i++) {
            String forged = withKeyId(tokens.token("merchant_member"), "made-up-" + i);
            StepVerifier.create(decoder.decode(forged))
                    .expectError(BadJwtException.class)
                    .verify();
        }
        // At most one fetch for all twenty (a first unknown id right after start may ask once).
        assertThat(tokens.keySetFetches() - before).isLessThanOrEqualTo(1);
        StepVerifier.create(decoder.decode(tokens.token("merchant_member")))
                .expectNextCount(1)
                .verifyComplete();
    }

    /** The token with its header's key id replaced (its signature no longer matters: the key is never found). */
    private static String withKeyId(String token, String keyId) {
        String[] parts = token.split("\\.");
        String header = new String(Base64.getUrlDecoder().decode(parts[0]))
                .replaceAll("\"kid\":\"[^\"]*\"", "\"kid\":\"" + keyId + "\"");
        return Base64.getUrlEncoder().withoutPadding().encodeToString(header.getBytes()) + "." + parts[1] + "."
                + parts[2];
    }
}
