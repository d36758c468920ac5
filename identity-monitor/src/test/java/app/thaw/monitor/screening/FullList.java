package app.thaw.monitor.screening;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import app.thaw.monitor.screening.matching.ListEntry;
import app.thaw.monitor.screening.matching.OfacCsv;
import app.thaw.monitor.screening.matching.SanctionsList;
import app.thaw.monitor.screening.matching.ScreeningIndex;
import org.jspecify.annotations.Nullable;

/**
 * The full OFAC SDN list from {@code shared/data/ofac/} beside the repository (or
 * {@code THAW_OFAC_DIR}), for the quality test and the benchmark; absent on a machine without it.
 */
public final class FullList {

    private FullList() {}

    public static @Nullable Path directory() {
        String configured = System.getenv("THAW_OFAC_DIR");
        for (Path candidate : List.of(
                configured == null ? Path.of("/nonexistent") : Path.of(configured),
                Path.of("..", "..", "shared", "data", "ofac"),
                Path.of("..", "shared", "data", "ofac"))) {
            if (Files.isRegularFile(candidate.resolve("sdn.csv"))
                    && Files.isRegularFile(candidate.resolve("alt.csv"))) {
                return candidate;
            }
        }
        return null;
    }

    public static ScreeningIndex load(Path dir) throws IOException {
        try (Reader sdn = Files.newBufferedReader(dir.resolve("sdn.csv"), StandardCharsets.ISO_8859_1);
                Reader alt = Files.newBufferedReader(dir.resolve("alt.csv"), StandardCharsets.ISO_8859_1)) {
            List<ListEntry> entries = OfacCsv.read(sdn, alt);
            return new ScreeningIndex(new SanctionsList(dir.toString(), "full", Instant.now(), entries));
        }
    }
}
