package app.thaw.monitor.metering;

import java.time.YearMonth;
import java.util.Map;

import reactor.core.publisher.Mono;

/** The stored usage counts: one record per tenant and month, added to atomically. */
public interface UsageCounts {

    /** Adds {@code counts} to the tenant's month in one atomic write. */
    Mono<Void> add(String tenantId, YearMonth month, Map<UsageMeter.Counter, Long> counts);

    /** What is stored for the tenant's month; no entry for a counter with nothing stored. */
    Mono<Map<UsageMeter.Counter, Long>> stored(String tenantId, YearMonth month);
}
