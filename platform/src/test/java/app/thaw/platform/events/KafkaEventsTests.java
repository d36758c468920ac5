package app.thaw.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import app.thaw.platform.testing.KafkaTestBroker;
import app.thaw.platform.testing.PlatformTestApplication;
import app.thaw.platform.testing.TestTokens;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The Kafka transport (ADR 90) on a real single-node KRaft broker in this JVM: this application
 * publishes {@code thaw.ktest.*} events through its outbox and relay to its own topic and consumes
 * them in its consumer group into the same {@link EventInbox} the HTTP transport uses.
 */
@SpringBootTest(classes = PlatformTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@Import(KafkaEventsTests.RecordingHandler.class)
class KafkaEventsTests {

    static final String NAME = "kafka-test";
    static final String TOPIC = "thaw.events." + NAME;
    static final TestTokens tokens = new TestTokens();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        EventTestSupport.testService(registry, NAME, tokens);
        EventTestSupport.overKafka(registry, NAME, "thaw.ktest.*");
        registry.add("thaw.events.kafka.partitions", () -> "2");
        registry.add("thaw.events.kafka.concurrency", () -> "1");
        registry.add("thaw.events.relay.initial-backoff", () -> "100ms");
        registry.add("thaw.events.relay.max-backoff", () -> "200ms");
        registry.add("thaw.events.relay.max-attempts", () -> "4");
    }

    @AfterAll
    static void stop() {
        tokens.close();
    }

    /** Strict data for the poison event: the member {@code required} must be there. */
    @EventType("thaw.ktest.poison")
    record Poison(String required) {}

    /**
     * A consumer whose effect is one document per event; it records how often it actually ran and,
     * per subject, the order of the sequences it saw. {@code thaw.ktest.flaky} fails while
     * {@code flakyFailuresLeft} lasts; {@code thaw.ktest.poison} is read into {@link Poison} (so data
     * without {@code required} is 400 event_malformed) until {@code acceptPoison}.
     */
    @TestConfiguration
    static class RecordingHandler extends EventTestSupport.EffectHandler {

        final Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
        final Map<String, List<Long>> sequences = new ConcurrentHashMap<>();
        final AtomicInteger flakyFailuresLeft = new AtomicInteger();
        final AtomicBoolean acceptPoison = new AtomicBoolean();
        final EventBinding<Poison> strictPoison = EventBinding.on(Poison.class, received -> Mono.empty());

        RecordingHandler() {
            super("thaw.ktest.");
        }

        @Override
        public Mono<Void> handle(ThawEvent event) {
            runs.computeIfAbsent(event.id(), id -> new AtomicInteger()).incrementAndGet();
            if (event.type().equals("thaw.ktest.flaky") && flakyFailuresLeft.getAndDecrement() > 0) {
                return Mono.error(new IllegalStateException("the flaky handler fails this time"));
            }
            Mono<Void> check = event.type().equals("thaw.ktest.poison") && !acceptPoison.get()
                    ? strictPoison.handle(event)
                    : Mono.empty();
            return check.then(Mono.defer(() -> {
                if (event.sequence() != null) {
                    sequences
                            .computeIfAbsent(
                                    event.subject(), subject -> Collections.synchronizedList(new ArrayList<>()))
                            .add(event.sequence());
                }
                Mono<Void> pause = event.type().equals("thaw.ktest.slow")
                        ? Mono.delay(Duration.ofMillis(3)).then()
                        : Mono.empty();
                return pause.then(effect(event));
            }));
        }

        int runsOf(String eventId) {
            AtomicInteger count = runs.get(eventId);
            return count == null ? 0 : count.get();
        }
    }

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    EventOutbox outbox;

    @Autowired
    OutboxRelay relay;

    @Autowired
    RecordingHandler handler;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    @Qualifier("thawEventsKafkaTemplate")
    KafkaTemplate<String, String> kafka;

    @Autowired
    WebTestClient web;

    @Test
    void eventsReachTheInboxOnceAndInOrderPerSubjectAndAreMarkedDeliveredOnceTheBrokerHasThem() {
        List<ThawEvent> events = new ArrayList<>();
        for (long sequence = 1; sequence <= 20; sequence++) {
            for (int subject = 0; subject < 5; subject++) {
                events.add(event("thaw.ktest.ordered", "order-" + subject).withSequence(sequence));
            }
        }
        Flux.fromIterable(events).concatMap(outbox::publish).blockLast();
        relay.relayDue().block(Duration.ofSeconds(30));
        // Delivered means the broker has it: the relay is done with every entry (each has left the outbox, ADR 93)
        // before any effect is awaited.
        assertThat(mongo.count(
                                Query.query(Criteria.where("eventId")
                                        .in(events.stream().map(ThawEvent::id).toList())),
                                EventOutbox.OUTBOX)
                        .block())
                .isZero();
        // At least once: the same event on the topic twice more (a relay that died after the broker's ack).
        ThawEvent repeated = events.get(7);
        kafka.send(KafkaEventTransport.record(TOPIC, repeated)).join();
        kafka.send(KafkaEventTransport.record(TOPIC, repeated)).join();

        awaitEffects(events, 30);
        assertThat(events)
                .allSatisfy(event ->
                        assertThat(handler.runsOf(event.id())).as(event.id()).isEqualTo(1));
        for (int subject = 0; subject < 5; subject++) {
            assertThat(handler.sequences.get("order-" + subject))
                    .as("order-" + subject)
                    .containsExactlyElementsOf(
                            IntStream.rangeClosed(1, 20).mapToObj(Long::valueOf).toList());
        }
    }

    @Test
    void anEntryIsNotDeliveredUntilABrokerAcknowledgedIt() {
        ThawEvent event = event("thaw.ktest.unacknowledged", "nowhere");
        outbox.publish(event).block();
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                "127.0.0.1:1",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.MAX_BLOCK_MS_CONFIG,
                500);
        KafkaTemplate<String, String> unreachable = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config));
        EventsProperties.Kafka settings =
                new EventsProperties.Kafka("127.0.0.1:1", "thaw.events.", NAME, 2, (short) 1, 1, Map.of());
        OutboxRelay cutOff = EventTestSupport.relayOver(
                mongo,
                outbox,
                new KafkaEventTransport(unreachable, settings, Duration.ofSeconds(2)),
                EventTestSupport.manualRelay(
                        100, 4, 4, Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ofSeconds(2)));
        try {
            cutOff.relayDue().block(Duration.ofSeconds(30));
        } finally {
            unreachable.destroy();
        }

        Document entry = mongo.findById(event.id() + "|" + NAME, Document.class, EventOutbox.OUTBOX)
                .block();
        assertThat(entry.getString("status")).isEqualTo("PENDING");
        assertThat(entry.getInteger("attempts")).isEqualTo(1);
        assertThat(entry.getString("lastError")).isNotBlank();
        // The next pass with a broker delivers it.
        mongo.updateFirst(
                        Query.query(Criteria.where("_id").is(entry.get("_id"))),
                        new org.springframework.data.mongodb.core.query.Update()
                                .set("nextAttemptAt", new java.util.Date()),
                        EventOutbox.OUTBOX)
                .block();
        relay.relayDue().block(Duration.ofSeconds(30));
        awaitEffects(List.of(event), 30);
    }

    @Test
    void aFailingHandlerIsRetriedFromTheRetryTopicsUntilItSucceeds() {
        handler.flakyFailuresLeft.set(2);
        ThawEvent flaky = event("thaw.ktest.flaky", "flaky-1");
        outbox.publish(flaky).block();
        relay.relayDue().block(Duration.ofSeconds(30));

        awaitEffects(List.of(flaky), 30);
        assertThat(handler.runsOf(flaky.id())).isEqualTo(3);
        assertThat(handler.flakyFailuresLeft.get()).isLessThanOrEqualTo(0);
    }

    @Test
    void aHandlerThatKeepsFailingIsParkedAfterTheLastAttempt() {
        handler.flakyFailuresLeft.set(1_000);
        ThawEvent hopeless = event("thaw.ktest.flaky", "flaky-2");
        outbox.publish(hopeless).block();
        relay.relayDue().block(Duration.ofSeconds(30));

        String deadLetterId = hopeless.id() + "|" + NAME;
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> mongo.findById(deadLetterId, Document.class, OutboxRelay.DEAD_LETTERS)
                        .blockOptional()
                        .isPresent());
        Document parked = mongo.findById(deadLetterId, Document.class, OutboxRelay.DEAD_LETTERS)
                .block();
        handler.flakyFailuresLeft.set(0);
        assertThat(parked.getInteger("attempts")).isEqualTo(4);
        assertThat(parked.getString("lastError")).contains("the flaky handler fails this time");
        assertThat(handler.runsOf(hopeless.id())).isEqualTo(4);
        assertThat(recordsOn(TOPIC + "-dlt", hopeless.id())).isNotEmpty();
    }

    @Test
    void aMalformedEventLandsInTheDeadLetterTopicAndAPlatformAdminReplaysIt() {
        ThawEvent poison = ThawEvent.of(
                "/thaw/kafka-test",
                "thaw.ktest.poison",
                "bad-1",
                "acme",
                Instant.now(),
                null,
                Map.of("other", "no required member"));
        outbox.publish(poison).block();
        relay.relayDue().block(Duration.ofSeconds(30));

        assertThat(recordsOn(TOPIC + "-dlt", poison.id())).isNotEmpty();
        String deadLetterId = poison.id() + "|" + NAME;
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> EventTestSupport.deadLetters(web, tokens)
                        .jsonPath(EventTestSupport.deadLetterField(deadLetterId, "origin"))
                        .isEqualTo(List.of("topic"))
                        .jsonPath(EventTestSupport.deadLetterField(deadLetterId, "type"))
                        .isEqualTo(List.of("thaw.ktest.poison")));
        Document parked = mongo.findById(deadLetterId, Document.class, OutboxRelay.DEAD_LETTERS)
                .block();
        assertThat(parked.getString("lastError")).contains("event_malformed").contains("required");
        assertThat(parked.getInteger("attempts"))
                .as("refused at once, not retried")
                .isEqualTo(1);
        assertThat(handler.runsOf(poison.id())).isEqualTo(1);
        assertThat(effects(poison.id())).isZero();

        EventTestSupport.replay(web, tokens, deadLetterId, "merchant_admin")
                .expectStatus()
                .isForbidden();
        // The consumer is fixed (a new release reads the event); the admin replays it.
        handler.acceptPoison.set(true);
        // The inbox forgets a failed claim's lease at once, so the replay runs the handlers again.
        EventTestSupport.replay(web, tokens, deadLetterId, "platform_admin")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("requeued");
        awaitEffects(List.of(poison), 30);
        assertThat(handler.runsOf(poison.id())).isEqualTo(2);
        EventTestSupport.deadLetters(web, tokens)
                .jsonPath(EventTestSupport.deadLetterField(deadLetterId, ""))
                .isEmpty();
        EventTestSupport.replay(web, tokens, deadLetterId, "platform_admin")
                .expectStatus()
                .isNotFound();
    }

    @Test
    void noEventIsLostOrAppliedTwiceWhenTheConsumerStopsMidStreamAndStartsAgain() throws InterruptedException {
        List<ThawEvent> events = IntStream.range(0, 400)
                .mapToObj(i -> event("thaw.ktest.slow", "bulk-" + (i % 10)))
                .toList();
        Flux.fromIterable(events).concatMap(outbox::publish).blockLast();
        relay.relayDue().block(Duration.ofSeconds(60));

        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> effects(events) >= 80);
        MessageListenerContainer consumer = listeners.getListenerContainer(KafkaEventConsumer.LISTENER_ID);
        consumer.stop();
        long atStop = effects(events);
        assertThat(atStop).as("stopped mid-stream").isLessThan(events.size());
        Thread.sleep(500);
        assertThat(effects(events)).as("nothing is consumed while stopped").isEqualTo(atStop);

        consumer.start();
        awaitEffects(events, 60);
        assertThat(events)
                .allSatisfy(event ->
                        assertThat(handler.runsOf(event.id())).as(event.id()).isEqualTo(1));
    }

    private void awaitEffects(List<ThawEvent> events, int seconds) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(seconds))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> effects(events) == events.size());
    }

    private long effects(List<ThawEvent> events) {
        return EventTestSupport.effectsOf(mongo, events);
    }

    private long effects(String eventId) {
        return EventTestSupport.effects(mongo, eventId);
    }

    /** The records on a topic whose value names the event, read from its beginning. */
    private static List<String> recordsOn(String topic, String eventId) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestBroker.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "check-" + java.util.UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        List<String> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(topic));
            long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (found.isEmpty() && System.nanoTime() < until) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.value() != null && record.value().contains(eventId)) {
                        found.add(record.value());
                    }
                }
            }
        }
        return found;
    }

    private static ThawEvent event(String type, String subject) {
        return EventTestSupport.event("/thaw/kafka-test", type, subject);
    }
}
