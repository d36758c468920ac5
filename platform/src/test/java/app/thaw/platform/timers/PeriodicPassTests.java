package app.thaw.platform.timers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

class PeriodicPassTests {

    @Test
    void aFailedPassIsFollowedByTheNextOne() throws InterruptedException {
        AtomicInteger passes = new AtomicInteger();
        CountDownLatch third = new CountDownLatch(3);
        Disposable loop = PeriodicPass.every(
                "test pass",
                Duration.ZERO,
                Duration.ofMillis(10),
                () -> Mono.defer(() -> {
                    third.countDown();
                    return passes.incrementAndGet() == 1
                            ? Mono.error(new IllegalStateException("the first pass fails"))
                            : Mono.just(1);
                }));
        try {
            assertThat(third.await(10, TimeUnit.SECONDS))
                    .as("passes after a failed one")
                    .isTrue();
        } finally {
            loop.dispose();
        }
    }

    @Test
    void passesNeverOverlap() throws InterruptedException {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(3);
        // Each pass takes five ticks: the ticks that come meanwhile are dropped, not run alongside.
        Disposable loop = PeriodicPass.every(
                "slow pass",
                Duration.ZERO,
                Duration.ofMillis(10),
                () -> Mono.fromRunnable(() -> mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max))
                        .then(Mono.delay(Duration.ofMillis(50)))
                        .doOnTerminate(() -> {
                            running.decrementAndGet();
                            done.countDown();
                        }));
        try {
            assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(mostAtOnce.get()).isEqualTo(1);
        } finally {
            loop.dispose();
        }
    }
}
