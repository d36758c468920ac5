package app.thaw.monitor.settings;

import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The product defaults (docs/domain.md §10) every tenant starts from; a tenant's stored settings override
 * them field by field.
 *
 * @param timeZone                 zone for hours of day
 * @param maxTravelSpeedKmh        impossible-travel speed
 * @param minTravelDistanceKm      distance below which travel is never impossible
 * @param unusualHourMinSignals    signals needed before an hour can be unusual
 * @param unusualHourMaxShare      share at or under which an hour is unusual
 * @param otpBurstCount            OTP requests that make a burst
 * @param otpBurstWindow           window of an OTP burst
 * @param creditApplicationsCount  credit applications that alert
 * @param creditApplicationsWindow window of the credit applications
 * @param contactChangeWindow      contact change → payment window
 * @param alertWindow              detections for a subject within this window join one alert
 * @param escalateAtDetectors      an alert with this many distinct detectors becomes HIGH
 * @param maxFutureSkew            a signal's time may be at most this far ahead of Thaw's clock
 * @param screeningThreshold       a name match scoring at least this is a sanctions hit
 * @param ruleTimeLimit            how long one tenant rule may take on one signal
 * @param maxSubjects              plan quota: subjects monitored
 */
@ConfigurationProperties("thaw.monitor.defaults")
public record MonitorDefaults(
        @DefaultValue("UTC") ZoneId timeZone,
        @DefaultValue("900") double maxTravelSpeedKmh,
        @DefaultValue("100") double minTravelDistanceKm,
        @DefaultValue("20") int unusualHourMinSignals,
        @DefaultValue("0.02") double unusualHourMaxShare,
        @DefaultValue("5") int otpBurstCount,
        @DefaultValue("10m") Duration otpBurstWindow,
        @DefaultValue("3") int creditApplicationsCount,
        @DefaultValue("1h") Duration creditApplicationsWindow,
        @DefaultValue("24h") Duration contactChangeWindow,
        @DefaultValue("24h") Duration alertWindow,
        @DefaultValue("3") int escalateAtDetectors,
        @DefaultValue("5m") Duration maxFutureSkew,
        @DefaultValue("0.9") double screeningThreshold,
        @DefaultValue("50ms") Duration ruleTimeLimit,
        @DefaultValue("10000") long maxSubjects) {

    TenantSettings asSettings() {
        return new TenantSettings(
                timeZone.getId(),
                maxTravelSpeedKmh,
                minTravelDistanceKm,
                unusualHourMinSignals,
                unusualHourMaxShare,
                otpBurstCount,
                otpBurstWindow.toMinutes(),
                creditApplicationsCount,
                creditApplicationsWindow.toMinutes(),
                contactChangeWindow.toMinutes(),
                alertWindow.toMinutes(),
                escalateAtDetectors,
                maxFutureSkew.toSeconds(),
                screeningThreshold,
                ruleTimeLimit.toMillis());
    }
}
