package app.thaw.notifications.settings;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The defaults of every tenant's notification settings ({@link TenantSettings}); a tenant may
 * replace them through {@code PUT /api/v1/notifications/settings}.
 */
@ConfigurationProperties("thaw.notifications.defaults")
public record SettingsProperties(
        @DefaultValue({"60m", "30m", "10m"}) List<Duration> reminderOffsets,
        @DefaultValue("5m") Duration escalateAfter,
        // The Standard Webhooks schedule: immediately (the first attempt), then 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10
        // h.
        @DefaultValue({"5s", "5m", "30m", "2h", "5h", "10h", "10h"})
        List<Duration> retrySchedule,

        @DefaultValue("5d") Duration disableAfter,
        @DefaultValue("24h") Duration secretOverlap,
        @DefaultValue("en") String language,
        @DefaultValue("UTC") java.time.ZoneId timeZone) {

    public TenantSettings toSettings() {
        return new TenantSettings(
                reminderOffsets,
                escalateAfter,
                retrySchedule,
                disableAfter,
                secretOverlap,
                app.thaw.notifications.recipients.Language.fromTag(language),
                timeZone,
                0);
    }
}
