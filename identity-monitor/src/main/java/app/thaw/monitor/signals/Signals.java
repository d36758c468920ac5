package app.thaw.monitor.signals;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The stored signals of each tenant. Every read names the tenant, so another tenant's signal is
 * never found. Stored with the keyed hashes of the identifiers they named, never the identifiers.
 */
public interface Signals {

    /**
     * Stores fresh signals in one unordered write; a signal whose source id the tenant already sent
     * (a concurrent delivery, a repeat) loses to the unique index.
     *
     * @return the positions in {@code fresh} that were such repeats (nothing of them was stored)
     */
    Mono<Set<Integer>> insertAll(String tenantId, List<Fresh> fresh, Instant receivedAt);

    /** The tenant's stored signals with these source ids. */
    Flux<Received> bySourceIds(String tenantId, List<String> sourceSignalIds);

    /** Marks the tenant's signals as seen by every matched subject. */
    Mono<Void> markProcessed(String tenantId, List<String> ids);

    /** A tenant's signals matched to one subject, newest first, after {@code cursor} (a signal id). */
    Flux<Received> forSubject(String tenantId, String subjectId, @Nullable String cursor, int limit);

    /** When the tenant's signals received since {@code since} arrived, newest first, at most {@code max}. */
    Flux<Instant> receivedSince(String tenantId, Instant since, int max);

    /** Forgets the signals matched to an erased subject. */
    Mono<Void> eraseSubject(String tenantId, String subjectId);

    /**
     * A signal to store.
     *
     * @param hashes     keyed hashes of the identifiers it named
     * @param subjectIds the subjects they matched
     */
    record Fresh(Signal signal, List<String> hashes, List<String> subjectIds) {}

    /**
     * A stored signal.
     *
     * @param processed whether every matched subject has seen it (a repeat of an unprocessed one finishes the job)
     */
    record Received(Signal signal, Instant receivedAt, List<String> subjectIds, boolean processed) {}
}
