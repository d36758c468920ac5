package app.thaw.monitor.subjects;

import java.util.List;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The stored subjects. Every read by id names the tenant, so another tenant's subject is simply not found. */
public interface Subjects {

    Mono<Subject> insert(Subject subject);

    /** The tenant's subject with this id; empty when the tenant has none (also when another tenant has it). */
    Mono<Subject> find(String tenantId, String id);

    /** The tenant's subjects with any of these identifier hashes, at most {@code limit}. */
    Flux<Subject> byHashes(String tenantId, List<String> hashes, int limit);

    /** A tenant's subjects in id order after {@code cursor}. */
    Flux<Subject> page(String tenantId, @Nullable String cursor, int limit);

    /** Every subject of every tenant in id order after {@code cursor}: for re-screening when a list changes. */
    Flux<Subject> allAfter(@Nullable String cursor, int limit);

    /**
     * Sets or lifts the hold if {@code version} is current: 404 {@code not_found} when the tenant has no
     * such subject, an {@code OptimisticLockingFailureException} (409) when it moved on.
     */
    Mono<Subject> setHold(String tenantId, String id, long version, boolean hold, @Nullable String reason);

    /** Deletes the subject unless it is under hold (one conditional write, so a hold placed meanwhile wins). */
    Mono<Boolean> deleteUnlessHeld(String tenantId, String id);
}
