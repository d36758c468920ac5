package app.thaw.platform.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import app.thaw.platform.testing.PlatformTestApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.test.StepVerifier;

/**
 * Idempotency-Key on a running service with the embedded store: effects are widgets counted in the
 * store, and every response carries the new widget's id, so a second run would never answer alike.
 */
@SpringBootTest(
        classes = PlatformTestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.application.name=idempotency-test",
            "thaw.service.area=test",
            "thaw.idempotency.max-response-size=64KB"
        })
@AutoConfigureWebTestClient
class IdempotencyKeyWebTests extends IdempotencyWebTestSupport {

    static final String WIDGETS = "/api/v1/test/widgets";

    @LocalServerPort
    int port;

    record Answer(int status, String body, List<String> replayed) {}

    @Test
    void aHundredConcurrentDuplicatesCreateOneWidgetAndAllGetTheSameResponse() {
        String key = newKey();
        String name = "concurrent-" + key;
        // Its own pool: the default one would queue most of the hundred requests instead of sending them at once.
        ConnectionProvider connections = ConnectionProvider.builder("idempotency-test")
                .maxConnections(100)
                .pendingAcquireMaxCount(-1)
                .build();
        WebClient client = WebClient.builder()
                .baseUrl("http://127.0.0.1:" + port)
                .clientConnector(new ReactorClientHttpConnector(HttpClient.create(connections)))
                .build();
        Mono<List<Answer>> hundredAtOnce = Flux.range(0, 100)
                .flatMap(
                        i -> client.post()
                                .uri(WIDGETS)
                                .headers(headers -> {
                                    headers.setBearerAuth(ACME);
                                    headers.set(IdempotencyKeyFilter.HEADER, key);
                                })
                                .contentType(MediaType.APPLICATION_JSON)
                                .bodyValue(widget(name))
                                .exchangeToMono(response -> response.bodyToMono(String.class)
                                        .defaultIfEmpty("")
                                        .map(body -> new Answer(
                                                response.statusCode().value(),
                                                body,
                                                response.headers().header(IdempotencyKeyFilter.REPLAYED_HEADER)))),
                        100)
                .collectList()
                .doFinally(done -> connections.dispose());

        // One runs; each duplicate gets either 409 at once (the first still runs) or the first's response replayed.
        StepVerifier.create(hundredAtOnce)
                .assertNext(answers -> {
                    assertThat(answers).hasSize(100);
                    // Which of the two each gets depends on timing (on a busy machine all may come after the first).
                    assertThat(answers)
                            .extracting(Answer::status)
                            .allSatisfy(status -> assertThat(status).isIn(201, 409));
                    List<Answer> created = answers.stream()
                            .filter(answer -> answer.status() == 201)
                            .toList();
                    assertThat(created)
                            .extracting(Answer::body)
                            .containsOnly(created.getFirst().body());
                    assertThat(created.getFirst().body()).contains("\"name\":\"" + name + "\"");
                    assertThat(created)
                            .filteredOn(answer -> answer.replayed().isEmpty())
                            .hasSize(1);
                    assertThat(answers)
                            .filteredOn(answer -> answer.status() == 409)
                            .allSatisfy(busy ->
                                    assertThat(busy.body()).contains("\"code\":\"idempotency_key_in_progress\""));
                })
                .expectComplete()
                .verify(Duration.ofSeconds(60));
        expectWidgets(name, 1);
        post(WIDGETS, key, widget(name), ACME)
                .expectStatus()
                .isCreated()
                .expectHeader()
                .valueEquals(IdempotencyKeyFilter.REPLAYED_HEADER, "true");
        expectWidgets(name, 1);
    }

    @Test
    void aRetryAfterCompletionReplaysTheFirstResponseWithoutASecondEffect() {
        String key = newKey();
        String name = "retried-" + key;
        EntityExchangeResult<String> first = post(WIDGETS, key, widget(name), ACME)
                .expectStatus()
                .isCreated()
                .expectHeader()
                .doesNotExist(IdempotencyKeyFilter.REPLAYED_HEADER)
                .expectBody(String.class)
                .returnResult();

        post(WIDGETS, key, widget(name), ACME)
                .expectStatus()
                .isCreated()
                .expectHeader()
                .valueEquals(IdempotencyKeyFilter.REPLAYED_HEADER, "true")
                .expectHeader()
                .valueEquals(HttpHeaders.LOCATION, first.getResponseHeaders().getFirst(HttpHeaders.LOCATION))
                .expectHeader()
                .valueEquals(HttpHeaders.ETAG, "\"1\"")
                .expectHeader()
                .contentType(MediaType.APPLICATION_JSON)
                .expectBody(String.class)
                .isEqualTo(first.getResponseBody());
        expectWidgets(name, 1);
    }

    @Test
    void theSameKeyForADifferentRequestAnswers422() {
        String key = newKey();
        post(WIDGETS, key, widget("first-" + key), ACME).expectStatus().isCreated();

        post(WIDGETS, key, widget("second-" + key), ACME)
                .expectStatus()
                .isEqualTo(422)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:thaw:problem:idempotency_key_reused")
                .jsonPath("$.code")
                .isEqualTo("idempotency_key_reused");
        post("/api/v1/test/flaky-widgets", key, widget("first-" + key), ACME)
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("idempotency_key_reused");
        expectWidgets("second-" + key, 0);
        expectWidgets("first-" + key, 1);
    }

    @Test
    void differentTenantsUseTheSameKeyIndependently() {
        String key = newKey();
        String name = "shared-" + key;
        String acme = ranOnce(post(WIDGETS, key, widget(name), ACME));
        String globex = ranOnce(post(WIDGETS, key, widget(name), GLOBEX));

        assertThat(globex).contains("\"tenant\":\"globex\"").isNotEqualTo(acme);
        expectWidgets("acme", name, 1);
        expectWidgets("globex", name, 1);
    }

    @Test
    void aRequestWithoutTheKeyIsUnaffected() {
        String name = "unkeyed-" + newKey();
        ranOnce(post(WIDGETS, null, widget(name), ACME));
        ranOnce(post(WIDGETS, null, widget(name), ACME));
        expectWidgets(name, 2);
    }

    @Test
    void anInvalidKeyAnswers400NamingTheHeaderAndCreatesNothing() {
        String name = "invalid-key-" + newKey();
        for (String invalid : List.of("", "k".repeat(256))) {
            post(WIDGETS, invalid, widget(name), ACME)
                    .expectStatus()
                    .isBadRequest()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.code")
                    .isEqualTo("invalid_idempotency_key")
                    .jsonPath("$.header")
                    .isEqualTo("Idempotency-Key")
                    .jsonPath("$.detail")
                    .value(detail -> assertThat((String) detail).contains("Idempotency-Key"));
        }
        post(WIDGETS, "k".repeat(255), widget(name), ACME).expectStatus().isCreated();
        expectWidgets(name, 1);
    }

    @Test
    void aFailedFirstAttemptReleasesTheKeySoARetryRunsOnce() {
        String key = newKey();
        String name = "flaky-" + key;
        post("/api/v1/test/flaky-widgets", key, widget(name), ACME)
                .expectStatus()
                .isEqualTo(500)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("internal_error");

        String second = ranOnce(post("/api/v1/test/flaky-widgets", key, widget(name), ACME));
        expectReplayOf(post("/api/v1/test/flaky-widgets", key, widget(name), ACME), second);
        expectWidgets(name, 1);
    }

    @Test
    void aClientErrorIsKeptAndReplayed() {
        String key = newKey();
        String first = post(WIDGETS, key, widget(" "), ACME)
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .doesNotExist(IdempotencyKeyFilter.REPLAYED_HEADER)
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(first).contains("\"code\":\"validation_failed\"", "\"traceId\"");

        // The same traceId shows the body is the first answer, not a second run's.
        post(WIDGETS, key, widget(" "), ACME)
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .valueEquals(IdempotencyKeyFilter.REPLAYED_HEADER, "true")
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class)
                .isEqualTo(first);
    }

    @Test
    void anExpiredRecordIsIgnored() {
        String key = newKey();
        String name = "expired-" + key;
        String first = created(post(WIDGETS, key, widget(name), ACME));
        // As a store that does not expire documents (the embedded one) leaves it: still there, past its time.
        StepVerifier.create(mongo.updateFirst(
                        query(where("tenant").is("acme").and("key").is(key)),
                        Update.update("expiresAt", Date.from(Instant.now().minusSeconds(1))),
                        IdempotencyRecords.COLLECTION))
                .assertNext(result -> assertThat(result.getModifiedCount()).isEqualTo(1))
                .verifyComplete();

        String second = ranOnce(post(WIDGETS, key, widget(name), ACME));
        assertThat(second).isNotEqualTo(first);
        expectWidgets(name, 2);
        // And the new run's response is the one kept now.
        expectReplayOf(post(WIDGETS, key, widget(name), ACME), second);
    }

    @Test
    void aDenialIsAnsweredBySecurityAsAlwaysAndNotKept() {
        String key = newKey();
        String name = "admin-" + key;
        post("/api/v1/test/admin-widgets", key, widget(name), ACME)
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\"")
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("forbidden");

        ranOnce(post("/api/v1/test/admin-widgets", key, widget(name), tokens.token("platform_admin")));
        expectWidgets(name, 1);
    }

    @Test
    void aResponseTooLargeToKeepIsAnsweredInFullOnceAndARetryIsToldItWasDone() {
        String key = newKey();
        String name = "big-" + key;
        String big = "/api/v1/test/big-widgets?size=" + 70_000;
        EntityExchangeResult<String> first = post(big, key, widget(name), ACME)
                .expectStatus()
                .isCreated()
                .expectBody(String.class)
                .returnResult();
        assertThat(first.getResponseBody()).hasSizeGreaterThan(70_000).endsWith("\"}");

        post(big, key, widget(name), ACME)
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("idempotency_response_not_retained")
                .jsonPath("$.originalStatus")
                .isEqualTo(201)
                .jsonPath("$.location")
                .isEqualTo(first.getResponseHeaders().getFirst(HttpHeaders.LOCATION));
        expectWidgets(name, 1);
    }

    @Test
    void formDataOfAKeyedRequestReachesItsHandler() {
        String key = newKey();
        String name = "form-" + key;
        String first = created(web.post()
                .uri("/api/v1/test/form-widgets")
                .headers(headers -> {
                    headers.setBearerAuth(ACME);
                    headers.set(IdempotencyKeyFilter.HEADER, key);
                })
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("name=" + name)
                .exchange());
        assertThat(first).contains("\"name\":\"" + name + "\"");
        expectWidgets(name, 1);
    }

    @Test
    void keysAreUniquePerTenantAndPrincipalAndExpireByTtlWhereTheStoreHonoursIt() {
        post(WIDGETS, newKey(), widget("indexed"), ACME).expectStatus().isCreated();
        // The embedded store lists the TTL index but never expires anything (anExpiredRecordIsIgnored covers that).
        StepVerifier.create(mongo.indexOps(IdempotencyRecords.COLLECTION)
                        .getIndexInfo()
                        .collectList())
                .assertNext(indexes -> {
                    assertThat(indexes).anySatisfy(index -> {
                        assertThat(index.isUnique()).isTrue();
                        assertThat(index.getIndexFields())
                                .extracting(field -> field.getKey())
                                .containsExactly("tenant", "principal", "key");
                    });
                    assertThat(indexes).anySatisfy(index -> {
                        assertThat(index.getIndexFields())
                                .extracting(field -> field.getKey())
                                .containsExactly("expiresAt");
                        assertThat(index.getExpireAfter()).contains(Duration.ZERO);
                    });
                })
                .verifyComplete();
    }
}
