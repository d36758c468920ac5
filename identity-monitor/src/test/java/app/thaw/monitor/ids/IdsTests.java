package app.thaw.monitor.ids;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Ids keep the ObjectId layout without the driver: 24 hex digits after the kind, in creation order. */
class IdsTests {

    @Test
    void idsAreTheKindAndTwelveBytesInHexInCreationOrder() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            ids.add(Ids.next("sub"));
        }
        assertThat(ids).allSatisfy(id -> assertThat(id).matches("sub_[0-9a-f]{24}"));
        assertThat(ids).doesNotHaveDuplicates();
        // Seconds first, then one process part, then a counter: later ids sort after earlier ones
        // (within a second the counter decides; it wraps only after 16,777,216 ids).
        List<String> sorted = new ArrayList<>(ids);
        sorted.sort(null);
        assertThat(sorted.getFirst().substring(4, 12)).isEqualTo(ids.getFirst().substring(4, 12));
        assertThat(ids.getLast().compareTo(ids.getFirst())).isPositive();
    }
}
