package app.thaw.platform.testing;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * A stand-in for Keycloak's signing side in platform tests: an RSA key, its JWK set served over
 * real HTTP on a loopback port, and tokens shaped like Keycloak's access tokens. The system tests
 * use the real Keycloak; these keep the platform's own tests fast and exact.
 */
public final class TestTokens implements AutoCloseable {

    public static final String ISSUER = "http://localhost:8180/realms/thaw";

    private final RSAKey key;
    private final DisposableServer server;
    private final AtomicInteger keySetFetches = new AtomicInteger();

    public TestTokens() {
        try {
            key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        String keySet = new JWKSet(key.toPublicJWK()).toString();
        server = HttpServer.create()
                .host("127.0.0.1")
                .port(0)
                .route(routes -> routes.get("/certs", (request, response) -> {
                            keySetFetches.incrementAndGet();
                            return response.header("Content-Type", "application/json")
                                    .sendString(Mono.just(keySet));
                        })
                        // Client credentials, as Keycloak answers them: a service token for the asking client.
                        .post(
                                "/token",
                                (request, response) -> request.receive()
                                        .aggregate()
                                        .asString()
                                        .defaultIfEmpty("")
                                        .flatMap(form -> {
                                            String clientId = clientIdOf(
                                                    form,
                                                    request.requestHeaders().get("Authorization"));
                                            // Signing draws on SecureRandom (RSA blinding): off the event loop.
                                            return Mono.fromCallable(() -> token(
                                                            List.of("thaw_service"),
                                                            claims -> claims.subject("service-account-" + clientId)
                                                                    .claim("azp", clientId)
                                                                    .claim("tenant_id", "thaw")))
                                                    .subscribeOn(Schedulers.boundedElastic())
                                                    .flatMap(
                                                            token -> response.header("Content-Type", "application/json")
                                                                    .sendString(
                                                                            Mono.just(
                                                                                    "{\"access_token\":\"" + token
                                                                                            + "\",\"token_type\":\"Bearer\",\"expires_in\":300}"))
                                                                    .then());
                                        })))
                .bindNow();
    }

    /** The client: from HTTP Basic authentication (Spring's default) or the form. */
    static String clientIdOf(String form, @Nullable String authorization) {
        if (authorization != null && authorization.startsWith("Basic ")) {
            String decoded = new String(java.util.Base64.getDecoder().decode(authorization.substring(6)));
            return java.net.URLDecoder.decode(
                    decoded.substring(0, decoded.indexOf(':')), java.nio.charset.StandardCharsets.UTF_8);
        }
        return form.contains("client_id=") ? form.replaceAll(".*client_id=([^&]*).*", "$1") : "unknown";
    }

    /** A token endpoint that grants client credentials to any client. */
    public String tokenUri() {
        return "http://127.0.0.1:" + server.port() + "/token";
    }

    public String jwkSetUri() {
        return "http://127.0.0.1:" + server.port() + "/certs";
    }

    public int keySetFetches() {
        return keySetFetches.get();
    }

    /** A valid token for a user of tenant {@code acme} with the given realm roles, adjusted by {@code changes}. */
    public String token(List<String> roles, Consumer<JWTClaimsSet.Builder> changes) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject("user-1")
                .audience(List.of("thaw-api", "account"))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)))
                .jwtID(UUID.randomUUID().toString())
                .claim("azp", "thaw-test")
                .claim("preferred_username", "acme-admin")
                .claim("tenant_id", "acme")
                .claim("realm_access", Map.of("roles", roles));
        changes.accept(claims);
        return sign(claims.build());
    }

    public String token(String... roles) {
        return token(List.of(roles), claims -> {});
    }

    public String sign(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(key.getKeyID())
                            .build(),
                    claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.disposeNow();
    }
}
