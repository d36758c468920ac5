package app.thaw.monitor.baseline;

import reactor.core.publisher.Mono;

/**
 * Each subject's stored baseline, read and written by tenant and subject (another tenant's subject
 * has none). A write succeeds only if nobody wrote the baseline since it was loaded.
 */
public interface Baselines {

    /** The subject's baseline, or an empty one (version 0) when it has none yet. */
    Mono<Baseline> load(String tenantId, String subjectId);

    /** Stores the baseline if nobody wrote it since it was loaded; an {@code OptimisticLockingFailureException} otherwise. */
    Mono<Void> save(String tenantId, String subjectId, Baseline baseline);

    /** Forgets an erased subject's baseline. */
    Mono<Void> erase(String tenantId, String subjectId);
}
