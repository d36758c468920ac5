package app.thaw.systemtests.support;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.awaitility.Awaitility;

/**
 * Crashes on the scaled shape (ADR 91): one instance of every service killed at once ({@code kill -9}, as a crash
 * would: its events in flight, its relay's lease claims, its timers and its consumers' partitions are its own),
 * then started again while the journey goes on through the other instance.
 *
 * <p>A restarted instance starts at the services' common (moved) time, and the journey's time is held until it is
 * ready ({@link ThawApi#holdTimeUntil}): an instance on real time would take leases its peers, days ahead, see as
 * lapsed, and double work a test is there to prove is done once.
 */
public final class InstanceCrashes implements AutoCloseable {

    /** Readiness is health-checked every 5 s by the gateway's balancer; these many answers in a row show it passed. */
    private static final int ANSWERS_IN_A_ROW = 4;

    private final ThawPlatform platform;
    private final ThawApi thaw;
    private final ExecutorService starts = Executors.newVirtualThreadPerTaskExecutor();
    private CompletableFuture<Void> restarting = CompletableFuture.completedFuture(null);

    public InstanceCrashes(ThawPlatform platform, ThawApi thaw) {
        this.platform = platform;
        this.thaw = thaw;
    }

    /**
     * Kills instance {@code instance} (1 or 2) of every service, waits until the gateway sends nothing more to the
     * dead ones, and starts them again in the background; {@link #awaitRestarted()} waits for them.
     */
    public void killAndRestart(int instance) {
        awaitRestarted();
        List<String> victims = ThawPlatform.SERVICES.values().stream()
                .map(service -> platform.instancesOf(service).get(instance - 1))
                .toList();
        victims.forEach(platform::killService);
        System.out.printf("SCALED_SHAPE_IT killed (kill -9) %s%n", victims);
        Map<String, String> commonTime =
                Map.of("THAW_CLOCK_OFFSET", thaw.clockOffset().toString());
        awaitGatewayPassesOver();
        CompletableFuture<Void> started = CompletableFuture.allOf(victims.stream()
                .map(victim -> CompletableFuture.runAsync(() -> platform.startService(victim, commonTime), starts))
                .toArray(CompletableFuture[]::new));
        thaw.holdTimeUntil(started);
        // On a thread of its own: run by the thread completing the starts, it would take the API's lock before a
        // journey waiting (in advanceTo, lock held) for those starts was woken, and both would wait for ever.
        restarting = started.thenRunAsync(thaw::agreeOnTime, starts);
    }

    /** Waits until the instances killed last are ready again, on the common time. */
    public void awaitRestarted() {
        restarting.join();
    }

    /** Each service answers through the gateway several times in a row: its balancer has dropped the dead instance. */
    private void awaitGatewayPassesOver() {
        ThawPlatform.SERVICES
                .keySet()
                .forEach(area -> Awaitility.await("the gateway passing over the dead " + area)
                        .atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofMillis(500))
                        .until(() -> {
                            for (int i = 0; i < ANSWERS_IN_A_ROW; i++) {
                                if (thaw.get("acme-member", "/api/v1/{area}/whoami", area)
                                                .returnResult(Void.class)
                                                .getStatus()
                                                .value()
                                        != 200) {
                                    return false;
                                }
                            }
                            return true;
                        }));
    }

    @Override
    public void close() {
        starts.close();
    }
}
