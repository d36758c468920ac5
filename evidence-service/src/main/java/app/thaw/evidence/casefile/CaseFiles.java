package app.thaw.evidence.casefile;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import app.thaw.platform.events.ThawEvent;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The case files, one per case, learnt from case-service's events. Every read by id names the
 * tenant (or the tenants a caller reaches): another tenant's case is simply not found. Writes name
 * the version they read.
 */
public interface CaseFiles {

    /** The collection (named for tests and operators). */
    String COLLECTION = "case_files";

    /** The case, when it is {@code tenantId}'s. */
    default Mono<CaseFile> find(String tenantId, CaseId caseId) {
        return find(TenantScope.of(tenantId), caseId);
    }

    /** The case, when its tenant is in {@code scope}. */
    Mono<CaseFile> find(TenantScope scope, CaseId caseId);

    /** The case, when {@code insurerTenantId} holds an active consent to it: the consent is the insurer's reach. */
    Mono<CaseFile> findConsentedTo(String insurerTenantId, CaseId caseId);

    /** The ids of every known case in one of {@code scenarios}. */
    Flux<String> caseIdsIn(Collection<String> scenarios);

    /** Records a case first seen; false when its id was already known (a repeated or racing event, or another tenant's). */
    Mono<Boolean> insertIfAbsent(CaseFile file);

    /**
     * Sets the scenario a case event names unless a newer case event already did: {@code sequence}
     * is the event's place among the case's events, so a late {@code opened} cannot undo a
     * {@code triaged}. One conditional write: no read, so no version conflict with other changes.
     */
    Mono<Void> applyScenario(CaseId caseId, String tenantId, String scenario, @Nullable Long sequence);

    /** Writes the new state if the stored version is the one before it, with its events; 409 otherwise. */
    default Mono<CaseFile> update(CaseFile file, List<ThawEvent> events) {
        return update(file, events, null);
    }

    /**
     * As {@link #update(CaseFile, List)}, recording in the same write the custody entry the change
     * owes ({@link CaseCustody}, ADR 52): a crash before the entry is appended leaves the debt for the repair.
     */
    Mono<CaseFile> update(CaseFile file, List<ThawEvent> events, CaseCustody.@Nullable Owed owed);

    /**
     * Case files owing custody entries recorded before {@code before}: of one case ({@code tenantId}
     * and {@code caseId}), or of every case when both are null; at most {@code limit}.
     */
    Flux<Owing> owing(@Nullable String tenantId, @Nullable CaseId caseId, Instant before, int limit);

    /** The owed entry is in the chain: the debt goes. */
    Mono<Void> settle(String tenantId, CaseId caseId, CaseCustody.Owed owed);

    /** A case file's custody debts. */
    record Owing(String tenantId, CaseId caseId, List<CaseCustody.Owed> owed) {

        public Owing {
            owed = List.copyOf(owed);
        }
    }
}
