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
 * @param sources          the lists; none configured means the shipped OFAC SDN snapshot alone
 * @param refreshInterval  how often every list is read again; a changed list re-screens every subject
 * @param maxHitsPerName   how many entries one name may hit at most
 */
@ConfigurationProperties("thaw.monitor.screening")
public record ScreeningProperties(
        @Nullable List<Source> sources,
        @DefaultValue("24h") Duration refreshInterval,
        @DefaultValue("10") int maxHitsPerName) {

    /** The project's dated OFAC SDN snapshot (public domain), shipped so screening works offline. */
    public static final Source SHIPPED_SDN = new Source("ofac-sdn", "OFAC Specially Designated Nationals (SDN) List",
            Format.OFAC_CSV, "classpath:ofac/2021/sdn.csv.gz", "classpath:ofac/2021/alt.csv.gz", null);

    public ScreeningProperties {
        sources = sources == null || sources.isEmpty() ? List.of(SHIPPED_SDN) : List.copyOf(sources);
        if (sources.stream().map(Source::id).distinct().count() != sources.size()) {
            throw new IllegalArgumentException("thaw.monitor.screening.sources: each list needs its own id");
        }
    }

    /**
     * One list.
     *
     * @param id            short stable id, recorded on every hit (e.g. {@code ofac-sdn}, {@code ofac-cons}, {@code eu-fsf})
     * @param name          what it is called
     * @param format        how it is written
     * @param location      where it is read (for OFAC CSV: {@code sdn.csv} or {@code cons_prim.csv})
     * @param aliasLocation OFAC CSV only: the aliases file ({@code alt.csv} or {@code cons_alt.csv})
     * @param published     when the publisher issued it, if known otherwise (a URL's {@code Last-Modified} is used when this is empty)
     */
    public record Source(String id, String name, Format format, String location, @Nullable String aliasLocation,
                         @Nullable String published) {

        public Source {
            if (id == null || !id.matches("[a-z0-9][a-z0-9._-]{0,39}")) {
                throw new IllegalArgumentException("thaw.monitor.screening.sources[].id must be 1-40 of [a-z0-9._-]: " + id);
            }
            if (location == null || location.isBlank()) {
                throw new IllegalArgumentException("thaw.monitor.screening.sources[" + id + "].location is required");
            }
            if (format == null) {
                format = Format.OFAC_CSV;
            }
            if (format == Format.OFAC_CSV && (aliasLocation == null || aliasLocation.isBlank())) {
                throw new IllegalArgumentException("thaw.monitor.screening.sources[" + id + "].alias-location is required for OFAC_CSV");
            }
            if (name == null || name.isBlank()) {
                name = id;
            }
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
