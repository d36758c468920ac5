package app.thaw.platform.config;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that acceptance tests move forward ("24 hours later", "3 business days later") so that
 * clocks, follow-ups and reminders fall due without waiting. It only ever moves forward: leases,
 * outbox entries and timers assume time does not run backwards.
 *
 * <p>Exists only under the {@value ClockAutoConfiguration#TEST_CLOCK_PROFILE} profile; the
 * application refuses to start with {@code thaw.clock.controllable=true} otherwise.
 */
public final class ControllableClock extends Clock {

    private final Clock base;
    private final AtomicReference<Duration> offset;

    public ControllableClock(Clock base) {
        this(base, new AtomicReference<>(Duration.ZERO));
    }

    private ControllableClock(Clock base, AtomicReference<Duration> offset) {
        this.base = base;
        this.offset = offset;
    }

    /** Moves time forward by {@code amount}; returns the new now. */
    public Instant advance(Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("the clock only moves forward; got " + amount);
        }
        offset.accumulateAndGet(amount, Duration::plus);
        return instant();
    }

    /** How far this clock is ahead of the real one. */
    public Duration offset() {
        return offset.get();
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        // Shares the offset, so a zoned view moves with the original.
        return new ControllableClock(base.withZone(zone), offset);
    }
}
