package app.thaw.monitor.baseline;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a subject's baseline shows a reader: devices are the sources' own device ids (not
 * identifiers of the subject), places rounded to one decimal (about 10 km).
 */
public record BaselineView(
        long signalCount,
        Map<String, Instant> knownDevices,
        List<String> institutions,
        List<Map<String, Object>> usualPlaces,
        long[] activeHours,
        long version) {

    public static BaselineView of(Baseline b) {
        return new BaselineView(
                b.signalCount(),
                b.devices(),
                List.copyOf(b.institutions()),
                b.places().stream()
                        .map(p -> Map.<String, Object>of(
                                "lat",
                                Math.round(p.center().lat() * 10) / 10.0,
                                "lon",
                                Math.round(p.center().lon() * 10) / 10.0,
                                "signals",
                                p.count()))
                        .toList(),
                b.hourCounts(),
                b.version());
    }
}
