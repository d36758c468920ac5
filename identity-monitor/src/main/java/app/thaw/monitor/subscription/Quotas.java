package app.thaw.monitor.subscription;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Optional;

/** The quota rule, plain: a month's usage plus what is asked must stay within the plan's limit. */
public final class Quotas {

    private Quotas() {}

    /** When the quotas of {@code month} reset: 00:00 UTC on the first of the next month. */
    public static Instant resetsAt(YearMonth month) {
        return month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    /** The refusal, if adding {@code adding} to {@code used} would pass the plan's limit of {@code item}. */
    public static Optional<QuotaExceeded> check(Plan plan, MeteredItem item, long used, long adding, Instant now) {
        Optional<Long> limit = plan.limit(item);
        if (limit.isEmpty() || used + adding <= limit.get()) {
            return Optional.empty();
        }
        YearMonth month = YearMonth.from(now.atOffset(ZoneOffset.UTC));
        return Optional.of(new QuotaExceeded(plan.code(), item, limit.get(), used, resetsAt(month), now));
    }
}
