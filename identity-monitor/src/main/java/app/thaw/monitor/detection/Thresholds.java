package app.thaw.monitor.detection;

import java.time.Duration;
import java.time.ZoneId;

/**
 * A tenant's detector thresholds. Every number the detectors use is here, with the product default
 * coming from configuration, so a tenant can tune any of them.
 *
 * @param timeZone                 the zone a subject's hours are counted in
 * @param maxTravelSpeedKmh        faster than this between two located signals is impossible travel
 * @param minTravelDistanceKm      closer than this is never travel (GPS and IP-location jitter)
 * @param unusualHourMinSignals    how many signals a baseline needs before hours can be unusual
 * @param unusualHourMaxShare      an hour with at most this share of the subject's signals is unusual
 * @param otpBurstCount            this many one-time codes within {@code otpBurstWindow} is a burst
 * @param otpBurstWindow           the window of the OTP burst
 * @param creditApplicationsCount  this many credit or loan applications within the window alert
 * @param creditApplicationsWindow the window of the credit-application detector
 * @param contactChangeWindow      a payment or withdrawal this soon after a contact change alerts
 * @param recentWindow             how much recent activity a baseline keeps (at least the longest window)
 */
public record Thresholds(
        ZoneId timeZone,
        double maxTravelSpeedKmh,
        double minTravelDistanceKm,
        int unusualHourMinSignals,
        double unusualHourMaxShare,
        int otpBurstCount,
        Duration otpBurstWindow,
        int creditApplicationsCount,
        Duration creditApplicationsWindow,
        Duration contactChangeWindow,
        Duration recentWindow) {

    /** The longest window any detector looks back over. */
    public Duration longestWindow() {
        Duration longest = recentWindow;
        for (Duration d : new Duration[] {otpBurstWindow, creditApplicationsWindow, contactChangeWindow}) {
            if (d.compareTo(longest) > 0) {
                longest = d;
            }
        }
        return longest;
    }
}
