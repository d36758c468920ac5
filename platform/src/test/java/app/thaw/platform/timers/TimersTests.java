package app.thaw.platform.timers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import app.thaw.platform.testing.MutableClock;
import app.thaw.store.EmbeddedStore;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * Timers on the embedded store, several instances sharing it, on a clock the tests move. The same
 * tests run on a real MongoDB in {@link TimersOnMongoDbTests} where Docker is available.
 */
class TimersTests {

    static final Instant T0 = Instant.parse("2026-10-01T02:00:00Z");
    /** Small batches and little concurrency, so a test with a few hundred timers runs several of each. */
    static final TimersProperties SETTINGS = new TimersProperties(
            false,
            Duration.ofSeconds(1),
            Duration.ofSeconds(30),
            Duration.ofSeconds(5),
            Duration.ofSeconds(5),
            Duration.ofSeconds(3),
            50,
            4);
    /** A running instance that scans only every 10 s: what fires on time fired from memory, not from a scan. */
    static final TimersProperties RARE_SCANS = new TimersProperties(
            true,
            Duration.ofSeconds(10),
            Duration.ofSeconds(30),
            Duration.ofSeconds(5),
            Duration.ofSeconds(5),
            Duration.ofSeconds(20),
            50,
            4);

    @TempDir
    Path folder;

    EmbeddedStore store;
    MongoClient client;
    ReactiveMongoTemplate mongo;
    final MutableClock clock = MutableClock.frozenAt(T0);
    /** Every firing any instance applied, by occurrence id. */
    final Map<String, AtomicInteger> applied = new ConcurrentHashMap<>();

    final Queue<TimerFiring> firings = new ConcurrentLinkedQueue<>();

    @BeforeEach
    void startStore() {
        client = MongoClients.create(storeConnectionString());
        // A database of its own for each test: a real MongoDB (TimersOnMongoDbTests) is shared by the tests.
        mongo = new ReactiveMongoTemplate(
                client, "timers-" + UUID.randomUUID().toString().substring(0, 8));
    }

    /** The store the tests run on: the embedded store in a fresh file; {@link TimersOnMongoDbTests} runs them on MongoDB. */
    String storeConnectionString() {
        store = EmbeddedStore.start(folder.resolve("store.mv"), "127.0.0.1", 0);
        return store.connectionString("");
    }

    @AfterEach
    void stopStore() {
        client.close();
        if (store != null) {
            store.close();
        }
    }

    @Test
    void aTimerFiresOnceWhenDueWithItsPayloadAndNotBefore() {
        Timers timers = instance(recording());
        timers.schedule("case-1/follow-up", "follow-up", "acme", T0.plusSeconds(60), Map.of("caseId", "case-1"))
                .block();

        StepVerifier.create(timers.fireDue()).expectNext(0L).verifyComplete();
        clock.advance(Duration.ofSeconds(60));
        StepVerifier.create(timers.fireDue()).expectNext(1L).verifyComplete();
        StepVerifier.create(timers.fireDue()).expectNext(0L).verifyComplete();

        assertThat(firings).singleElement().satisfies(firing -> {
            assertThat(firing.key()).isEqualTo("case-1/follow-up");
            assertThat(firing.tenantId()).isEqualTo("acme");
            assertThat(firing.payload()).containsEntry("caseId", "case-1");
            assertThat(firing.late()).isFalse();
        });
    }

    @Test
    void aCancelledTimerNeverFiresAndARescheduledOneFiresOnlyAtItsNewTime() {
        Timers timers = instance(recording());
        timers.schedule("a", "follow-up", "acme", T0.plusSeconds(10), Map.of()).block();
        timers.schedule("b", "follow-up", "acme", T0.plusSeconds(10), Map.of()).block();
        StepVerifier.create(timers.cancel("a")).expectNext(true).verifyComplete();
        timers.schedule("b", "follow-up", "acme", T0.plusSeconds(3600), Map.of())
                .block();

        clock.advance(Duration.ofSeconds(20));
        StepVerifier.create(timers.fireDue()).expectNext(0L).verifyComplete();
        clock.advance(Duration.ofHours(1));
        StepVerifier.create(timers.fireDue()).expectNext(1L).verifyComplete();

        assertThat(firings).extracting(TimerFiring::key).containsExactly("b");
        assertThat(firings.peek().dueAt()).isEqualTo(T0.plusSeconds(3600));
        StepVerifier.create(timers.cancel("b")).expectNext(false).verifyComplete();
    }

    @Test
    void aTimerThatFellDueWhileTheServiceWasDownFiresAtStartMarkedLate() {
        instance(recording())
                .schedule("reminder", "follow-up", "acme", T0.plusSeconds(30), Map.of())
                .block();
        // The service is down for an hour; a fresh instance starts afterwards.
        clock.advance(Duration.ofHours(1));
        Timers restarted = instance(recording());

        StepVerifier.create(restarted.fireDue()).expectNext(1L).verifyComplete();
        assertThat(firings).singleElement().satisfies(firing -> {
            assertThat(firing.late()).isTrue();
            assertThat(firing.firedAt()).isEqualTo(T0.plusSeconds(3600));
        });
    }

    @Test
    void twoInstancesSharingOneStoreFireEveryTimerExactlyOnce() {
        Timers first = instance(recording());
        Timers second = instance(recording());
        Flux.range(0, 200)
                .concatMap(i -> first.schedule("t-" + i, "follow-up", "acme", T0.plusSeconds(i % 7), Map.of()))
                .blockLast();
        clock.advance(Duration.ofSeconds(10));

        Long fired = Mono.zip(first.fireDue(), second.fireDue(), first.fireDue(), second.fireDue())
                .map(counts -> counts.getT1() + counts.getT2() + counts.getT3() + counts.getT4())
                .block(Duration.ofSeconds(60));

        assertThat(fired).isEqualTo(200);
        assertThat(applied)
                .hasSize(200)
                .allSatisfy((occurrence, times) ->
                        assertThat(times.get()).as(occurrence).isEqualTo(1));
    }

    @Test
    void whenAnInstanceDiesWhileFiringAnotherTakesTheTimerOverAfterTheLease() {
        AtomicReference<TimerFiring> stuck = new AtomicReference<>();
        Timers dying = instance(handler(firing -> {
            stuck.set(firing);
            return Mono.never();
        }));
        Timers survivor = instance(recording());
        survivor.schedule("deadline", "follow-up", "acme", T0, Map.of()).block();

        Disposable dyingPass = dying.fireDue().subscribe();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> stuck.get() != null);
        dyingPass.dispose();

        StepVerifier.create(survivor.fireDue()).expectNext(0L).verifyComplete();
        clock.advance(SETTINGS.lease().plusSeconds(1));
        StepVerifier.create(survivor.fireDue()).expectNext(1L).verifyComplete();
        assertThat(firings)
                .extracting(TimerFiring::occurrenceId)
                .containsExactly(stuck.get().occurrenceId());
    }

    @Test
    void aFailingHandlerLeavesTheTimerDueForARetry() {
        AtomicInteger attempts = new AtomicInteger();
        Timers timers = instance(handler(firing -> attempts.incrementAndGet() == 1
                ? Mono.error(new IllegalStateException("mail server down"))
                : record(firing)));
        timers.schedule("retry-me", "follow-up", "acme", T0, Map.of()).block();

        StepVerifier.create(timers.fireDue()).expectNext(0L).verifyComplete();
        clock.advance(SETTINGS.retryAfter());
        StepVerifier.create(timers.fireDue()).expectNext(1L).verifyComplete();
        assertThat(attempts).hasValue(2);
        assertThat(firings).hasSize(1);
    }

    @Test
    void firedAndCancelledTimersLeaveTheCollectionSoScansOnlySeePendingOnes() {
        Timers timers = instance(recording());
        timers.schedule("fires", "follow-up", "acme", T0, Map.of()).block();
        timers.schedule("cancelled", "follow-up", "acme", T0.plusSeconds(60), Map.of())
                .block();
        timers.schedule("later", "follow-up", "acme", T0.plusSeconds(3600), Map.of())
                .block();

        timers.cancel("cancelled").block();
        StepVerifier.create(timers.fireDue()).expectNext(1L).verifyComplete();

        assertThat(mongo.findAll(org.bson.Document.class, Timers.TIMERS)
                        .map(timer -> timer.getString("_id"))
                        .collectList()
                        .block())
                .containsExactly("later");
    }

    @Test
    void aTimerRescheduledByItsOwnHandlerStaysWithItsNewTime() {
        AtomicReference<Timers> self = new AtomicReference<>();
        Timers timers = instance(handler(firing -> record(firing)
                .then(self.get()
                        .schedule(
                                firing.key(),
                                "follow-up",
                                "acme",
                                firing.dueAt().plusSeconds(60),
                                Map.of()))));
        self.set(timers);
        timers.schedule("every-minute", "follow-up", "acme", T0, Map.of()).block();

        StepVerifier.create(timers.fireDue()).expectNext(1L).verifyComplete();
        clock.advance(Duration.ofSeconds(60));
        StepVerifier.create(timers.fireDue()).expectNext(1L).verifyComplete();

        assertThat(firings).extracting(TimerFiring::dueAt).containsExactly(T0, T0.plusSeconds(60));
    }

    @Test
    void aRunningInstanceFiresATimerAtItsTimeNotAtItsNextScan() {
        Timers running = new Timers(mongo, List.of(recording()), RARE_SCANS, Clock.systemUTC());
        Instant dueAt = Instant.now().plusSeconds(2);
        // Scheduled before the instance runs, so only its first scan can have seen it.
        running.schedule("soon", "follow-up", "acme", dueAt, Map.of()).block();
        running.start();
        try {
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(8)).until(() -> !firings.isEmpty());
        } finally {
            running.stop();
        }
        assertThat(firings)
                .singleElement()
                .satisfies(firing -> assertThat(Duration.between(dueAt, firing.firedAt()))
                        .isLessThan(RARE_SCANS.pollInterval())
                        .isGreaterThanOrEqualTo(Duration.ZERO));
    }

    @Test
    void aTimerMovedOrCancelledWhileWaitingInMemoryDoesNotFireAtItsOldTime() {
        Timers running = new Timers(mongo, List.of(recording()), RARE_SCANS, Clock.systemUTC());
        Timers other = new Timers(mongo, List.of(recording()), SETTINGS, Clock.systemUTC());
        Instant dueAt = Instant.now().plusSeconds(2);
        running.schedule("moved", "follow-up", "acme", dueAt, Map.of()).block();
        running.schedule("cancelled", "follow-up", "acme", dueAt, Map.of()).block();
        running.schedule("kept", "follow-up", "acme", dueAt, Map.of()).block();
        running.start();
        try {
            // Another instance moves and cancels them after the running one's scan planned them.
            org.awaitility.Awaitility.await().pollDelay(Duration.ofMillis(500)).until(() -> true);
            other.schedule("moved", "follow-up", "acme", dueAt.plusSeconds(3600), Map.of())
                    .block();
            other.cancel("cancelled").block();
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(8)).until(() -> !firings.isEmpty());
            org.awaitility.Awaitility.await()
                    .during(Duration.ofSeconds(1))
                    .atMost(Duration.ofSeconds(2))
                    .until(() -> firings.size() == 1);
        } finally {
            running.stop();
        }
        assertThat(firings).extracting(TimerFiring::key).containsExactly("kept");
    }

    private Timers instance(TimerHandler handler) {
        return new Timers(mongo, List.of(handler), SETTINGS, clock);
    }

    private TimerHandler recording() {
        return handler(this::record);
    }

    private Mono<Void> record(TimerFiring firing) {
        return Mono.fromRunnable(() -> {
            applied.computeIfAbsent(firing.occurrenceId(), id -> new AtomicInteger())
                    .incrementAndGet();
            firings.add(firing);
        });
    }

    private static TimerHandler handler(java.util.function.Function<TimerFiring, Mono<Void>> action) {
        return new TimerHandler() {
            @Override
            public String type() {
                return "follow-up";
            }

            @Override
            public Mono<Void> fire(TimerFiring firing) {
                return action.apply(firing);
            }
        };
    }
}
