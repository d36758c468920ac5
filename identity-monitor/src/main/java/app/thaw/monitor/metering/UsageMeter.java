package app.thaw.monitor.metering;

import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import app.thaw.platform.timers.PeriodicPass;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Service;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Counts what each tenant uses, per calendar month in UTC: one document per tenant and month. A
 * count is added in memory (no store write per screening or signal) and written every
 * {@code thaw.monitor.metering.flush-interval} (default 5 s) as one atomic {@code $inc} per tenant
 * and month, so concurrent instances never lose each other's counts; a failed write puts its counts
 * back for the next flush, and a graceful shutdown flushes after the web server has stopped taking
 * requests. Reads add what is still in memory, so a tenant's usage is current on this instance.
 * A crash loses at most the last interval's counts.
 */
@Service
public class UsageMeter implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(UsageMeter.class);

    /** What is metered. */
    public enum Counter {
        SUBJECTS_ENROLLED("subjectsEnrolled"),
        SIGNALS("signals"),
        SCREENINGS("screenings");

        final String field;

        Counter(String field) {
            this.field = field;
        }

        /** Its name in stored usage and in answers. */
        public String field() {
            return field;
        }
    }

    private record Key(String tenantId, YearMonth month) {}

    private final UsageCounts store;
    private final Clock clock;
    private final Duration flushInterval;
    private final Map<Key, Map<Counter, LongAdder>> pending = new ConcurrentHashMap<>();
    /** Stored counts as read for quota checks ({@link #recentUsage}), each valid until the next flush completes. */
    private final Map<Key, Recent> recent = new ConcurrentHashMap<>();
    /** Flushes begun and completed: a stored read made while none was under way holds every count flushed so far. */
    private final java.util.concurrent.atomic.AtomicLong flushesBegun = new java.util.concurrent.atomic.AtomicLong();

    private final java.util.concurrent.atomic.AtomicLong flushesDone = new java.util.concurrent.atomic.AtomicLong();
    private volatile Disposable flushing = null;

    /** @param flushes the flushes completed when the read began, none being under way */
    private record Recent(Map<Counter, Long> stored, long flushes, long readAt) {}

    UsageMeter(
            UsageCounts store,
            Clock clock,
            @Value("${thaw.monitor.metering.flush-interval:5s}") Duration flushInterval) {
        this.store = store;
        this.clock = clock;
        this.flushInterval = flushInterval;
    }

    /** Counts {@code amount} for the tenant's current month, in memory; nothing is written now. */
    public Mono<Void> add(String tenantId, Counter counter, long amount) {
        if (amount != 0) {
            YearMonth month = YearMonth.now(clock.withZone(ZoneOffset.UTC));
            pending.computeIfAbsent(new Key(tenantId, month), k -> {
                        Map<Counter, LongAdder> counters = new EnumMap<>(Counter.class);
                        for (Counter c : Counter.values()) {
                            counters.put(c, new LongAdder());
                        }
                        return counters;
                    })
                    .get(counter)
                    .add(amount);
        }
        return Mono.empty();
    }

    /**
     * Writes the counts held in memory: one upsert per tenant and month. Counts taken for a write
     * that fails are added back.
     */
    public Mono<Void> flush() {
        return Mono.defer(() -> {
            flushesBegun.incrementAndGet();
            return write().doFinally(signal -> {
                flushesDone.incrementAndGet();
                // Every count read before this flush completed is stale now (or soon), and past months' go too.
                recent.clear();
            });
        });
    }

    private Mono<Void> write() {
        return Flux.defer(() -> Flux.fromIterable(new ArrayList<>(pending.entrySet())))
                .concatMap(entry -> {
                    Map<Counter, Long> taken = new EnumMap<>(Counter.class);
                    entry.getValue().forEach((counter, adder) -> {
                        long n = adder.sumThenReset();
                        if (n != 0) {
                            taken.put(counter, n);
                        }
                    });
                    if (taken.isEmpty()) {
                        return Mono.empty();
                    }
                    Key key = entry.getKey();
                    return store.add(key.tenantId(), key.month(), taken).onErrorResume(failure -> {
                        taken.forEach(
                                (counter, n) -> entry.getValue().get(counter).add(n));
                        log.warn("Writing usage counts for a tenant failed; they are kept for the next flush", failure);
                        return Mono.empty();
                    });
                })
                .then();
    }

    /** The tenant's usage in {@code month}: what is stored plus what this instance still holds; zeros for a month with none. */
    public Mono<Usage> usage(String tenantId, YearMonth month) {
        return store.stored(tenantId, month)
                .map(stored -> new Usage(
                        month.toString(),
                        count(stored, tenantId, month, Counter.SUBJECTS_ENROLLED),
                        count(stored, tenantId, month, Counter.SIGNALS),
                        count(stored, tenantId, month, Counter.SCREENINGS)));
    }

    /**
     * The tenant's usage for a quota check on every request: like {@link #usage}, but the stored part
     * is read from the store at most once per tenant and month between two flushes (and at most one
     * flush interval ago), so a screening or a signal costs no store read either. This instance's
     * own counts are always all in it (in memory, or stored by a flush completed before the read);
     * another instance's reach it after that instance's next flush and this one's.
     */
    public Mono<Usage> recentUsage(String tenantId, YearMonth month) {
        return Mono.defer(() -> {
            Key key = new Key(tenantId, month);
            long done = flushesDone.get();
            Recent known = recent.get(key);
            long now = System.nanoTime();
            if (known != null && known.flushes() == done && now - known.readAt() < flushInterval.toNanos()) {
                return Mono.just(usageOf(known.stored(), tenantId, month));
            }
            boolean quiet = flushesBegun.get() == done;
            return store.stored(tenantId, month).map(stored -> {
                if (quiet) {
                    recent.put(key, new Recent(Map.copyOf(stored), done, now));
                }
                return usageOf(stored, tenantId, month);
            });
        });
    }

    private Usage usageOf(Map<Counter, Long> stored, String tenantId, YearMonth month) {
        return new Usage(
                month.toString(),
                count(stored, tenantId, month, Counter.SUBJECTS_ENROLLED),
                count(stored, tenantId, month, Counter.SIGNALS),
                count(stored, tenantId, month, Counter.SCREENINGS));
    }

    private long count(Map<Counter, Long> stored, String tenantId, YearMonth month, Counter counter) {
        Map<Counter, LongAdder> held = pending.get(new Key(tenantId, month));
        return stored.getOrDefault(counter, 0L)
                + (held == null ? 0 : held.get(counter).sum());
    }

    @Override
    public void start() {
        flushing = PeriodicPass.every("usage flush", flushInterval, flushInterval, this::flush);
    }

    @Override
    public void stop() {
        Disposable d = flushing;
        if (d != null) {
            d.dispose();
        }
        flushing = null;
        // Blocking is right here: stop() runs on the shutdown thread (SmartLifecycle), never on an event
        // loop, and the counts still in memory must reach the store before the process exits.
        flush().block(Duration.ofSeconds(30));
    }

    @Override
    public boolean isRunning() {
        return flushing != null;
    }

    /** Stops after the web server (phase {@code DEFAULT_PHASE - 1024}) has finished its requests, before the store closes. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }

    /** @param month {@code YYYY-MM} */
    public record Usage(String month, long subjectsEnrolled, long signals, long screenings) {}
}
