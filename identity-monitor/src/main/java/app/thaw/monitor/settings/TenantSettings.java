package app.thaw.monitor.settings;

import java.time.Duration;
import java.time.ZoneId;

import app.thaw.monitor.detection.Thresholds;

/**
 * One tenant's effective monitoring settings (defaults where it set nothing). Windows are whole
 * minutes and limits whole seconds or milliseconds, so the JSON form is plain numbers.
 */
public record TenantSettings(
        String timeZone,
        double maxTravelSpeedKmh,
        double minTravelDistanceKm,
        int unusualHourMinSignals,
        double unusualHourMaxShare,
        int otpBurstCount,
        long otpBurstWindowMinutes,
        int creditApplicationsCount,
        long creditApplicationsWindowMinutes,
        long contactChangeWindowMinutes,
        long alertWindowMinutes,
        int escalateAtDetectors,
        long maxFutureSkewSeconds,
        double screeningThreshold,
        long ruleTimeLimitMillis) {

    public Thresholds thresholds() {
        Duration otp = Duration.ofMinutes(otpBurstWindowMinutes);
        Duration credit = Duration.ofMinutes(creditApplicationsWindowMinutes);
        Duration contact = Duration.ofMinutes(contactChangeWindowMinutes);
        return new Thresholds(
                ZoneId.of(timeZone),
                maxTravelSpeedKmh,
                minTravelDistanceKm,
                unusualHourMinSignals,
                unusualHourMaxShare,
                otpBurstCount,
                otp,
                creditApplicationsCount,
                credit,
                contact,
                Duration.ofHours(24));
    }

    public Duration alertWindow() {
        return Duration.ofMinutes(alertWindowMinutes);
    }

    public Duration maxFutureSkew() {
        return Duration.ofSeconds(maxFutureSkewSeconds);
    }

    public Duration ruleTimeLimit() {
        return Duration.ofMillis(ruleTimeLimitMillis);
    }
}
