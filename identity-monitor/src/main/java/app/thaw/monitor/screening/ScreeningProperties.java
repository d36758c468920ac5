package app.thaw.monitor.screening;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which sanctions lists are screened against, where each comes from and how often they are read
 * again. Locations are Spring resource strings: {@code classpath:…}, {@code file:…} or an
 * {@code https://…} URL; a location ending in {@code .gz} is gunzipped while it is read.
 *
 * @param sources            the lists; none configured (or none enabled) means the shipped OFAC SDN snapshot alone
 * @param refreshInterval    how often a list is read again unless its source says otherwise; a changed list re-screens every subject
 * @param firstRefreshAfter  how long after the start a list with an official {@code url} is first read from it (the start reads {@code location})
 * @param cacheDir           where the last download of each list with a {@code url} is kept, so a restart starts from it
 *                           rather than the older snapshot; none: not kept
 * @param maxHitsPerName     how many entries one name may hit at most
 */
@ConfigurationProperties("thaw.monitor.screening")
public record ScreeningProperties(
        @Nullable List<Source> sources,
        @DefaultValue("24h") Duration refreshInterval,
        @DefaultValue("1m") Duration firstRefreshAfter,
        @Nullable String cacheDir,
        @DefaultValue("10") int maxHitsPerName) {

    /** The project's dated OFAC SDN snapshot (public domain), shipped so screening works offline. */
    public static final Source SHIPPED_SDN = new Source(
            "ofac-sdn",
            "OFAC Specially Designated Nationals (SDN) List",
            Format.OFAC_CSV,
            "classpath:ofac/2021/sdn.csv.gz",
            "classpath:ofac/2021/alt.csv.gz",
            null,
            null,
            null,
            null,
            null);

    public ScreeningProperties(@Nullable List<Source> sources, @Nullable Duration refreshInterval, int maxHitsPerName) {
        this(sources, refreshInterval, null, null, maxHitsPerName);
    }

    @org.springframework.boot.context.properties.bind.ConstructorBinding
    public ScreeningProperties {
        refreshInterval = positive(refreshInterval, Duration.ofHours(24), "refresh-interval");
        cacheDir = cacheDir == null || cacheDir.isBlank() ? null : cacheDir;
        firstRefreshAfter =
                firstRefreshAfter == null || firstRefreshAfter.isNegative() ? Duration.ofMinutes(1) : firstRefreshAfter;
        List<Source> enabled = sources == null
                ? List.of()
                : sources.stream().filter(Source::enabled).toList();
        sources = enabled.isEmpty() ? List.of(SHIPPED_SDN) : enabled;
        if (sources.stream().map(Source::id).distinct().count() != sources.size()) {
            throw new IllegalArgumentException("thaw.monitor.screening.sources: each list needs its own id");
        }
    }

    /** How often one list is read again: its own interval, else the global one. */
    public Duration refreshInterval(Source source) {
        return source.refreshInterval() != null ? source.refreshInterval() : refreshInterval;
    }

    private static Duration positive(@Nullable Duration value, Duration otherwise, String name) {
        if (value == null) {
            return otherwise;
        }
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException("thaw.monitor.screening." + name + " must be positive: " + value);
        }
        return value;
    }

    /**
     * One list.
     *
     * @param id            short stable id, recorded on every hit (e.g. {@code ofac-sdn}, {@code ofac-cons}, {@code eu-fsf})
     * @param name          what it is called
     * @param format        how it is written
     * @param location      where it is read (for OFAC CSV: {@code sdn.csv} or {@code cons_prim.csv})
     * @param aliasLocation OFAC CSV only: the aliases file ({@code alt.csv} or {@code cons_alt.csv})
     * @param published     when the publisher issued the file at {@code location}, if known otherwise (a URL's
     *                      {@code Last-Modified}, or {@code sdn.xml}'s {@code Publish_Date}, is used when this is empty)
     * @param url           the publisher's official file, read on every refresh (the start reads {@code location}, e.g. the
     *                      shipped snapshot, so the service starts offline); none: each refresh reads {@code location} again
     * @param aliasUrl      OFAC CSV with a {@code url}: the publisher's aliases file
     * @param refreshInterval how often this list is read again (else {@code thaw.monitor.screening.refresh-interval})
     * @param enabled       false leaves a configured list out (e.g. OFAC's Consolidated list where its publisher is unreachable)
     */
    public record Source(
            String id,
            String name,
            Format format,
            String location,
            @Nullable String aliasLocation,
            @Nullable String published,
            @Nullable String url,
            @Nullable String aliasUrl,
            @Nullable Duration refreshInterval,
            @Nullable Boolean enabled) {

        @org.springframework.boot.context.properties.bind.ConstructorBinding
        public Source {
            if (id == null || !id.matches("[a-z0-9][a-z0-9._-]{0,39}")) {
                throw new IllegalArgumentException(
                        "thaw.monitor.screening.sources[].id must be 1-40 of [a-z0-9._-]: " + id);
            }
            if (location == null || location.isBlank()) {
                throw new IllegalArgumentException("thaw.monitor.screening.sources[" + id + "].location is required");
            }
            if (format == null) {
                format = Format.OFAC_CSV;
            }
            if (format == Format.OFAC_CSV && (aliasLocation == null || aliasLocation.isBlank())) {
                throw new IllegalArgumentException(
                        "thaw.monitor.screening.sources[" + id + "].alias-location is required for OFAC_CSV");
            }
            if (url != null && url.isBlank()) {
                url = null;
            }
            if (aliasUrl != null && aliasUrl.isBlank()) {
                aliasUrl = null;
            }
            if (format == Format.OFAC_CSV && url != null && aliasUrl == null) {
                throw new IllegalArgumentException(
                        "thaw.monitor.screening.sources[" + id + "].alias-url is required for OFAC_CSV with a url");
            }
            if (refreshInterval != null && (refreshInterval.isZero() || refreshInterval.isNegative())) {
                throw new IllegalArgumentException(
                        "thaw.monitor.screening.sources[" + id + "].refresh-interval must be positive");
            }
            if (name == null || name.isBlank()) {
                name = id;
            }
            enabled = enabled == null || enabled;
        }

        public Source(
                String id,
                String name,
                Format format,
                String location,
                @Nullable String aliasLocation,
                @Nullable String published) {
            this(id, name, format, location, aliasLocation, published, null, null, null, null);
        }

        /** Where a refresh reads the list: the official url if one is configured, else {@code location}. */
        public String refreshLocation() {
            return url != null ? url : location;
        }

        /** Where a refresh reads the aliases (OFAC CSV). */
        public @Nullable String refreshAliasLocation() {
            return url != null ? aliasUrl : aliasLocation;
        }
    }

    /** How a list is written. */
    public enum Format {
        /** OFAC's legacy CSV pair: {@code sdn.csv} + {@code alt.csv}, or {@code cons_prim.csv} + {@code cons_alt.csv}. */
        OFAC_CSV,
        /** OFAC's {@code sdn.xml} (aliases inside). */
        OFAC_XML,
        /** OpenSanctions' {@code targets.simple.csv} (EU, UN, UK and other lists). */
        OPENSANCTIONS_CSV
    }
}
