package app.thaw.platform.timers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** Periodic passes start and stop with the application, and a setting keeps them off. */
class PeriodicPassesTests {

    @Test
    void passesRunFromStartUntilStop() throws InterruptedException {
        AtomicInteger sweeps = new AtomicInteger();
        AtomicInteger refreshes = new AtomicInteger();
        PeriodicPasses passes = PeriodicPasses.of(
                        "sweep", Duration.ZERO, Duration.ofMillis(20), () -> Mono.fromRunnable(sweeps::incrementAndGet))
                .and(
                        "refresh",
                        Duration.ZERO,
                        Duration.ofMillis(20),
                        () -> Mono.fromRunnable(refreshes::incrementAndGet));
        assertThat(passes.isAutoStartup()).isTrue();
        assertThat(passes.names()).containsExactly("sweep", "refresh");

        passes.start();
        passes.start(); // a second start does not double the passes
        assertThat(passes.isRunning()).isTrue();
        await().atMost(Duration.ofSeconds(5)).until(() -> sweeps.get() >= 3 && refreshes.get() >= 3);

        passes.stop();
        assertThat(passes.isRunning()).isFalse();
        int afterStop = sweeps.get();
        Thread.sleep(100);
        assertThat(sweeps.get()).isLessThanOrEqualTo(afterStop + 1);
    }

    @Test
    void aPassTurnedOffDoesNotStartWithTheApplication() {
        assertThat(PeriodicPasses.of("sweep", Duration.ZERO, Duration.ofSeconds(1), Mono::empty)
                        .enabledWhen(false)
                        .isAutoStartup())
                .isFalse();
    }
}
