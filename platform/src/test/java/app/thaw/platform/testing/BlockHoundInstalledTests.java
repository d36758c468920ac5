package app.thaw.platform.testing;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import reactor.blockhound.BlockingOperationError;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/** BlockHound must really be active in the test JVMs, or the promise that tests catch blocking calls is empty. */
class BlockHoundInstalledTests {

    @Test
    void blockingOnAReactiveThreadFailsTheTest() {
        Mono<Object> sleepsOnParallelThread = Mono.delay(Duration.ofMillis(1))
                .publishOn(Schedulers.parallel())
                .map(tick -> {
                    try {
                        Thread.sleep(1);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return tick;
                });
        StepVerifier.create(sleepsOnParallelThread)
                .expectErrorMatches(error -> error instanceof BlockingOperationError)
                .verify(Duration.ofSeconds(5));
    }
}
