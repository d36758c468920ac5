package app.thaw.platform.events;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import app.thaw.platform.testing.PlatformTestApplication;
import app.thaw.platform.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The relay's events/s on each transport, side by side in one run and one application on the
 * embedded store: N events in the outbox, relayed over Kafka (to this application's own topic,
 * consumed by its consumer group) and then over HTTP (to its own {@code /internal/events}); both
 * end at the same {@link EventInbox} and handler. Only with {@code -Dbench=true}:
 * {@code ./mvnw -B -ntp -o -pl platform -am test -Dtest=RelayTransportBench -Dbench=true -Dsurefire.failIfNoSpecifiedTests=false | grep RELAY_BENCH}
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
@SpringBootTest(classes = PlatformTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@Import(RelayTransportBench.EffectHandler.class)
class RelayTransportBench {

    static final int EVENTS = Integer.getInteger("bench.events", 3000);
    static final String NAME = "relay-bench";
    static final TestTokens tokens = new TestTokens();
    static final int port = EventTestSupport.freePort();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        registry.add("server.port", () -> port);
        EventTestSupport.testService(registry, NAME, tokens);
        EventTestSupport.overKafka(registry, NAME, "thaw.bench.*");
        registry.add("thaw.events.subscriptions[0].url", () -> "http://localhost:" + port + "/internal/events");
    }

    @AfterAll
    static void stop() {
        tokens.close();
    }

    @TestConfiguration
    static class EffectHandler extends EventTestSupport.EffectHandler {

        EffectHandler() {
            super("thaw.bench.");
        }

        @Override
        public Mono<Void> handle(ThawEvent event) {
            return effect(event);
        }
    }

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    EventOutbox outbox;

    @Autowired
    OutboxRelay kafkaRelay;

    @Test
    void relayEventsPerSecondOnEachTransport() {
        String token = tokens.token(
                List.of("thaw_service"),
                claims -> claims.claim("tenant_id", "thaw").claim("azp", NAME));
        // The defaults (a poll every 500 ms: the "poll only" latency below), started by the bench itself.
        EventsProperties.Relay settings = new EventsProperties.Relay(
                false,
                Duration.ofMillis(500),
                100,
                16,
                Duration.ofSeconds(30),
                10,
                Duration.ofSeconds(1),
                Duration.ofMinutes(5),
                Duration.ofSeconds(10),
                Duration.ofSeconds(10));
        OutboxRelay httpRelay = EventTestSupport.relayOver(
                mongo,
                outbox,
                new HttpEventTransport(WebClient.create(), () -> Mono.just(token), Duration.ofSeconds(10)),
                settings);

        // A short warm-up of both paths (JIT, connections, the consumer group's partitions), not measured.
        run("warm-up kafka", kafkaRelay, 200);
        run("warm-up http", httpRelay, 200);
        String kafka = run("kafka", kafkaRelay, EVENTS);
        String http = run("http", httpRelay, EVENTS);
        System.out.println("RELAY_BENCH " + kafka);
        System.out.println("RELAY_BENCH " + http);

        // One hop's latency, commit to stored effect, one event at a time with the relay running as in a service:
        // woken by the release (issue 19) on each transport, and, for comparison, on its poll alone (before).
        List<String> latencies = new ArrayList<>();
        kafkaRelay.start();
        latency("warm-up", 20);
        latencies.add(latency("kafka, woken on release", LATENCY_EVENTS));
        kafkaRelay.stop();
        httpRelay.start();
        latency("warm-up", 20);
        latencies.add(latency("http, woken on release", LATENCY_EVENTS));
        httpRelay.stop();
        reactor.core.Disposable polling = app.thaw.platform.timers.PeriodicPass.every(
                "bench poll", Duration.ZERO, settings.pollInterval(), httpRelay::relayDue);
        latencies.add(latency("http, poll only (500 ms)", LATENCY_EVENTS));
        polling.dispose();
        latencies.forEach(line -> System.out.println("RELAY_LATENCY " + line));
    }

    static final int LATENCY_EVENTS = Integer.getInteger("bench.latency-events", 200);

    /** Publishes events one at a time and times each from its commit to its effect stored: p50, p90, p99, max. */
    private String latency(String label, int count) {
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ThawEvent event = ThawEvent.of(
                    "/thaw/relay-bench",
                    "thaw.bench.hop",
                    "hop-" + (i % 10),
                    "acme",
                    Instant.now(),
                    null,
                    Map.of("n", i));
            outbox.publish(event).block(Duration.ofSeconds(30));
            long committed = System.nanoTime();
            List<String> id = List.of(event.id());
            while (effects(id) < 1) {
                java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
            }
            micros.add((System.nanoTime() - committed) / 1_000);
        }
        List<Long> sorted = micros.stream().sorted().toList();
        return String.format(
                "%s: %d events, commit to effect p50 %d ms, p90 %d ms, p99 %d ms, max %d ms",
                label,
                count,
                percentile(sorted, 50),
                percentile(sorted, 90),
                percentile(sorted, 99),
                sorted.getLast() / 1000);
    }

    private static long percentile(List<Long> sortedMicros, int p) {
        int index = (int) Math.ceil(p / 100.0 * sortedMicros.size()) - 1;
        return sortedMicros.get(Math.max(0, index)) / 1000;
    }

    private String run(String transport, OutboxRelay relay, int count) {
        List<ThawEvent> events = IntStream.range(0, count)
                .mapToObj(i -> ThawEvent.of(
                        "/thaw/relay-bench",
                        "thaw.bench.moved",
                        "subject-" + (i % 100),
                        "acme",
                        Instant.now(),
                        null,
                        Map.of("n", i)))
                .toList();
        Flux.fromIterable(events).concatMap(outbox::publish, 16).blockLast();
        List<String> ids = events.stream().map(ThawEvent::id).toList();
        long start = System.nanoTime();
        while (delivered(ids) < count) {
            relay.relayDue().block(Duration.ofMinutes(5));
        }
        long relayed = System.nanoTime();
        while (effects(ids) < count) {
            sleep();
        }
        long applied = System.nanoTime();
        return String.format(
                "transport=%s events=%d relayed (outbox entries delivered) %.0f events/s in %.1f s; "
                        + "effects stored %.0f events/s in %.1f s",
                transport,
                count,
                count / seconds(relayed - start),
                seconds(relayed - start),
                count / seconds(applied - start),
                seconds(applied - start));
    }

    /** Entries the relay is done with: a delivered entry leaves the outbox (ADR 93). */
    private long delivered(List<String> eventIds) {
        return eventIds.size()
                - mongo.count(Query.query(Criteria.where("eventId").in(eventIds)), EventOutbox.OUTBOX)
                        .block();
    }

    private long effects(List<String> eventIds) {
        return EventTestSupport.effects(mongo, eventIds);
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static void sleep() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
