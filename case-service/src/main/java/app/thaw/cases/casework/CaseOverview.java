package app.thaw.cases.casework;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import app.thaw.cases.access.CaseAccess;
import app.thaw.cases.incident.IncidentCase;
import app.thaw.cases.problems.CaseProblems;
import app.thaw.cases.tenant.CaseProperties;
import app.thaw.platform.security.Caller;
import app.thaw.platform.security.CurrentCaller;
import app.thaw.platform.store.CursorPage;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What the staff dashboard reads across cases: the queue by breach risk, and the statistics
 * behind its charts. Both see exactly the cases the API's queue would show the caller (same
 * filters, same restriction), and both are bounded: the queue pages by offset up to
 * {@link #MAX_QUEUE_DEPTH} cases deep, the statistics read at most {@link #STATISTICS_LIMIT} cases
 * opened in the last {@link #STATISTICS_WINDOW}.
 */
public class CaseOverview {

    public static final int MAX_QUEUE_DEPTH = 1000;
    public static final int STATISTICS_LIMIT = 2000;
    public static final Duration STATISTICS_WINDOW = Duration.ofDays(90);

    /** One page of the queue, most at risk first. */
    public record QueuePage(List<IncidentCase> items, int page, int size, boolean more) {}

    private final CaseStore store;
    private final CaseAccess access;
    private final Clock clock;
    private final CaseProperties properties;

    public CaseOverview(CaseStore store, CaseAccess access, Clock clock, CaseProperties properties) {
        this.store = store;
        this.access = access;
        this.clock = clock;
        this.properties = properties;
    }

    /**
     * The open cases matching {@code q} (closed ones only when {@code q} asks for CLOSED), ranked by
     * breach risk: a breached, unmet clock first; then by the nearest running deadline; cases with no
     * running clock last, oldest first. Staff only; a read across tenants is audited like the API's.
     */
    public Mono<QueuePage> queue(CaseQuery q, int page) {
        return CurrentCaller.get()
                .flatMap(caller -> {
                    CaseAccess.requireStaff(caller);
                    int size = CursorPage.Request.of(
                                    null,
                                    q.limit() == null ? properties.defaultPageSize() : q.limit(),
                                    properties.maxPageSize())
                            .limit();
                    if (page < 0 || (long) (page + 1) * size > MAX_QUEUE_DEPTH) {
                        throw CaseProblems.invalid(
                                "page",
                                "Range",
                                "reaches deeper than " + MAX_QUEUE_DEPTH + " cases; narrow the filters");
                    }
                    Instant now = clock.instant();
                    CaseFilter filter = q.filter(caller, now, properties.atRiskWindow());
                    if (q.status() == null) {
                        filter = filter.openOnly();
                    }
                    int wanted = (page + 1) * size + 1;
                    // Three ranked slices, each bounded.
                    Flux<IncidentCase> breached = store.queue(filter, CaseStore.QueueSlice.BREACHED, wanted);
                    Flux<IncidentCase> running = store.queue(filter, CaseStore.QueueSlice.RUNNING, wanted);
                    Flux<IncidentCase> idle = store.queue(filter, CaseStore.QueueSlice.IDLE, wanted);
                    return audited(caller, q)
                            .then(Flux.concat(breached, running, idle)
                                    .take(wanted)
                                    .collectList()
                                    .map(found -> {
                                        int from = Math.min(page * size, found.size());
                                        int to = Math.min(from + size, found.size());
                                        return new QueuePage(
                                                List.copyOf(found.subList(from, to)), page, size, found.size() > to);
                                    }));
                })
                .onErrorMap(CaseProblems::translate);
    }

    /** Statistics over the caller's visible cases opened in the window (one tenant's, when {@code tenantId} is given). */
    public Mono<CaseStatistics> statistics(@Nullable String tenantId) {
        return CurrentCaller.get()
                .flatMap(caller -> {
                    CaseAccess.requireStaff(caller);
                    Instant now = clock.instant();
                    CaseQuery q = new CaseQuery(null, null, null, null, null, tenantId, null, null);
                    CaseFilter filter =
                            q.filter(caller, now, properties.atRiskWindow()).openedSince(now.minus(STATISTICS_WINDOW));
                    return audited(caller, q)
                            .then(store.list(filter, null, STATISTICS_LIMIT + 1).collectList())
                            .map(found -> CaseStatistics.of(
                                    found.size() > STATISTICS_LIMIT ? found.subList(0, STATISTICS_LIMIT) : found,
                                    found.size() > STATISTICS_LIMIT,
                                    now));
                })
                .onErrorMap(CaseProblems::translate);
    }

    private Mono<Void> audited(Caller caller, CaseQuery q) {
        return access.auditStaffList(caller, q.tenantId(), Map.of());
    }
}
