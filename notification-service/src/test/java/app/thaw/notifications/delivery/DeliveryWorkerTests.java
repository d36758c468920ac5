package app.thaw.notifications.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import app.thaw.notifications.delivery.internal.DeliveryWorker;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/** The dispatch worker's slots: overall and per target, so a slow endpoint holds back only itself. */
class DeliveryWorkerTests {

    final DeliveryWorker worker =
            new DeliveryWorker(new DispatchProperties(8, 2, Duration.ofMinutes(2), Duration.ofMinutes(1)));

    @Test
    void anEndpointThatNeverAnswersHoldsOnlyItsOwnSlotsWhileTheOthersAreAllAttempted() {
        Sinks.Empty<Void> slowEndpointAnswers = Sinks.empty();
        AtomicInteger slowStarted = new AtomicInteger();
        AtomicInteger healthyDone = new AtomicInteger();
        for (int i = 0; i < 50; i++) {
            worker.submit(
                    "webhook:slow",
                    () -> Mono.fromRunnable(slowStarted::incrementAndGet)
                            .then(slowEndpointAnswers.asMono())
                            .thenReturn(true));
            worker.submit(
                    "webhook:healthy-" + (i % 5),
                    () -> Mono.fromRunnable(healthyDone::incrementAndGet).thenReturn(true));
        }

        assertThat(healthyDone).hasValue(50);
        assertThat(slowStarted).as("the slow endpoint's cap").hasValue(2);
        assertThat(worker.idle()).isFalse();

        slowEndpointAnswers.tryEmitEmpty();
        assertThat(slowStarted).hasValue(50);
        assertThat(worker.idle()).isTrue();
    }

    @Test
    void anEndpointWhoseLastAttemptFailedGetsOneSlotUntilAnAttemptSucceeds() {
        AtomicInteger underWay = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        Sinks.One<Boolean> firstAnswer = Sinks.one();
        worker.submit("webhook:flaky", () -> firstAnswer.asMono());
        Sinks.Empty<Void> release = Sinks.empty();
        for (int i = 0; i < 6; i++) {
            worker.submit(
                    "webhook:flaky",
                    () -> Mono.fromRunnable(() -> most.accumulateAndGet(underWay.incrementAndGet(), Math::max))
                            .then(release.asMono())
                            .then(Mono.fromCallable(() -> {
                                underWay.decrementAndGet();
                                return true;
                            })));
        }
        assertThat(most).as("cap 2: the first attempt and one more").hasValue(1);

        firstAnswer.tryEmitValue(false);
        assertThat(underWay).as("failing: one slot").hasValue(1);
        release.tryEmitEmpty();
        assertThat(worker.idle()).isTrue();
    }

    @Test
    void noMoreThanTheOverallLimitRunAtOnceAndTheRestWaitTheirTurn() {
        AtomicInteger started = new AtomicInteger();
        Sinks.Empty<Void> release = Sinks.empty();
        for (int i = 0; i < 40; i++) {
            worker.submit(
                    "webhook:endpoint-" + i,
                    () -> Mono.fromRunnable(started::incrementAndGet)
                            .then(release.asMono())
                            .thenReturn(true));
        }
        assertThat(started).as("the overall limit").hasValue(8);

        release.tryEmitEmpty();
        assertThat(started).hasValue(40);
        assertThat(worker.idle()).isTrue();
    }
}
