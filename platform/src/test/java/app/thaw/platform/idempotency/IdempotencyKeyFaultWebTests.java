package app.thaw.platform.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import app.thaw.platform.idempotency.IdempotencyRecord.Scope;
import app.thaw.platform.testing.IdempotencyFaults;
import app.thaw.platform.testing.PlatformTestApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.test.StepVerifier;

/**
 * Idempotency-Key when things go wrong: a client that hangs up mid-request, a duplicate that meets
 * a request still running, an instance that died between its effect and the key's completion, and
 * another principal resending someone's request under their key (ADR 54).
 */
@SpringBootTest(
        classes = PlatformTestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.application.name=idempotency-fault-test", "thaw.service.area=test"})
@AutoConfigureWebTestClient
class IdempotencyKeyFaultWebTests extends IdempotencyWebTestSupport {

    static final String WIDGETS = "/api/v1/test/widgets";
    static final String KEYED = "/api/v1/test/keyed-widgets";

    @LocalServerPort
    int port;

    /** The first keyed request of a context makes the indexes: done before anything is timed. */
    @org.junit.jupiter.api.BeforeEach
    void warmedUp() {
        post(WIDGETS, newKey(), widget("warm-up"), ACME).expectStatus().isCreated();
    }

    @Test
    void aClientThatHangsUpAfterTheEffectGetsTheFirstResponseOnItsRetryAndNoSecondEffect() throws InterruptedException {
        String key = newKey();
        String name = "cut-off-" + key;
        String slow = "/api/v1/test/slow-widgets?delayMs=700";
        // Real HTTP: the client gives up after 150 ms, while the handler (the widget written) still takes 700 ms to
        // answer.
        WebClient client = WebClient.create("http://127.0.0.1:" + port);
        StepVerifier.create(client.post()
                        .uri(slow)
                        .headers(headers -> {
                            headers.setBearerAuth(ACME);
                            headers.set(IdempotencyKeyFilter.HEADER, key);
                        })
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(widget(name))
                        .retrieve()
                        .toBodilessEntity()
                        .timeout(Duration.ofMillis(150)))
                .expectError(java.util.concurrent.TimeoutException.class)
                .verify(Duration.ofSeconds(5));

        // At once, while the first still runs: 409 without waiting, and a hint when to come back.
        expectInProgressAtOnce(() -> post(slow, key, widget(name), ACME));

        // The cut-off request ran to its end and recorded its answer: the retry gets it, nothing runs twice.
        Thread.sleep(1_200);
        post(slow, key, widget(name), ACME)
                .expectStatus()
                .isCreated()
                .expectHeader()
                .valueEquals(IdempotencyKeyFilter.REPLAYED_HEADER, "true")
                .expectBody()
                .jsonPath("$.name")
                .isEqualTo(name);
        expectWidgets(name, 1);
    }

    @Test
    void aDuplicateOfARequestStillRunningAnswers409AtOnceWithRetryAfter() {
        String key = newKey();
        String name = "running-" + key;
        claimedByAnotherRequest(key, WIDGETS, widget(name), Instant.now().plus(Duration.ofMinutes(1)));

        expectInProgressAtOnce(() -> post(WIDGETS, key, widget(name), ACME));
        expectWidgets(name, 0);
    }

    @Test
    void aDifferentRequestUnderAKeyInProgressAnswers422() {
        String key = newKey();
        claimedByAnotherRequest(
                key, WIDGETS, widget("running-" + key), Instant.now().plus(Duration.ofMinutes(1)));

        post(WIDGETS, key, widget("other-" + key), ACME)
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("idempotency_key_reused");
        expectWidgets("other-" + key, 0);
    }

    @Test
    void aKeyWhoseInstanceDiedAfterTheEffectIsResolvedFromTheEffectNotRunTwice() {
        String key = newKey();
        String name = "crashed-" + key;
        String first = created(post(KEYED, key, widget(name), ACME));
        // As an instance killed between its write and the key's completion leaves it: claimed, lease lapsed.
        IdempotencyFaults.loseCompletion(mongo, key);

        post(KEYED, key, widget(name), ACME)
                .expectStatus()
                .isCreated()
                .expectBody(String.class)
                .isEqualTo(first);
        expectWidgets(name, 1);
        // And that answer is now the key's: replayed from here on.
        expectReplayOf(post(KEYED, key, widget(name), ACME), first);
    }

    @Test
    void aKeyedEffectIsTheCallersOwn() {
        String key = newKey();
        String name = "own-" + key;
        post(KEYED, key, widget(name), ACME).expectStatus().isCreated();
        post(KEYED, key, widget(name), GLOBEX).expectStatus().isCreated();
        post(KEYED, key, widget(name), OTHER_ACME_USER).expectStatus().isCreated();
        expectWidgets(name, 3);
    }

    @Test
    void anotherPrincipalResendingARequestWithItsKeyGetsTheAnswerOfTheirOwnRoleNotTheReplay() {
        String key = newKey();
        String name = "admin-only-" + key;
        String admin = tokens.token(List.of("platform_admin"), claims -> claims.subject("admin-1"));
        String member = tokens.token(List.of("merchant_member"), claims -> claims.subject("member-1"));
        String created = created(post("/api/v1/test/admin-widgets", key, widget(name), admin));

        post("/api/v1/test/admin-widgets", key, widget(name), member)
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .doesNotExist(IdempotencyKeyFilter.REPLAYED_HEADER)
                .expectBody(String.class)
                .value(body -> assertThat(body).doesNotContain(name));
        // The same user through another client is another principal too.
        post(
                        "/api/v1/test/admin-widgets",
                        key,
                        widget(name),
                        tokens.token(
                                List.of("merchant_member"),
                                claims -> claims.subject("admin-1").claim("azp", "other-client")))
                .expectStatus()
                .isForbidden();

        expectReplayOf(post("/api/v1/test/admin-widgets", key, widget(name), admin), created);
        expectWidgets(name, 1);
    }

    @Test
    void aClaimWhoseLeaseLapsedIsTakenOverAndTheRequestRuns() {
        String key = newKey();
        String name = "abandoned-" + key;
        claimedByAnotherRequest(key, WIDGETS, widget(name), Instant.now().minusMillis(1));

        ranOnce(post(WIDGETS, key, widget(name), ACME));
        expectWidgets(name, 1);
    }

    static final String OTHER_ACME_USER = tokens.token(List.of("merchant_admin"), claims -> claims.subject("user-2"));

    /** A claim on the key by a request of acme's user-1 through thaw-test with this body, held until {@code leaseEnds}. */
    private void claimedByAnotherRequest(String key, String path, String json, Instant leaseEnds) {
        String fingerprint =
                IdempotencyKeyFilter.fingerprint(HttpMethod.POST, path, json.getBytes(StandardCharsets.UTF_8));
        IdempotencyRecord claim = IdempotencyRecord.claim(
                new Scope("acme", "user-1|thaw-test", key, fingerprint), "another-request", Instant.now(), leaseEnds);
        StepVerifier.create(mongo.insert(claim, IdempotencyRecords.COLLECTION))
                .expectNextCount(1)
                .verifyComplete();
    }
}
