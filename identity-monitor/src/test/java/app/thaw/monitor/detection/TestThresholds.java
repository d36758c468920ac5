package app.thaw.monitor.detection;

import java.time.Duration;
import java.time.ZoneId;

/** The product's default detector thresholds (application.yaml), for the tests that do not read configuration. */
public final class TestThresholds {

    /** The defaults: 900 km/h is the fastest travel that is possible. */
    public static final Thresholds DEFAULTS = withSpeedLimit(900);

    private TestThresholds() {}

    /** The defaults but for the speed beyond which travel between two located signals is impossible. */
    public static Thresholds withSpeedLimit(double maxTravelSpeedKmh) {
        return new Thresholds(
                ZoneId.of("UTC"),
                maxTravelSpeedKmh,
                100,
                20,
                0.02,
                5,
                Duration.ofMinutes(10),
                3,
                Duration.ofHours(1),
                Duration.ofHours(24),
                Duration.ofHours(24));
    }
}
