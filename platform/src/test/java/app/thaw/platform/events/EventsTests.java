package app.thaw.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import app.thaw.platform.testing.PlatformTestApplication;
import app.thaw.platform.testing.TestTokens;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * Events between services, end to end over real HTTP on the embedded store: this application
 * subscribes to its own {@code thaw.test.*} events, and a stub service to {@code thaw.flaky.*}.
 * The relay runs when the tests ask it to ({@code relayDue}), so nothing depends on timing.
 */
@SpringBootTest(classes = PlatformTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@AutoConfigureWebTestClient
@Import(EventsTests.CountingHandler.class)
class EventsTests {

    static final TestTokens tokens = new TestTokens();
    static final StubSubscriber stub = new StubSubscriber();
    static final int port = EventTestSupport.freePort();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        registry.add("server.port", () -> port);
        EventTestSupport.testService(registry, "events-test", tokens);
        EventTestSupport.eventsClient(registry, "events-test", tokens);
        registry.add("thaw.events.relay.enabled", () -> "false");
        registry.add("thaw.events.relay.initial-backoff", () -> "1ms");
        registry.add("thaw.events.relay.max-backoff", () -> "5ms");
        registry.add("thaw.events.relay.max-attempts", () -> "20");
        registry.add("thaw.events.subscriptions[0].name", () -> "self");
        registry.add("thaw.events.subscriptions[0].types", () -> "thaw.test.*");
        registry.add("thaw.events.subscriptions[0].url", () -> "http://localhost:" + port + "/internal/events");
        registry.add("thaw.events.subscriptions[1].name", () -> "stub");
        registry.add("thaw.events.subscriptions[1].types", () -> "thaw.flaky.*");
        registry.add("thaw.events.subscriptions[1].url", stub::url);
    }

    @AfterAll
    static void stop() {
        stub.close();
        tokens.close();
    }

    /** A consumer whose effect is one document per event; it counts how often it actually ran. */
    @TestConfiguration
    static class CountingHandler extends EventTestSupport.EffectHandler {

        final AtomicInteger runs = new AtomicInteger();

        CountingHandler() {
            super("thaw.test.");
        }

        @Override
        public Mono<Void> handle(ThawEvent event) {
            runs.incrementAndGet();
            return effect(event);
        }
    }

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    EventOutbox outbox;

    @Autowired
    OutboxRelay relay;

    @Autowired
    EventTransport transport;

    @Autowired
    CountingHandler handler;

    @Autowired
    WebTestClient web;

    @Test
    void anEventRecordedWithItsChangeReachesTheSubscriberAndTakesEffectOnce() {
        ThawEvent opened = event("thaw.test.opened", "note-1");
        insertNote("note-1", List.of(opened));

        StepVerifier.create(outbox.release("notes", "note-1")).expectNext(1).verifyComplete();
        relayUntil(() -> effects(opened.id()) == 1);

        assertThat(mongo.findById("note-1", Document.class, "notes").block().getList("pendingEvents", Document.class))
                .isEmpty();
        int runs = handler.runs.get();
        // The same event delivered again (at least once means it may be): acknowledged, not re-applied.
        web.post()
                .uri("/internal/events")
                .headers(h -> h.setBearerAuth(serviceToken()))
                .contentType(MediaType.parseMediaType("application/cloudevents+json"))
                .bodyValue(opened.toCloudEvent())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("duplicate");
        assertThat(handler.runs.get()).isEqualTo(runs);
        assertThat(effects(opened.id())).isEqualTo(1);
    }

    /**
     * ADR 93: the outbox holds what is still to be sent. Delivered entries used to stay a day, and on the embedded
     * store every claim's scan, the sweep and the gauges read them all again on every poll: the store's work grew
     * with the day's traffic until it could not keep up. The same event released again afterwards is sent again (at
     * least once, as after a crash) and the consumer applies it once.
     */
    @Test
    void aDeliveredEventLeavesTheOutboxAndAReleaseAgainIsAppliedOnce() {
        List<ThawEvent> events = List.of(
                event("thaw.test.kept-a", "note-3"),
                event("thaw.test.kept-b", "note-3"),
                event("thaw.test.kept-c", "x"));
        events.forEach(event -> outbox.publish(event).block());

        // No further pass: its sweep would remove what an earlier version kept after delivery.
        relayUntil(() -> events.stream().allMatch(event -> effects(event.id()) == 1));
        assertThat(mongo.count(
                                org.springframework.data.mongodb.core.query.Query.query(
                                        org.springframework.data.mongodb.core.query.Criteria.where("eventId")
                                                .in(events.stream()
                                                        .map(ThawEvent::id)
                                                        .toList())),
                                EventOutbox.OUTBOX)
                        .block())
                .as("entries left in the outbox after delivery")
                .isZero();

        int runs = handler.runs.get();
        assertThat(outbox.publish(events.getFirst()).block()).isEqualTo(1);
        relayUntil(() -> mongo.findById(events.getFirst().id() + "|self", Document.class, EventOutbox.OUTBOX)
                .blockOptional()
                .isEmpty());
        assertThat(handler.runs.get()).isEqualTo(runs);
        assertThat(effects(events.getFirst().id())).isEqualTo(1);
    }

    @Test
    void eventsACrashLeftOnTheirDocumentAreReleasedByTheSweep() {
        ThawEvent stranded = event("thaw.test.stranded", "note-2");
        insertNote("note-2", List.of(stranded));
        outbox.watch("notes").block();

        relayUntil(() -> effects(stranded.id()) == 1);
    }

    @Test
    void aSubscriberThatFailsForAWhileReceivesEverythingOnceItRecovers() {
        stub.failuresLeft.set(7);
        List<ThawEvent> events =
                List.of(event("thaw.flaky.a", "x"), event("thaw.flaky.b", "y"), event("thaw.flaky.c", "z"));
        events.forEach(event -> outbox.publish(event).block());

        relayUntil(() -> events.stream().allMatch(event -> stub.acceptedTimes(event.id()) == 1));
        assertThat(stub.failuresLeft.get()).isZero();
    }

    @Test
    void aPoisonEventIsParkedAsADeadLetterAndAReplayDeliversItOnce() {
        ThawEvent poison = event("thaw.flaky.poison", "bad");
        outbox.publish(poison).block();
        relay.relayDue().block();

        String deadLetterId = poison.id() + "|stub";
        EventTestSupport.deadLetters(web, tokens)
                .jsonPath(EventTestSupport.deadLetterField(deadLetterId, "lastError"))
                .isEqualTo(List.of("HTTP 400"))
                .jsonPath(EventTestSupport.deadLetterField(deadLetterId, "type"))
                .isEqualTo(List.of("thaw.flaky.poison"));
        EventTestSupport.replay(web, tokens, deadLetterId, "merchant_admin")
                .expectStatus()
                .isForbidden();
        assertThat(stub.acceptedTimes(poison.id())).isZero();

        stub.acceptPoison.set(true);
        EventTestSupport.replay(web, tokens, deadLetterId, "platform_admin")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("requeued");
        relayUntil(() -> stub.acceptedTimes(poison.id()) == 1);
        relay.relayDue().block();
        assertThat(stub.acceptedTimes(poison.id())).isEqualTo(1);
        EventTestSupport.deadLetters(web, tokens)
                .jsonPath(EventTestSupport.deadLetterField(deadLetterId, ""))
                .isEmpty();
    }

    @Test
    void twoRelaysSharingOneStoreDeliverEachEventOnce() {
        List<ThawEvent> events = Flux.range(0, 200)
                .map(i -> event("thaw.flaky.bulk", "bulk-" + i))
                .collectList()
                .block();
        Flux.fromIterable(events).concatMap(outbox::publish).blockLast();
        OutboxRelay second = EventTestSupport.relayOver(
                mongo,
                outbox,
                transport,
                EventTestSupport.manualRelay(
                        20, 8, 20, Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofSeconds(10)));

        Mono.when(relay.relayDue(), second.relayDue(), relay.relayDue(), second.relayDue())
                .block(Duration.ofSeconds(60));
        relayUntil(() -> events.stream().allMatch(event -> stub.acceptedTimes(event.id()) >= 1));

        assertThat(events)
                .allSatisfy(event -> assertThat(stub.acceptedTimes(event.id()))
                        .as(event.id())
                        .isEqualTo(1));
    }

    @Autowired
    org.springframework.context.ApplicationContext context;

    @Test
    void theHttpTransportIsTheDefaultAndNothingKafkaRunsThen() {
        assertThat(transport).isInstanceOf(HttpEventTransport.class);
        assertThat(context.getBeansOfType(KafkaEventConsumer.class)).isEmpty();
        assertThat(context.getBeanNamesForType(org.springframework.kafka.core.KafkaTemplate.class))
                .isEmpty();
    }

    @Test
    void internalEventsAcceptOnlyServiceTokensAndCompleteCloudEvents() {
        Map<String, Object> cloudEvent = event("thaw.test.guarded", "g").toCloudEvent();
        web.post()
                .uri("/internal/events")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(cloudEvent)
                .exchange()
                .expectStatus()
                .isUnauthorized();
        web.post()
                .uri("/internal/events")
                .headers(h -> h.setBearerAuth(tokens.token("platform_admin")))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(cloudEvent)
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("forbidden");
        web.post()
                .uri("/internal/events")
                .headers(h -> h.setBearerAuth(serviceToken()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("specversion", "1.0", "id", "e-1"))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("validation_failed")
                .jsonPath("$.errors[?(@.field == 'type')].rule")
                .isEqualTo(List.of("Required"));
    }

    private void relayUntil(java.util.concurrent.Callable<Boolean> condition) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    relay.relayDue().block(Duration.ofSeconds(30));
                    return condition.call();
                });
    }

    private void insertNote(String id, List<ThawEvent> events) {
        mongo.insert(
                        new Document("_id", id)
                                .append("title", "a note")
                                .append(EventOutbox.PENDING_EVENTS, EventOutbox.pending(events)),
                        "notes")
                .block();
    }

    private long effects(String eventId) {
        return EventTestSupport.effects(mongo, eventId);
    }

    private static ThawEvent event(String type, String subject) {
        return EventTestSupport.event("/thaw/events-test", type, subject);
    }

    private static String serviceToken() {
        return tokens.token(
                List.of("thaw_service"),
                claims -> claims.claim("tenant_id", "thaw").claim("azp", "case-service"));
    }
}
