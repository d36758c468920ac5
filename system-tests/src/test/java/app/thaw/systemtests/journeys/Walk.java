package app.thaw.systemtests.journeys;

import java.time.Duration;

import app.thaw.systemtests.support.ThawApi;

/**
 * How a journey is walked: on the one-instance platform, or on the scaled shape with one instance of every service
 * killed and restarted at the journey's {@link #midway()} ({@code ScaledShapeIT}). The journey's steps are the same
 * either way; only how long an effect carried by an event may take differs: after a crash it can wait for the
 * consumer group to move the dead instance's partitions (Kafka's session timeout, 45 s) or for its lease on an
 * outbox entry, a timer or an inbox claim to lapse, then for the retry.
 *
 * @param thaw     the API the journey is walked through
 * @param atMidpoint what happens at the journey's midpoint (nothing on one instance)
 * @param crashing whether {@code atMidpoint} kills instances: latency targets of the one-instance shape are then
 *                 printed, not asserted
 */
record Walk(ThawApi thaw, Runnable atMidpoint, boolean crashing) {

    /** Long enough for a rebalance after a crash, a lapsed lease and a retry on this loaded 2-core machine. */
    private static final Duration AFTER_A_CRASH = Duration.ofSeconds(240);

    static Walk alone(ThawApi thaw) {
        return new Walk(thaw, () -> {}, false);
    }

    static Walk crashing(ThawApi thaw, Runnable crash) {
        return new Walk(thaw, crash, true);
    }

    /** How long to await an effect that takes at most {@code alone} on one instance. */
    Duration within(Duration alone) {
        return crashing && alone.compareTo(AFTER_A_CRASH) < 0 ? AFTER_A_CRASH : alone;
    }

    void midway() {
        atMidpoint.run();
    }
}
