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

    final DeliveryWorker worker = new DeliveryWorker(new DispatchProperties(8, 2, Duration.ofMinutes(2), Duration.ofMinutes(1)));

    @Test
    void anEndpointThatNeverAnswersHoldsOnlyItsOwnSlotsWhileTheOthersAreAllAttempted() {
        Sinks.Empty<Void> slowEndpointAnswers = Sinks.empty();
        AtomicInteger slowStarted = new AtomicInteger();
        AtomicInteger healthyDone = new AtomicInteger();
        for (int i = 0; i < 50; i++) {
            worker.submit("webhook:slow", () -> Mono.fromRunnable(slowStarted::incrementAndGet).then(slowEndpointAnswers.asMono()));
            worker.submit("webhook:healthy-" + (i % 5), () -> Mono.fromRunnable(healthyDone::incrementAndGet));
        }

        assertThat(healthyDone).hasValue(50);
        assertThat(slowStarted).as("the slow endpoint's cap").hasValue(2);
        assertThat(worker.idle()).isFalse();

        slowEndpointAnswers.tryEmitEmpty();
        assertThat(slowStarted).hasValue(50);
        assertThat(worker.idle()).isTrue();
    }

    @Test
    void noMoreThanTheOverallLimitRunAtOnceAndTheRestWaitTheirTurn() {
        AtomicInteger started = new AtomicInteger();
        Sinks.Empty<Void> release = Sinks.empty();
        for (int i = 0; i < 40; i++) {
            worker.submit("webhook:endpoint-" + i, () -> Mono.fromRunnable(started::incrementAndGet).then(release.asMono()));
        }
        assertThat(started).as("the overall limit").hasValue(8);

        release.tryEmitEmpty();
        assertThat(started).hasValue(40);
        assertThat(worker.idle()).isTrue();
    }
}
