package app.thaw.evidence.casefile;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The rules a tenant's cases follow here, and list pages. Domain numbers (upload limit, retention,
 * time zone) are per tenant: {@code thaw.evidence.tenants.<tenant>.*} overrides
 * {@code thaw.evidence.defaults.*} field by field. The features' own settings are beside them:
 * {@code thaw.evidence.upload.*} (content), {@code .retention.*} (retention), {@code .dossier.*} (dossier).
 *
 * @param pageSize  list pages: the default and the most a caller may ask for
 */
@ConfigurationProperties("thaw.evidence")
public record EvidenceProperties(
        @DefaultValue Tenant defaults,
        Map<String, Tenant> tenants,
        @DefaultValue PageSize pageSize) {

    public EvidenceProperties {
        tenants = tenants == null ? Map.of() : Map.copyOf(tenants);
    }

    /** One tenant's settings, each field falling back to the defaults. */
    public TenantSettings forTenant(String tenantId) {
        Tenant own = tenants.getOrDefault(tenantId, new Tenant(null, null, null));
        return new TenantSettings(
                pick(own.maxUploadSize(), defaults.maxUploadSize(), DataSize.ofMegabytes(100)),
                pick(own.retention(), defaults.retention(), Duration.ofDays(5 * 365 + 1)),
                pick(own.timeZone(), defaults.timeZone(), ZoneId.of("UTC")));
    }

    private static <T> T pick(@Nullable T own, @Nullable T defaults, T builtIn) {
        return own != null ? own : defaults != null ? defaults : builtIn;
    }

    /**
     * @param maxUploadSize the largest file a tenant may upload (default 100 MiB)
     * @param retention     how long evidence is kept after upload unless a legal hold covers it (default 5 years)
     * @param timeZone      the tenant's zone, for "today" when judging expiry dates (default UTC)
     */
    public record Tenant(
            @Nullable DataSize maxUploadSize,
            @Nullable Duration retention,
            @Nullable ZoneId timeZone) {}

    public record TenantSettings(DataSize maxUploadSize, Duration retention, ZoneId timeZone) {}

    public record PageSize(
            @DefaultValue("50") int defaultSize,
            @DefaultValue("200") int max) {

        public int clamp(@Nullable Integer requested) {
            return requested == null ? defaultSize : Math.max(1, Math.min(requested, max));
        }
    }
}
