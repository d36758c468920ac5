package app.thaw.monitor.screening;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the sanctions list comes from and how often it is read again. Locations are Spring
 * resource strings: {@code classpath:…}, {@code file:…} or an {@code https://…} URL (OFAC publishes
 * {@code sdn.csv} and {@code alt.csv} at stable URLs).
 *
 * @param sdnLocation      the OFAC SDN list: legacy CSV ({@code sdn.csv}), or the XML form when it ends in {@code .xml}
 * @param altLocation      the CSV form's aliases ({@code alt.csv}); unused with XML, which carries them
 * @param refreshInterval  how often the list is read again; a changed list re-screens every subject
 * @param maxHitsPerName   how many entries one name may hit at most
 */
@ConfigurationProperties("thaw.monitor.screening")
public record ScreeningProperties(
        @DefaultValue("classpath:ofac/sdn.csv") String sdnLocation,
        @DefaultValue("classpath:ofac/alt.csv") String altLocation,
        @DefaultValue("24h") Duration refreshInterval,
        @DefaultValue("10") int maxHitsPerName) {
}
