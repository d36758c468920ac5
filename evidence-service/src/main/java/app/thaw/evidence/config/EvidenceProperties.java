package app.thaw.evidence.config;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The evidence service's settings. Domain numbers (upload limit, retention, time zone) are per
 * tenant: {@code thaw.evidence.tenants.<tenant>.*} overrides {@code thaw.evidence.defaults.*}
 * field by field.
 *
 * @param upload    how uploads are streamed and cleaned up (infrastructure, not per tenant)
 * @param retention how often expired evidence is swept
 * @param dossier   the dossier signing key
 * @param pageSize  list pages: the default and the most a caller may ask for
 */
@ConfigurationProperties("thaw.evidence")
public record EvidenceProperties(@DefaultValue Tenant defaults, Map<String, Tenant> tenants, @DefaultValue Upload upload,
                                 @DefaultValue Retention retention, @DefaultValue Dossier dossier,
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
    public record Tenant(@Nullable DataSize maxUploadSize, @Nullable Duration retention, @Nullable ZoneId timeZone) {
    }

    public record TenantSettings(DataSize maxUploadSize, Duration retention, ZoneId timeZone) {
    }

    /**
     * @param chunkSize       GridFS chunk size (1 MiB: the embedded store writes large chunks fastest)
     * @param sniffBytes      how much of the start of a file is read to detect its type
     * @param abandonedAfter  an upload still unfinished after this is treated as dead and its chunks removed
     * @param abortGrace      how long after a failed upload the reaper removes any chunk that landed late
     * @param reaperInterval  how often leftovers of interrupted uploads are looked for (0 turns the loop off)
     * @param downloadWindow  how many chunks one read asks the store for
     * @param custodyGrace    how long an item may wait for its UPLOADED custody entry before the repair
     *                        (reaper loop, custody verify) writes it for an upload that died in between (ADR 57)
     */
    public record Upload(@DefaultValue("1MB") DataSize chunkSize, @DefaultValue("8KB") DataSize sniffBytes,
                         @DefaultValue("1h") Duration abandonedAfter, @DefaultValue("1m") Duration abortGrace,
                         @DefaultValue("5m") Duration reaperInterval,
                         @DefaultValue("8") int downloadWindow, @DefaultValue("1m") Duration custodyGrace) {
    }

    /**
     * @param interval  how often the retention sweeper runs (0 turns it off)
     * @param batchSize how many expired items one pass handles at most
     * @param lease     how long an instance holds an item it is deleting
     */
    public record Retention(@DefaultValue("1h") Duration interval, @DefaultValue("100") int batchSize,
                            @DefaultValue("5m") Duration lease) {
    }

    /**
     * @param signingKeyFile the service's private signing key as a JWK (JSON); generated there when absent
     */
    public record Dossier(@DefaultValue(".thaw/evidence/dossier-signing-key.jwk.json") Path signingKeyFile) {
    }

    public record PageSize(@DefaultValue("50") int defaultSize, @DefaultValue("200") int max) {

        public int clamp(@Nullable Integer requested) {
            return requested == null ? defaultSize : Math.max(1, Math.min(requested, max));
        }
    }
}
