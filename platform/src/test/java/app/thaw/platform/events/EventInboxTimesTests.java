package app.thaw.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import app.thaw.store.EmbeddedStore;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Mono;

/**
 * The inbox's record of an event says when it came ({@code receivedAt}) and when its handlers were
 * done ({@code doneAt}): the difference is how long handling took, which is what a hop's latency is
 * read from (docs/benchmarks/platform.md). {@code doneAt} used to be taken when the chain was put
 * together, before any handler ran, so it equalled {@code receivedAt} whatever the handlers cost.
 */
class EventInboxTimesTests {

    @TempDir
    Path folder;

    /** A clock the test moves on; the handler below moves it while it "works". */
    static final class MovableClock extends Clock {

        final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-07T18:00:00Z"));

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }

    @Test
    void doneAtIsWhenTheHandlersFinishedNotWhenTheEventCame() throws Exception {
        MovableClock clock = new MovableClock();
        try (EmbeddedStore store = EmbeddedStore.start(folder.resolve("store.mv"), "127.0.0.1", 0);
                MongoClient client = MongoClients.create(store.connectionString(""))) {
            ReactiveMongoTemplate mongo = new ReactiveMongoTemplate(client, "consumer");
            EventHandler slow = new EventHandler() {
                @Override
                public boolean handles(String type) {
                    return true;
                }

                @Override
                public Mono<Void> handle(ThawEvent event) {
                    // Five seconds of work, on the inbox's clock.
                    return Mono.fromRunnable(() -> clock.now.updateAndGet(at -> at.plusSeconds(5)));
                }
            };
            EventInbox inbox = new EventInbox(mongo, List.of(slow), Duration.ofSeconds(60), clock);
            ThawEvent event =
                    ThawEvent.of("/thaw/test", "thaw.test.timed", "s-1", "acme", clock.instant(), null, Map.of());

            assertThat(inbox.receive(event).block(Duration.ofSeconds(30))).isEqualTo(EventInbox.Outcome.PROCESSED);

            Document record = mongo.findById(event.id(), Document.class, EventInbox.PROCESSED_EVENTS)
                    .block(Duration.ofSeconds(30));
            assertThat(record).isNotNull();
            assertThat(record.getString("state")).isEqualTo("DONE");
            Instant received = record.getDate("receivedAt").toInstant();
            Instant done = record.getDate("doneAt").toInstant();
            assertThat(received).isEqualTo(Instant.parse("2026-12-07T18:00:00Z"));
            assertThat(Duration.between(received, done)).isEqualTo(Duration.ofSeconds(5));
        }
    }
}
