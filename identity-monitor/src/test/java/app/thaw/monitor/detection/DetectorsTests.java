package app.thaw.monitor.detection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import app.thaw.monitor.alerts.Alert;
import app.thaw.monitor.baseline.Baseline;
import app.thaw.monitor.signals.GeoPoint;
import app.thaw.monitor.signals.Signal;
import app.thaw.monitor.signals.SignalType;
import org.junit.jupiter.api.Test;

class DetectorsTests {

    static final Thresholds DEFAULTS = TestThresholds.DEFAULTS;
    static final GeoPoint BEIJING = new GeoPoint(39.9042, 116.4074);
    /** Due south of Beijing by 1,200 km (10.79° of latitude). */
    static final GeoPoint SOUTH_1200_KM = new GeoPoint(29.1122, 116.4074);

    static final Instant T0 = Instant.parse("2026-11-20T09:00:00Z");

    private int ids;

    Signal signal(SignalType type, Instant at, String device, GeoPoint where, String institution) {
        ids++;
        return new Signal("s" + ids, "src-" + ids, type, at, device, null, where, institution, null, null);
    }

    List<Detection> feed(Baseline baseline, Signal signal) {
        List<Detection> found = Detectors.inspect(baseline, signal, DEFAULTS);
        baseline.observe(signal, DEFAULTS.timeZone(), DEFAULTS.longestWindow());
        for (Detection detection : found) {
            // Every finding has its code, and its English sentence (as an alert stores it) reads back into the same.
            assertThat(detection.why().code()).isEqualTo(detection.detector());
            assertThat(ReasonCode.read(detection.detector() + ": " + detection.reason()))
                    .as(detection.reason())
                    .isEqualTo(detection.why());
        }
        return found;
    }

    static List<String> names(List<Detection> detections) {
        return detections.stream().map(Detection::detector).toList();
    }

    @Test
    void theFirstDeviceIsLearntAndAnotherOneIsNew() {
        Baseline baseline = Baseline.empty();
        assertThat(feed(baseline, signal(SignalType.LOGIN, T0, "phone-1", null, null)))
                .isEmpty();
        assertThat(feed(baseline, signal(SignalType.LOGIN, T0.plusSeconds(60), "phone-1", null, null)))
                .isEmpty();
        assertThat(names(feed(baseline, signal(SignalType.LOGIN, T0.plusSeconds(120), "laptop-9", null, null))))
                .containsExactly(Detectors.NEW_DEVICE);
    }

    @Test
    void travelFasterThanTheSpeedLimitIsImpossibleTravel() {
        assertThat(BEIJING.distanceKm(SOUTH_1200_KM)).isBetween(1190.0, 1210.0);
        Baseline baseline = Baseline.empty();
        feed(baseline, signal(SignalType.LOGIN, T0, null, BEIJING, null));
        List<Detection> found =
                feed(baseline, signal(SignalType.LOGIN, T0.plus(Duration.ofMinutes(20)), null, SOUTH_1200_KM, null));
        assertThat(names(found)).containsExactly(Detectors.IMPOSSIBLE_TRAVEL);
        assertThat(found.getFirst().severity()).isEqualTo(Severity.HIGH);
        assertThat(found.getFirst().signalIds()).containsExactly("s1", "s2");
    }

    @Test
    void travelWithinTheSpeedLimitIsNotFlagged() {
        Baseline baseline = Baseline.empty();
        feed(baseline, signal(SignalType.LOGIN, T0, null, BEIJING, null));
        // 1,200 km in 2 hours is 600 km/h: a flight.
        assertThat(feed(baseline, signal(SignalType.LOGIN, T0.plus(Duration.ofHours(2)), null, SOUTH_1200_KM, null)))
                .isEmpty();
    }

    @Test
    void theSpeedLimitIsTheTenantsSetting() {
        Thresholds slow = TestThresholds.withSpeedLimit(300);
        Baseline baseline = Baseline.empty();
        Signal first = signal(SignalType.LOGIN, T0, null, BEIJING, null);
        baseline.observe(first, slow.timeZone(), slow.longestWindow());
        Signal second = signal(SignalType.LOGIN, T0.plus(Duration.ofHours(2)), null, SOUTH_1200_KM, null);
        assertThat(names(Detectors.inspect(baseline, second, slow))).containsExactly(Detectors.IMPOSSIBLE_TRAVEL);
    }

    @Test
    void activityAtAnHourTheSubjectIsNeverActiveIsUnusualOnceTheBaselineIsLongEnough() {
        Baseline baseline = Baseline.empty();
        for (int day = 0; day < 25; day++) {
            feed(baseline, signal(SignalType.LOGIN, T0.plus(Duration.ofDays(day)), "phone-1", null, null));
        }
        Instant threeAm = Instant.parse("2026-12-20T03:00:00Z");
        assertThat(names(feed(baseline, signal(SignalType.LOGIN, threeAm, "phone-1", null, null))))
                .containsExactly(Detectors.UNUSUAL_HOUR);
        assertThat(names(feed(
                        baseline,
                        signal(SignalType.LOGIN, Instant.parse("2026-12-21T09:10:00Z"), "phone-1", null, null))))
                .isEmpty();
    }

    @Test
    void aShortBaselineHasNoUnusualHours() {
        Baseline baseline = Baseline.empty();
        feed(baseline, signal(SignalType.LOGIN, T0, "phone-1", null, null));
        assertThat(feed(
                        baseline,
                        signal(SignalType.LOGIN, Instant.parse("2026-11-21T03:00:00Z"), "phone-1", null, null)))
                .isEmpty();
    }

    @Test
    void fiveOneTimeCodesWithinTenMinutesAreABurst() {
        Baseline baseline = Baseline.empty();
        for (int i = 0; i < 4; i++) {
            assertThat(feed(
                            baseline,
                            signal(SignalType.OTP_REQUESTED, T0.plus(Duration.ofMinutes(i)), null, null, null)))
                    .isEmpty();
        }
        List<Detection> found =
                feed(baseline, signal(SignalType.OTP_REQUESTED, T0.plus(Duration.ofMinutes(4)), null, null, null));
        assertThat(names(found)).containsExactly(Detectors.OTP_BURST);
        assertThat(found.getFirst().signalIds()).hasSize(5);
    }

    @Test
    void oneTimeCodesSpreadOverAnHourAreNoBurst() {
        Baseline baseline = Baseline.empty();
        for (int i = 0; i < 6; i++) {
            assertThat(feed(
                            baseline,
                            signal(SignalType.OTP_REQUESTED, T0.plus(Duration.ofMinutes(12L * i)), null, null, null)))
                    .isEmpty();
        }
    }

    @Test
    void threeCreditApplicationsWithinAnHourAlertHigh() {
        Baseline baseline = Baseline.empty();
        assertThat(feed(baseline, signal(SignalType.CREDIT_APPLICATION, T0, null, null, null)))
                .isEmpty();
        assertThat(feed(
                        baseline,
                        signal(SignalType.CREDIT_APPLICATION, T0.plus(Duration.ofMinutes(30)), null, null, null)))
                .isEmpty();
        List<Detection> found = feed(
                baseline, signal(SignalType.CREDIT_APPLICATION, T0.plus(Duration.ofMinutes(59)), null, null, null));
        assertThat(names(found)).containsExactly(Detectors.CREDIT_APPLICATIONS);
        assertThat(found.getFirst().severity()).isEqualTo(Severity.HIGH);
    }

    @Test
    void creditApplicationsFurtherApartThanTheWindowDoNotAlert() {
        Baseline baseline = Baseline.empty();
        feed(baseline, signal(SignalType.CREDIT_APPLICATION, T0, null, null, null));
        feed(baseline, signal(SignalType.CREDIT_APPLICATION, T0.plus(Duration.ofMinutes(40)), null, null, null));
        assertThat(feed(
                        baseline,
                        signal(SignalType.CREDIT_APPLICATION, T0.plus(Duration.ofMinutes(90)), null, null, null)))
                .isEmpty();
    }

    @Test
    void aWithdrawalSoonAfterAContactChangeAlerts() {
        Baseline baseline = Baseline.empty();
        feed(baseline, signal(SignalType.CONTACT_CHANGED, T0, null, null, null));
        assertThat(names(feed(baseline, signal(SignalType.WITHDRAWAL, T0.plus(Duration.ofHours(3)), null, null, null))))
                .containsExactly(Detectors.CONTACT_CHANGE_THEN_PAYMENT);
    }

    @Test
    void aPaymentWithoutARecentContactChangeDoesNotAlert() {
        Baseline baseline = Baseline.empty();
        feed(baseline, signal(SignalType.CONTACT_CHANGED, T0, null, null, null));
        assertThat(feed(baseline, signal(SignalType.PAYMENT, T0.plus(Duration.ofHours(30)), null, null, null)))
                .isEmpty();
    }

    @Test
    void anAccountOpenedAtAnInstitutionNeverUsedAlertsButNotAtAKnownOne() {
        Baseline baseline = Baseline.empty();
        feed(baseline, signal(SignalType.LOGIN, T0, null, null, "bank-a"));
        assertThat(feed(baseline, signal(SignalType.ACCOUNT_OPENED, T0.plusSeconds(60), null, null, "bank-a")))
                .isEmpty();
        assertThat(names(feed(baseline, signal(SignalType.ACCOUNT_OPENED, T0.plusSeconds(120), null, null, "bank-z"))))
                .containsExactly(Detectors.NEW_INSTITUTION);
    }

    @Test
    void journeyFourThreeLoanApplicationsFromANewDeviceFarFromTheLastLoginMakeOneHighAlert() {
        Baseline baseline = Baseline.empty();
        List<Detection> all = new ArrayList<>();
        all.addAll(feed(baseline, signal(SignalType.LOGIN, T0, "phone-1", BEIJING, "bank-demo")));
        for (int minutes : new int[] {20, 35, 50}) {
            all.addAll(feed(
                    baseline,
                    signal(
                            SignalType.CREDIT_APPLICATION,
                            T0.plus(Duration.ofMinutes(minutes)),
                            "emulator-7",
                            SOUTH_1200_KM,
                            "bank-demo")));
        }
        assertThat(names(all))
                .containsExactly(Detectors.NEW_DEVICE, Detectors.IMPOSSIBLE_TRAVEL, Detectors.CREDIT_APPLICATIONS);

        Alert alert = Alert.open(
                "a1", "bank-demo", "subject-1", "Z**** W**", "PERSON", all.getFirst(), Duration.ofHours(24), 3);
        for (Detection detection : all.subList(1, all.size())) {
            assertThat(alert.accepts(detection.at())).isTrue();
            alert.absorb(detection, Duration.ofHours(24), 3);
        }
        assertThat(alert.severity()).isEqualTo(Severity.HIGH);
        assertThat(alert.count()).isEqualTo(3);
        assertThat(alert.signalIds()).containsExactlyInAnyOrder("s1", "s2", "s3", "s4");
        assertThat(alert.takeRaise()).isTrue();
        assertThat(alert.takeRaise()).as("announced once").isFalse();
    }
}
