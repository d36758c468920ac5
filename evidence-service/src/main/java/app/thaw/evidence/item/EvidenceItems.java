package app.thaw.evidence.item;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import app.thaw.evidence.casefile.CaseId;
import app.thaw.evidence.casefile.TenantScope;
import app.thaw.platform.events.ThawEvent;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The evidence items, each with the events its change causes written in the same write (the
 * platform's outbox). Every read by id names the tenant (or the tenants a caller reaches): another
 * tenant's item is simply not found. Every change names the version it read.
 */
public interface EvidenceItems {

    /** The collection (named for tests and operators). */
    String COLLECTION = "evidence";

    /**
     * Stores a new item with its events, marked custody-pending: its custody entry follows in a
     * write of its own, and an instance dying in between leaves the mark for the repair to find (ADR 57).
     * A duplicate of live content in the same case fails with DuplicateKeyException.
     */
    Mono<EvidenceItem> insert(EvidenceItem item, List<ThawEvent> events);

    /** The item, when it is {@code tenantId}'s. */
    default Mono<EvidenceItem> find(String tenantId, EvidenceId id) {
        return find(TenantScope.of(tenantId), id);
    }

    /** The item, when its tenant is in {@code scope}. */
    Mono<EvidenceItem> find(TenantScope scope, EvidenceId id);

    /** The live item with this content in the case, if any. */
    Mono<EvidenceItem> findByContent(String tenantId, CaseId caseId, String sha256);

    /** A page of a case's items by id order, after {@code after} (a cursor: the last id of the previous page). */
    Flux<EvidenceItem> page(String tenantId, CaseId caseId, @Nullable String after, int limit);

    /** Every item of a case, in pages, so the store never materialises the whole case at once. */
    Flux<EvidenceItem> all(String tenantId, CaseId caseId);

    /**
     * Writes the item's new state if nobody changed it since {@code item.version() - 1}, with its
     * events in the same write; 409 version_conflict otherwise.
     */
    Mono<EvidenceItem> update(EvidenceItem item, List<ThawEvent> events);

    /**
     * Items of every tenant awaiting a verdict, oldest upload first, for staff's review queue: a
     * page after skipping {@code skip}, narrowed to one case, one requirement or the expiry flag,
     * leaving out the cases in {@code excludedCaseIds}.
     */
    Flux<EvidenceItem> awaitingVerdict(
            Collection<String> excludedCaseIds,
            @Nullable CaseId caseId,
            @Nullable RequirementCode requirement,
            @Nullable Boolean expired,
            long skip,
            int limit);

    /** A live item whose retention ran out by {@code now} and that no instance holds, claimed until {@code leaseUntil}. */
    Mono<EvidenceItem> claimExpired(Instant now, Instant leaseUntil);

    /** The item's UPLOADED custody entry is in the chain: the mark goes. */
    Mono<Void> custodyRecorded(String tenantId, EvidenceId id);

    /**
     * Items still marked custody-pending that were uploaded before {@code before} (younger ones may
     * still be on their way to the log): of one case ({@code tenantId} and {@code caseId}), or of
     * every case when both are null.
     */
    Flux<EvidenceItem> custodyPending(@Nullable String tenantId, @Nullable CaseId caseId, Instant before, int limit);

    /** Whether the item is still marked custody-pending. */
    Mono<Boolean> isCustodyPending(String tenantId, EvidenceId id);
}
