package app.thaw.cases.casework;

import java.time.Instant;
import java.util.List;

import app.thaw.cases.incident.IncidentCase;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Where cases are kept, one document each with the events a change caused (ADR 10); its Mongo
 * implementation is the feature's own ({@code internal}). Every read names the tenants it may find
 * a case in, except the two that cannot know them: staff, who reach every tenant through their role
 * ({@link #findInAnyTenant}), and the case's own deadline timer.
 */
public interface CaseStore {

    /** The kind of the one timer each case has, at its earliest running deadline. */
    String CLOCK_TIMER = "case-clock";

    /** Stores a new case with its events, and arms its deadline timer. */
    Mono<IncidentCase> insert(IncidentCase c);

    /**
     * Writes {@code c} if it is still at the version it was read at; a stale write changes nothing
     * and is a {@code version_conflict}.
     *
     * @param storedNextDeadline the case's earliest running deadline as read, before the change
     */
    Mono<IncidentCase> save(IncidentCase c, @Nullable Instant storedNextDeadline);

    /** The case {@code id} if it belongs to one of {@code tenantIds}; nothing otherwise. */
    Mono<IncidentCase> find(String id, List<String> tenantIds);

    /** The case {@code id} of one tenant; nothing for another tenant's. */
    default Mono<IncidentCase> find(String tenantId, String id) {
        return find(id, List.of(tenantId));
    }

    /** The case {@code id} whatever its tenant: for staff, whose reach {@code CaseAccess} checks and audits next. */
    Mono<IncidentCase> findInAnyTenant(String id);

    /** A page of the cases {@code filter} lets through, newest first ({@code openedAt}, then id), after {@code after}. */
    Flux<IncidentCase> list(CaseFilter filter, @Nullable CaseCursor after, int limit);

    /** The cases of one slice of the staff queue, in that slice's order (see {@link QueueSlice}). */
    Flux<IncidentCase> queue(CaseFilter filter, QueueSlice slice, int limit);

    /**
     * The tenant's next human case number, prefixed with the tenant id so staff, who see every
     * tenant's cases, can tell them apart: e.g. {@code acme-C-2026-000042}.
     */
    Mono<String> nextReference(String tenantId, Instant now);

    /** Re-arms the timer of a stored case at its earliest running deadline, or clears it. */
    Mono<Void> rearm(String caseId);

    /** The staff queue's three ranked slices; a store sorts a missing deadline before any date, so "no running clock" is its own slice. */
    enum QueueSlice {
        /** A clock breached and unmet: oldest case first. */
        BREACHED,
        /** A running clock: nearest deadline first. */
        RUNNING,
        /** No running clock: oldest case first. */
        IDLE
    }
}
