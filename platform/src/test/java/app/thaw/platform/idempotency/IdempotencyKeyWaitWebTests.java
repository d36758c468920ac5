package app.thaw.platform.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import app.thaw.platform.idempotency.IdempotencyRecord.Scope;
import app.thaw.platform.testing.PlatformTestApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import reactor.test.StepVerifier;

/**
 * A duplicate that arrives while the first request with its key still runs. The "first request"
 * here is a claim written straight into the store, as an instance that is slow, or has died,
 * would leave it; the wait is short so that running out of it is quick to see.
 */
@SpringBootTest(classes = PlatformTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.application.name=idempotency-wait-test", "thaw.service.area=test",
                "thaw.idempotency.max-wait=400ms"})
@AutoConfigureWebTestClient
class IdempotencyKeyWaitWebTests extends IdempotencyWebTestSupport {

    static final String WIDGETS = "/api/v1/test/widgets";

    @Test
    void aDuplicateOfARequestStillRunningPastTheWaitAnswers409WithRetryAfter() {
        String key = newKey();
        String name = "running-" + key;
        claimedByAnotherRequest(key, widget(name), Instant.now().plus(Duration.ofMinutes(1)));

        post(WIDGETS, key, widget(name), ACME)
                .expectStatus().isEqualTo(409)
                .expectHeader().value(HttpHeaders.RETRY_AFTER, seconds -> assertThat(Integer.parseInt(seconds)).isBetween(50, 60))
                .expectBody()
                .jsonPath("$.code").isEqualTo("idempotency_request_in_progress");
        expectWidgets(name, 0);
    }

    @Test
    void aDifferentRequestUnderAKeyInProgressAnswers422WithoutWaiting() {
        String key = newKey();
        claimedByAnotherRequest(key, widget("running-" + key), Instant.now().plus(Duration.ofMinutes(1)));

        post(WIDGETS, key, widget("other-" + key), ACME)
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("idempotency_key_reused");
        expectWidgets("other-" + key, 0);
    }

    @Test
    void aClaimWhoseLeaseLapsesDuringTheWaitIsTakenOverAndTheRequestRuns() {
        String key = newKey();
        String name = "abandoned-" + key;
        claimedByAnotherRequest(key, widget(name), Instant.now().plusMillis(150));

        post(WIDGETS, key, widget(name), ACME)
                .expectStatus().isCreated()
                .expectHeader().doesNotExist(IdempotencyKeyFilter.REPLAYED_HEADER);
        expectWidgets(name, 1);
    }

    /** A claim on the key by a request of tenant acme with this body, held until {@code leaseEnds}. */
    private void claimedByAnotherRequest(String key, String json, Instant leaseEnds) {
        String fingerprint = IdempotencyKeyFilter.fingerprint(HttpMethod.POST, WIDGETS, json.getBytes(StandardCharsets.UTF_8));
        IdempotencyRecord claim = IdempotencyRecord.claim(new Scope("acme", key, fingerprint), "another-request",
                Instant.now(), leaseEnds);
        StepVerifier.create(mongo.insert(claim, IdempotencyRecords.COLLECTION)).expectNextCount(1).verifyComplete();
    }
}
