package app.thaw.monitor.detection;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import app.thaw.monitor.baseline.Baseline;
import app.thaw.monitor.signals.Signal;
import app.thaw.monitor.signals.SignalType;

/** The built-in detectors of docs/domain.md §10 and the engine that runs them all on a signal. */
public final class Detectors {

    public static final String NEW_DEVICE = "NEW_DEVICE";
    public static final String IMPOSSIBLE_TRAVEL = "IMPOSSIBLE_TRAVEL";
    public static final String UNUSUAL_HOUR = "UNUSUAL_HOUR";
    public static final String OTP_BURST = "OTP_BURST";
    public static final String CREDIT_APPLICATIONS = "CREDIT_APPLICATIONS";
    public static final String CONTACT_CHANGE_THEN_PAYMENT = "CONTACT_CHANGE_THEN_PAYMENT";
    public static final String NEW_INSTITUTION = "NEW_INSTITUTION";

    private static final List<Detector> ALL = List.of(
            simple(NEW_DEVICE, Detectors::newDevice),
            simple(IMPOSSIBLE_TRAVEL, Detectors::impossibleTravel),
            simple(UNUSUAL_HOUR, Detectors::unusualHour),
            simple(
                    OTP_BURST,
                    (b, s, t) -> burst(
                            b,
                            s,
                            SignalType.OTP_REQUESTED,
                            t.otpBurstCount(),
                            t.otpBurstWindow(),
                            OTP_BURST,
                            Severity.MEDIUM,
                            "one-time codes")),
            simple(
                    CREDIT_APPLICATIONS,
                    (b, s, t) -> burst(
                            b,
                            s,
                            SignalType.CREDIT_APPLICATION,
                            t.creditApplicationsCount(),
                            t.creditApplicationsWindow(),
                            CREDIT_APPLICATIONS,
                            Severity.HIGH,
                            "credit or loan applications")),
            simple(CONTACT_CHANGE_THEN_PAYMENT, Detectors::contactChangeThenPayment),
            simple(NEW_INSTITUTION, Detectors::newInstitution));

    private Detectors() {}

    public static List<Detector> all() {
        return ALL;
    }

    /** Every built-in detector's finding on {@code signal} against the baseline as it was before it. */
    public static List<Detection> inspect(Baseline before, Signal signal, Thresholds thresholds) {
        List<Detection> found = new ArrayList<>();
        for (Detector detector : ALL) {
            detector.inspect(before, signal, thresholds).ifPresent(found::add);
        }
        return found;
    }

    /** A device the subject has not used before; the very first device is learnt, not flagged. */
    static Optional<Detection> newDevice(Baseline before, Signal signal, Thresholds thresholds) {
        if (signal.device() == null || before.devices().isEmpty() || before.knowsDevice(signal.device())) {
            return Optional.empty();
        }
        return Optional.of(new Detection(
                NEW_DEVICE,
                Severity.MEDIUM,
                List.of(signal.id()),
                signal.occurredAt(),
                signal.type() + " from a device this subject has not used before",
                Reason.of(ReasonCode.NEW_DEVICE, signal.type())));
    }

    /** Two located signals farther apart than anyone can travel in the time between them. */
    static Optional<Detection> impossibleTravel(Baseline before, Signal signal, Thresholds thresholds) {
        Baseline.Located last = before.lastLocated();
        if (signal.location() == null || last == null) {
            return Optional.empty();
        }
        double km = last.point().distanceKm(signal.location());
        if (km < thresholds.minTravelDistanceKm()) {
            return Optional.empty();
        }
        // At least a second apart, so two signals at the same instant count as infinitely fast.
        double hours = Math.max(
                        1,
                        Math.abs(
                                Duration.between(last.at(), signal.occurredAt()).toSeconds()))
                / 3600.0;
        double speed = km / hours;
        if (speed <= thresholds.maxTravelSpeedKmh()) {
            return Optional.empty();
        }
        List<String> args = List.of(whole(km), whole(hours * 60), whole(speed), whole(thresholds.maxTravelSpeedKmh()));
        return Optional.of(new Detection(
                IMPOSSIBLE_TRAVEL,
                Severity.HIGH,
                List.of(last.signalId(), signal.id()),
                signal.occurredAt(),
                String.format(Locale.ROOT, "%s km in %s min (%s km/h, limit %s km/h)", args.toArray()),
                new Reason(ReasonCode.IMPOSSIBLE_TRAVEL.name(), args)));
    }

    /** Activity at an hour the subject is (almost) never active, once its baseline has enough history. */
    static Optional<Detection> unusualHour(Baseline before, Signal signal, Thresholds thresholds) {
        if (before.signalCount() < thresholds.unusualHourMinSignals()) {
            return Optional.empty();
        }
        int hour = signal.occurredAt().atZone(thresholds.timeZone()).getHour();
        double share = before.hourShare(hour);
        if (share > thresholds.unusualHourMaxShare()) {
            return Optional.empty();
        }
        return Optional.of(new Detection(
                UNUSUAL_HOUR,
                Severity.LOW,
                List.of(signal.id()),
                signal.occurredAt(),
                String.format(
                        Locale.ROOT,
                        "%s at %02d:00, an hour with %.1f%% of this subject's activity",
                        signal.type(),
                        hour,
                        share * 100),
                Reason.of(
                        ReasonCode.UNUSUAL_HOUR,
                        signal.type(),
                        String.format(Locale.ROOT, "%02d", hour),
                        String.format(Locale.ROOT, "%.1f", share * 100))));
    }

    /** {@code count} signals of {@code type} (this one included) within {@code window}. */
    static Optional<Detection> burst(
            Baseline before,
            Signal signal,
            SignalType type,
            int count,
            Duration window,
            String detector,
            Severity severity,
            String what) {
        if (signal.type() != type) {
            return Optional.empty();
        }
        Instant since = signal.occurredAt().minus(window);
        List<String> ids = new ArrayList<>();
        for (Baseline.Recent recent : before.recentOf(type, since)) {
            if (!recent.at().isAfter(signal.occurredAt())) {
                ids.add(recent.signalId());
            }
        }
        ids.add(signal.id());
        if (ids.size() < count) {
            return Optional.empty();
        }
        return Optional.of(new Detection(
                detector,
                severity,
                ids,
                signal.occurredAt(),
                ids.size() + " " + what + " within " + window.toMinutes() + " min (limit " + (count - 1) + ")",
                Reason.of(ReasonCode.valueOf(detector), ids.size(), window.toMinutes(), count - 1)));
    }

    /** A payment or withdrawal soon after the subject's contact details changed. */
    static Optional<Detection> contactChangeThenPayment(Baseline before, Signal signal, Thresholds thresholds) {
        if (signal.type() != SignalType.PAYMENT && signal.type() != SignalType.WITHDRAWAL) {
            return Optional.empty();
        }
        List<Baseline.Recent> changes = before
                .recentOf(SignalType.CONTACT_CHANGED, signal.occurredAt().minus(thresholds.contactChangeWindow()))
                .stream()
                .filter(change -> !change.at().isAfter(signal.occurredAt()))
                .toList();
        if (changes.isEmpty()) {
            return Optional.empty();
        }
        Baseline.Recent change = changes.getLast();
        long minutes = Duration.between(change.at(), signal.occurredAt()).toMinutes();
        return Optional.of(new Detection(
                CONTACT_CHANGE_THEN_PAYMENT,
                Severity.HIGH,
                List.of(change.signalId(), signal.id()),
                signal.occurredAt(),
                signal.type() + " " + minutes + " min after the contact details changed",
                Reason.of(ReasonCode.CONTACT_CHANGE_THEN_PAYMENT, signal.type(), minutes)));
    }

    /** An account opened at an institution the subject was never seen at. */
    static Optional<Detection> newInstitution(Baseline before, Signal signal, Thresholds thresholds) {
        if (signal.type() != SignalType.ACCOUNT_OPENED
                || signal.institution() == null
                || before.knowsInstitution(signal.institution())) {
            return Optional.empty();
        }
        return Optional.of(new Detection(
                NEW_INSTITUTION,
                Severity.MEDIUM,
                List.of(signal.id()),
                signal.occurredAt(),
                "Account opened at an institution this subject never used",
                Reason.of(ReasonCode.NEW_INSTITUTION)));
    }

    /** A measure as the sentence writes it: rounded to a whole number, no grouping. */
    private static String whole(double value) {
        return String.format(Locale.ROOT, "%.0f", value);
    }

    private interface Check {
        Optional<Detection> inspect(Baseline before, Signal signal, Thresholds thresholds);
    }

    private static Detector simple(String name, Check check) {
        return new Detector() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Optional<Detection> inspect(Baseline before, Signal signal, Thresholds thresholds) {
                return check.inspect(before, signal, thresholds);
            }
        };
    }
}
