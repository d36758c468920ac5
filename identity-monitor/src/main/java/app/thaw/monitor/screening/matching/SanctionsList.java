package app.thaw.monitor.screening.matching;

import java.time.Instant;
import java.util.List;

/**
 * A loaded list and where it came from.
 *
 * @param source   where it was read from
 * @param version  SHA-256 of the files' bytes: equal versions are the same list
 * @param loadedAt when it was read
 * @param entries  its parties
 */
public record SanctionsList(String source, String version, Instant loadedAt, List<ListEntry> entries) {

    public SanctionsList {
        entries = List.copyOf(entries);
    }

    public int nameCount() {
        return entries.stream().mapToInt(e -> 1 + e.aliases().size()).sum();
    }
}
