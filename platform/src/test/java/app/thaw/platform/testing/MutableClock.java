package app.thaw.platform.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;

/**
 * The application's clock in a test: frozen at an instant the test sets and moves, or running with
 * real time until the test sets or advances it. Views in another zone share its time.
 */
public final class MutableClock extends Clock {

    private final AtomicReference<@Nullable Instant> frozenAt;
    private final ZoneId zone;

    private MutableClock(AtomicReference<@Nullable Instant> frozenAt, ZoneId zone) {
        this.frozenAt = frozenAt;
        this.zone = zone;
    }

    /** Frozen at {@code start} until the test moves it. */
    public static MutableClock frozenAt(Instant start) {
        return new MutableClock(new AtomicReference<>(start), ZoneOffset.UTC);
    }

    /** Frozen at the real now. */
    public static MutableClock frozenNow() {
        return frozenAt(Instant.now());
    }

    /** Real time until the test sets or advances it. */
    public static MutableClock realTime() {
        return new MutableClock(new AtomicReference<>(), ZoneOffset.UTC);
    }

    /** Freezes the clock at {@code at}. */
    public void set(Instant at) {
        frozenAt.set(at);
    }

    /** Freezes the clock {@code by} after what it shows now. */
    public void advance(Duration by) {
        frozenAt.set(instant().plus(by));
    }

    /** Back to real time. */
    public void reset() {
        frozenAt.set(null);
    }

    @Override
    public Instant instant() {
        Instant at = frozenAt.get();
        return at == null ? Instant.now() : at;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return new MutableClock(frozenAt, other);
    }
}
