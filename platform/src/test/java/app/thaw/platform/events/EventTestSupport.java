package app.thaw.platform.events;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import app.thaw.platform.testing.KafkaTestBroker;
import app.thaw.platform.testing.TestTokens;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

/**
 * What the platform's event tests share: the effect their handlers apply (one document per event
 * in {@value #EFFECTS}, a repeat ignored, as an idempotent consumer's would be), its counts, the
 * events they send, and a free port for a test that needs to know its own before it starts.
 */
final class EventTestSupport {

    static final String EFFECTS = "effects";

    private EventTestSupport() {}

    /** The handlers' effect: the event's document, once however often it arrives. */
    static Mono<Void> applyEffect(ReactiveMongoTemplate mongo, ThawEvent event) {
        return mongo.insert(new Document("_id", event.id()).append("subject", event.subject()), EFFECTS)
                .onErrorResume(DuplicateKeyException.class, again -> Mono.empty())
                .then();
    }

    /** How many of these events took effect. */
    static long effects(ReactiveMongoTemplate mongo, Collection<String> eventIds) {
        return mongo.count(Query.query(Criteria.where("_id").in(eventIds)), EFFECTS)
                .block();
    }

    /** How many of these events took effect. */
    static long effectsOf(ReactiveMongoTemplate mongo, List<ThawEvent> events) {
        return effects(mongo, events.stream().map(ThawEvent::id).toList());
    }

    /** Whether the event took effect: 1, or 0. */
    static long effects(ReactiveMongoTemplate mongo, String eventId) {
        return effects(mongo, List.of(eventId));
    }

    /** An event of acme's from {@code source} about {@code subject}, its data naming the subject. */
    static ThawEvent event(String source, String type, String subject) {
        return ThawEvent.of(source, type, subject, "acme", Instant.now(), null, Map.of("subject", subject));
    }

    /** A consumer of the events whose type starts with {@code prefix}; its effect is {@link #applyEffect}. */
    abstract static class EffectHandler implements EventHandler {

        private final String prefix;

        @Autowired
        ReactiveMongoTemplate mongo;

        EffectHandler(String prefix) {
            this.prefix = prefix;
        }

        @Override
        public boolean handles(String type) {
            return type.startsWith(prefix);
        }

        /** The event's effect, once. */
        Mono<Void> effect(ThawEvent event) {
            return applyEffect(mongo, event);
        }
    }

    /**
     * A test service named {@code name} (area {@code test}) on a fresh data directory, which trusts the tokens of
     * {@code tokens}.
     */
    static void testService(DynamicPropertyRegistry registry, String name, TestTokens tokens) throws IOException {
        String dataDir = Files.createTempDirectory("thaw-" + name).toString();
        registry.add("spring.application.name", () -> name);
        registry.add("thaw.service.area", () -> "test");
        registry.add("thaw.store.data-dir", () -> dataDir);
        registry.add("thaw.security.jwk-set-uri", tokens::jwkSetUri);
    }

    /** The service's relay asks {@code tokens}' issuer for its token as the client {@code name}. */
    static void eventsClient(DynamicPropertyRegistry registry, String name, TestTokens tokens) {
        registry.add("thaw.events.client.token-uri", tokens::tokenUri);
        registry.add("thaw.events.client.client-id", () -> name);
        registry.add("thaw.events.client.client-secret", () -> name + "-secret");
    }

    /**
     * The service's events go over the JVM's Kafka test broker to its own consumer group, subscribed to
     * {@code types}; the relay is off (the test runs it).
     */
    static void overKafka(DynamicPropertyRegistry registry, String name, String types) {
        registry.add("thaw.events.transport", () -> "kafka");
        registry.add("thaw.events.kafka.bootstrap-servers", KafkaTestBroker::bootstrapServers);
        registry.add("thaw.events.relay.enabled", () -> "false");
        registry.add("thaw.events.subscriptions[0].name", () -> name);
        registry.add("thaw.events.subscriptions[0].types", () -> types);
    }

    /**
     * A relay the test runs itself ({@code relayDue}, never on a timer), with the default lease and sweep: what the
     * tests vary is how much it takes at once, how often it tries and how long it waits.
     */
    static EventsProperties.Relay manualRelay(
            int batchSize,
            int concurrency,
            int maxAttempts,
            Duration initialBackoff,
            Duration maxBackoff,
            Duration timeout) {
        return new EventsProperties.Relay(
                false,
                Duration.ofSeconds(1),
                batchSize,
                concurrency,
                Duration.ofSeconds(30),
                maxAttempts,
                initialBackoff,
                maxBackoff,
                timeout,
                Duration.ofSeconds(10));
    }

    /** A second relay over the same outbox, beside the application's own. */
    static OutboxRelay relayOver(
            ReactiveMongoTemplate mongo,
            EventOutbox outbox,
            EventTransport transport,
            EventsProperties.Relay settings) {
        return new OutboxRelay(mongo, outbox, transport, settings, Clock.systemUTC(), new SimpleMeterRegistry());
    }

    /** The test application's dead letters ({@code limit} 200), as a platform admin lists them. */
    static WebTestClient.BodyContentSpec deadLetters(WebTestClient web, TestTokens tokens) {
        return web.get()
                .uri("/api/v1/test/admin/dead-letters?limit=200")
                .headers(h -> h.setBearerAuth(tokens.token("platform_admin")))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody();
    }

    /** The JSON path of a field of the dead letter {@code id} in {@link #deadLetters}. */
    static String deadLetterField(String id, String field) {
        return "$.items[?(@.id == '" + id + "')]" + (field.isEmpty() ? "" : "." + field);
    }

    /** A replay of the dead letter {@code id} asked for by a holder of {@code role}. */
    static WebTestClient.ResponseSpec replay(WebTestClient web, TestTokens tokens, String id, String role) {
        return web.post()
                .uri("/api/v1/test/admin/dead-letters/{id}/replay", id)
                .headers(h -> h.setBearerAuth(tokens.token(role)))
                .exchange();
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
