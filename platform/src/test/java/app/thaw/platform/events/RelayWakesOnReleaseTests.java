package app.thaw.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import app.thaw.platform.testing.PlatformTestApplication;
import app.thaw.platform.testing.TestTokens;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The relay does not wait for its next poll after a commit (issue 19, end-to-end latency): with a poll
 * interval of ten minutes, an event put into the outbox is delivered within a second, because the release
 * wakes this instance's relay. Without the wake-up it would sit there until the next poll.
 */
@SpringBootTest(classes = PlatformTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class RelayWakesOnReleaseTests {

    static final TestTokens tokens = new TestTokens();
    static final int port = EventTestSupport.freePort();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        registry.add("server.port", () -> port);
        EventTestSupport.testService(registry, "wake-test", tokens);
        EventTestSupport.eventsClient(registry, "wake-test", tokens);
        registry.add("thaw.events.relay.enabled", () -> "true");
        registry.add("thaw.events.relay.poll-interval", () -> "10m");
        registry.add("thaw.events.subscriptions[0].name", () -> "self");
        registry.add("thaw.events.subscriptions[0].types", () -> "thaw.wake.*");
        registry.add("thaw.events.subscriptions[0].url", () -> "http://localhost:" + port + "/internal/events");
    }

    @AfterAll
    static void stop() {
        tokens.close();
    }

    @Autowired
    EventOutbox outbox;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void aReleasedEventIsDeliveredAtOnceNotAtTheNextPoll() {
        // Warm-up events first (token, connections, the relay's first pass): under a heavy load a first delivery may
        // time out, and its retry then waits for a poll or the next wake-up; the first to arrive ends the warm-up.
        Awaitility.await("a warm-up event delivered")
                .atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(10))
                .ignoreExceptionsInstanceOf(AssertionError.class)
                .until(() -> deliverAndTime("warm-up", Duration.ofSeconds(20)) >= 0);
        // From here the next poll is ten minutes away: only the release's wake-up can deliver in time. The bound is
        // generous for a loaded machine (1-3 ms each on an idle one; the poll would take 600,000).
        for (int i = 0; i < 5; i++) {
            assertThat(deliverAndTime("subject-" + i, Duration.ofSeconds(15))).isLessThan(15_000);
        }
    }

    long deliverAndTime(String subject, Duration within) {
        ThawEvent event =
                ThawEvent.of("wake-test", "thaw.wake.now", subject, "acme", Instant.now(), null, Map.of("n", 1));
        long started = System.nanoTime();
        assertThat(outbox.publish(event).block()).isEqualTo(1);
        try {
            Awaitility.await(subject + " delivered")
                    .atMost(within)
                    .pollInterval(Duration.ofMillis(20))
                    // Delivered: the entry has left the outbox (ADR 93).
                    .until(() -> entry(event) == null);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("Not delivered: " + entry(event), e);
        }
        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        System.out.println("RELAY_WAKE " + subject + " delivered in " + millis + " ms");
        return millis;
    }

    Document entry(ThawEvent event) {
        return mongo.findOne(
                        Query.query(Criteria.where("_id").is(event.id() + "|self")), Document.class, EventOutbox.OUTBOX)
                .block();
    }
}
