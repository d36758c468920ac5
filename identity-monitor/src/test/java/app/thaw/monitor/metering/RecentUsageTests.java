package app.thaw.monitor.metering;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * The usage a quota check sees on every screening and signal: no store read per request, yet every
 * count of this instance in it at once, and another instance's after the next flush.
 */
class RecentUsageTests {

    /** The stored counts, shared by "instances", counting the reads made of it. */
    static final class CountingStore implements UsageCounts {
        final Map<String, Map<UsageMeter.Counter, Long>> rows = new ConcurrentHashMap<>();
        final AtomicInteger reads = new AtomicInteger();

        @Override
        public Mono<Void> add(String tenantId, YearMonth month, Map<UsageMeter.Counter, Long> counts) {
            return Mono.fromRunnable(() -> counts.forEach(
                    (counter, n) -> rows.computeIfAbsent(tenantId + "|" + month, k -> new ConcurrentHashMap<>())
                            .merge(counter, n, Long::sum)));
        }

        @Override
        public Mono<Map<UsageMeter.Counter, Long>> stored(String tenantId, YearMonth month) {
            return Mono.fromSupplier(() -> {
                reads.incrementAndGet();
                Map<UsageMeter.Counter, Long> row = rows.get(tenantId + "|" + month);
                return row == null ? Map.of() : Map.copyOf(new EnumMap<>(row));
            });
        }
    }

    final CountingStore store = new CountingStore();
    final YearMonth month = YearMonth.now(ZoneOffset.UTC);

    UsageMeter instance() {
        return new UsageMeter(store, Clock.systemUTC(), Duration.ofMinutes(10));
    }

    long screenings(UsageMeter meter) {
        return meter.recentUsage("t1", month).block().screenings();
    }

    @Test
    void aQuotaCheckPerRequestReadsTheStoreOnceBetweenFlushesAndStillCountsEveryRequest() {
        UsageMeter meter = instance();
        for (int i = 1; i <= 200; i++) {
            meter.add("t1", UsageMeter.Counter.SCREENINGS, 1).block();
            assertThat(screenings(meter)).isEqualTo(i);
        }
        assertThat(store.reads).hasValue(1);
        // The full usage (GET /usage) still reads the store each time.
        meter.usage("t1", month).block();
        assertThat(store.reads).hasValue(2);
    }

    @Test
    void countsThisInstanceFlushedStayCountedAndAnotherInstancesArriveAfterTheNextFlush() {
        UsageMeter meter = instance();
        UsageMeter other = instance();
        meter.add("t1", UsageMeter.Counter.SCREENINGS, 5).block();
        assertThat(screenings(meter)).isEqualTo(5);
        meter.flush().block();
        assertThat(store.rows.get("t1|" + month)).containsEntry(UsageMeter.Counter.SCREENINGS, 5L);
        // Flushed: out of memory, into the store, neither lost nor counted twice.
        assertThat(screenings(meter)).isEqualTo(5);
        assertThat(screenings(meter)).isEqualTo(5);
        int reads = store.reads.get();
        other.add("t1", UsageMeter.Counter.SCREENINGS, 3).block();
        other.flush().block();
        // Read before the other instance's flush: this one does not see its 3 yet, and reads nothing more…
        assertThat(screenings(meter)).isEqualTo(5);
        assertThat(store.reads).hasValue(reads);
        // …until its own next flush (every flush-interval) makes it read again.
        meter.flush().block();
        assertThat(screenings(meter)).isEqualTo(8);
    }

    @Test
    void aReadIsTrustedForOneFlushIntervalAtMost() throws InterruptedException {
        UsageMeter meter = new UsageMeter(store, Clock.systemUTC(), Duration.ofMillis(50));
        assertThat(screenings(meter)).isZero();
        store.add("t1", month, Map.of(UsageMeter.Counter.SCREENINGS, 4L)).block();
        Thread.sleep(120);
        assertThat(screenings(meter)).isEqualTo(4);
        assertThat(store.reads).hasValue(2);
    }
}
