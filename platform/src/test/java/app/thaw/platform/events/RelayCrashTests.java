package app.thaw.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import app.thaw.store.EmbeddedStore;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * No event lost and none applied twice when the relay's process dies abruptly: 10,000 events
 * recorded on their documents, a relay in a child JVM killed with SIGKILL at random moments and
 * restarted, a consumer behind the real {@link EventInbox}; then the producer's events are
 * reconciled against the consumer's effects.
 */
class RelayCrashTests {

    static final int EVENTS = 10_000;

    @TempDir
    Path folder;

    @Test
    void tenThousandEventsSurviveARelayKilledAtRandomMomentsWithNoneLostAndNoneAppliedTwice() throws Exception {
        Random random = new Random(20261123L);
        try (EmbeddedStore store = EmbeddedStore.start(folder.resolve("store.mv"), "127.0.0.1", 0);
                MongoClient client = MongoClients.create(store.connectionString(""))) {
            ReactiveMongoTemplate producerDb = new ReactiveMongoTemplate(client, "producer");
            ReactiveMongoTemplate consumerDb = new ReactiveMongoTemplate(client, "consumer");

            Map<String, AtomicInteger> handlerRuns = new ConcurrentHashMap<>();
            EventHandler handler = new EventHandler() {
                @Override
                public boolean handles(String type) {
                    return true;
                }

                @Override
                public Mono<Void> handle(ThawEvent event) {
                    handlerRuns
                            .computeIfAbsent(event.id(), id -> new AtomicInteger())
                            .incrementAndGet();
                    return consumerDb
                            .insert(new Document("_id", event.id()), "effects")
                            .onErrorResume(DuplicateKeyException.class, again -> Mono.empty())
                            .then();
                }
            };
            // The consumer never dies here, so its claims never need to expire: a lease far longer than any handling
            // on a loaded machine keeps "applied once" about the relay's crashes (a 10 s lease ran out under a load
            // of 25 and let a redelivery run the handler again, as a lease is meant to once its holder is gone).
            EventInbox inbox = new EventInbox(consumerDb, List.of(handler), Duration.ofMinutes(5), Clock.systemUTC());
            JsonMapper json = JsonMapper.builder().build();
            // Build Jackson's deserializers once here: built on first use, under a lock, on the event loop.
            json.readValue("{\"data\":{}}", Map.class);
            DisposableServer consumer = HttpServer.create()
                    .host("127.0.0.1")
                    .port(0)
                    .route(routes -> routes.post(
                            "/internal/events",
                            (request, response) -> request.receive()
                                    .aggregate()
                                    .asString()
                                    .map(body -> InternalEventsController.parse(json.readValue(body, Map.class)))
                                    .flatMap(inbox::receive)
                                    .flatMap(outcome -> response.status(
                                                    outcome == EventInbox.Outcome.IN_PROGRESS ? 503 : 200)
                                            .send()
                                            .then())))
                    .bindNow();
            try {
                // The producer: each change stored together with its event, as a service does.
                List<String> produced = new ArrayList<>();
                List<Document> notes = new ArrayList<>();
                for (int i = 0; i < EVENTS; i++) {
                    ThawEvent event = ThawEvent.of(
                            "/thaw/test", "thaw.test.noted", "note-" + i, "acme", Instant.now(), null, Map.of("n", i));
                    produced.add(event.id());
                    notes.add(new Document("_id", "note-" + i)
                            .append(EventOutbox.PENDING_EVENTS, EventOutbox.pending(List.of(event))));
                }
                Flux.fromIterable(notes)
                        .buffer(500)
                        .concatMap(batch -> producerDb.insert(batch, "notes"))
                        .blockLast();

                String subscriber = "http://127.0.0.1:" + consumer.port() + "/internal/events";
                int kills = 0;
                for (; kills < 4; kills++) {
                    Process relay = startRelay(store, subscriber);
                    long delivered = countEffects(consumerDb);
                    // Kill it mid-work: once it is delivering, at a random moment within the next 1.5 s.
                    Awaitility.await()
                            .atMost(Duration.ofMinutes(2))
                            .pollInterval(Duration.ofMillis(50))
                            .until(() -> countEffects(consumerDb) > delivered);
                    TimeUnit.MILLISECONDS.sleep(random.nextInt(1500));
                    relay.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
                long before = countEffects(consumerDb);
                long started = System.nanoTime();
                Process lastRelay = startRelay(store, subscriber);
                try {
                    Awaitility.await()
                            .atMost(Duration.ofMinutes(5))
                            .pollInterval(Duration.ofMillis(500))
                            .until(() -> countEffects(consumerDb) == EVENTS);
                } finally {
                    lastRelay.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
                double seconds = (System.nanoTime() - started) / 1e9;
                System.out.printf(
                        "RELAY_THROUGHPUT after %d kills: %d events in %.1f s = %.0f events/s end to end%n",
                        kills, EVENTS - before, seconds, (EVENTS - before) / seconds);

                assertThat(kills).isEqualTo(4);
                assertThat(before)
                        .as("the killed relays had delivered part of the events")
                        .isPositive()
                        .isLessThan(EVENTS);
                List<String> applied = consumerDb
                        .find(new Query(), Document.class, "effects")
                        .map(effect -> effect.getString("_id"))
                        .collectList()
                        .block();
                assertThat(applied)
                        .as("every produced event applied, none missing")
                        .containsExactlyInAnyOrderElementsOf(produced);
                assertThat(handlerRuns.values())
                        .as("no event applied twice")
                        .allSatisfy(runs -> assertThat(runs.get()).isEqualTo(1));
                assertThat(producerDb
                                .count(
                                        Query.query(Criteria.where(EventOutbox.PENDING_EVENTS + ".0")
                                                .exists(true)),
                                        "notes")
                                .block())
                        .isZero();
            } finally {
                consumer.disposeNow();
            }
        }
    }

    private static long countEffects(ReactiveMongoTemplate consumerDb) {
        return consumerDb.count(new Query(), "effects").block();
    }

    private static Process startRelay(EmbeddedStore store, String subscriber) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(
                        java,
                        "-Xmx128m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        RelayProcess.class.getName(),
                        store.connectionString("producer"),
                        "producer",
                        subscriber)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
    }
}
