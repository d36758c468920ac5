package app.thaw.platform.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import app.thaw.platform.testing.TestTokens;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.test.StepVerifier;

/** What the Idempotency-Key tests share: tokens of two tenants, an embedded store, and counting widgets. */
abstract class IdempotencyWebTestSupport {

    /** Lives as long as the test JVM: Spring caches the application contexts across test classes. */
    static final TestTokens tokens = new TestTokens();

    static final String ACME = tokens.token("merchant_admin");
    static final String GLOBEX = tokens.token(List.of("merchant_admin"), claims -> claims.claim("tenant_id", "globex"));

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        String dataDir = Files.createTempDirectory("thaw-idempotency-test").toString();
        registry.add("thaw.security.jwk-set-uri", tokens::jwkSetUri);
        registry.add("thaw.store.data-dir", () -> dataDir);
    }

    @Autowired
    WebTestClient web;

    @Autowired
    ReactiveMongoTemplate mongo;

    static String newKey() {
        return UUID.randomUUID().toString();
    }

    static String widget(String name) {
        return "{\"name\":\"" + name + "\"}";
    }

    WebTestClient.ResponseSpec post(String path, @Nullable String key, String json, String token) {
        // A cold context on a busy machine (the first request makes the indexes) can take longer than the default 5 s.
        return web.mutate()
                .responseTimeout(Duration.ofSeconds(30))
                .build()
                .post()
                .uri(path)
                .headers(headers -> {
                    headers.setBearerAuth(token);
                    if (key != null) {
                        headers.set(IdempotencyKeyFilter.HEADER, key);
                    }
                })
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json)
                .exchange();
    }

    /** The body of an answer 201, as text. */
    static String created(WebTestClient.ResponseSpec answer) {
        return answer.expectStatus()
                .isCreated()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
    }

    /** The body of an answer 201 that ran its request (no replay), as text. */
    static String ranOnce(WebTestClient.ResponseSpec answer) {
        return answer.expectStatus()
                .isCreated()
                .expectHeader()
                .doesNotExist(IdempotencyKeyFilter.REPLAYED_HEADER)
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
    }

    /** The answer is the 201 {@code first} replayed, to the letter. */
    static void expectReplayOf(WebTestClient.ResponseSpec answer, String first) {
        answer.expectStatus()
                .isCreated()
                .expectHeader()
                .valueEquals(IdempotencyKeyFilter.REPLAYED_HEADER, "true")
                .expectBody(String.class)
                .isEqualTo(first);
    }

    /** The request, sent while its key's first run is still going, is told so at once (409) and when to retry. */
    static void expectInProgressAtOnce(Supplier<WebTestClient.ResponseSpec> request) {
        long started = System.nanoTime();
        request.get()
                .expectStatus()
                .isEqualTo(409)
                .expectHeader()
                .valueEquals(HttpHeaders.RETRY_AFTER, "1")
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("idempotency_key_in_progress");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
    }

    /** The effect to count: widgets created with this name (by any tenant, or by one). */
    void expectWidgets(String name, long count) {
        StepVerifier.create(mongo.count(query(where("name").is(name)), "widgets"))
                .expectNext(count)
                .verifyComplete();
    }

    void expectWidgets(String tenant, String name, long count) {
        StepVerifier.create(
                        mongo.count(query(where("name").is(name).and("tenant").is(tenant)), "widgets"))
                .expectNext(count)
                .verifyComplete();
    }
}
