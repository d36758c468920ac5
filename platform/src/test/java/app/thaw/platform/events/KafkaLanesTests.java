package app.thaw.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import app.thaw.platform.testing.PlatformTestApplication;
import app.thaw.platform.testing.TestTokens;
import org.apache.kafka.common.utils.Utils;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The Kafka consumer's lanes on the defaults (ADR 94): a partition's records are handled one at a
 * time, in order, so one slow event holds up its own partition — but not another partition's. With
 * the earlier default of two consumer threads for six partitions, each thread read three partitions
 * one record after another, and an event for one subject waited behind a slow one for another (in
 * the journey: a webhook's {@code thaw.case.opened} behind an earlier case's eight events).
 */
@SpringBootTest(classes = PlatformTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(KafkaLanesTests.GatedHandler.class)
class KafkaLanesTests {

    static final String NAME = "kafka-lanes-test";
    static final String TOPIC = "thaw.events." + NAME;
    static final int PARTITIONS = 6;
    static final TestTokens tokens = new TestTokens();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        EventTestSupport.testService(registry, NAME, tokens);
        // Partitions and consumer threads as a service has them: the defaults (six partitions; threads unset).
        EventTestSupport.overKafka(registry, NAME, "thaw.klane.*");
    }

    @AfterAll
    static void stop() {
        tokens.close();
    }

    /** {@code thaw.klane.slow} waits for the test's word (as a slow handler would); anything else is quick. */
    @TestConfiguration
    static class GatedHandler extends EventTestSupport.EffectHandler {

        final CountDownLatch slowStarted = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        GatedHandler() {
            super("thaw.klane.");
        }

        @Override
        public Mono<Void> handle(ThawEvent event) {
            if (event.type().equals("thaw.klane.slow")) {
                return Mono.fromRunnable(() -> {
                            slowStarted.countDown();
                            try {
                                release.await();
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        })
                        .subscribeOn(Schedulers.boundedElastic())
                        .then(effect(event));
            }
            return effect(event);
        }
    }

    @Autowired
    GatedHandler handler;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    @Qualifier("thawEventsKafkaTemplate")
    KafkaTemplate<String, String> kafka;

    @Autowired
    EventsProperties properties;

    @Autowired
    org.springframework.data.mongodb.core.ReactiveMongoTemplate mongo;

    @Test
    void aSlowEventHoldsUpOnlyItsOwnPartition() throws Exception {
        assertThat(properties.kafka().concurrency()).isEqualTo(PARTITIONS);
        // Wait for the group to settle: one partition per consumer thread. Counting the container's partitions is
        // not enough: the first thread to join holds all six until the others join, and a rebalance then waits for
        // a thread busy with the slow event (the flake of 2026-12-07's CI).
        var container = (ConcurrentMessageListenerContainer<?, ?>)
                listeners.getListenerContainer(KafkaEventConsumer.LISTENER_ID);
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> container.getContainers().size() == PARTITIONS
                        && container.getContainers().stream()
                                .allMatch(child -> child.getAssignedPartitions() != null
                                        && child.getAssignedPartitions().size() == 1));

        // Two subjects on neighbouring partitions: with two threads for six partitions (range assignment, 0-2 and
        // 3-5), one thread read both.
        String slowSubject = subjectOnPartition(0);
        String quickSubject = subjectOnPartition(1);
        ThawEvent slow = EventTestSupport.event("/thaw/kafka-lanes-test", "thaw.klane.slow", slowSubject);
        ThawEvent quick = EventTestSupport.event("/thaw/kafka-lanes-test", "thaw.klane.quick", quickSubject);
        try {
            kafka.send(KafkaEventTransport.record(TOPIC, slow)).join();
            assertThat(handler.slowStarted.await(60, java.util.concurrent.TimeUnit.SECONDS))
                    .as("the slow event is being handled")
                    .isTrue();
            kafka.send(KafkaEventTransport.record(TOPIC, quick)).join();

            // The quick one takes effect while the slow one is still held.
            Awaitility.await()
                    .atMost(Duration.ofSeconds(15))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> EventTestSupport.effects(mongo, quick.id()) == 1);
            assertThat(EventTestSupport.effects(mongo, slow.id())).isZero();
        } finally {
            handler.release.countDown();
        }
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> EventTestSupport.effects(mongo, List.of(slow.id(), quick.id())) == 2);
    }

    /** A subject whose records (keyed {@code acme|<subject>}) the producer puts on this partition. */
    static String subjectOnPartition(int partition) {
        for (int i = 0; ; i++) {
            String subject = "lane-" + i;
            byte[] key = KafkaEventTransport.key(EventTestSupport.event("/t", "thaw.klane.x", subject))
                    .getBytes(StandardCharsets.UTF_8);
            if (Utils.toPositive(Utils.murmur2(key)) % PARTITIONS == partition) {
                return subject;
            }
        }
    }
}
