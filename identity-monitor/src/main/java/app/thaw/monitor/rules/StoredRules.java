package app.thaw.monitor.rules;

import java.time.Instant;

import app.thaw.monitor.detection.Severity;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The stored rules of each tenant. Every read by id names the tenant, so another tenant's rule is not found. */
public interface StoredRules {

    /** The tenant's enabled rules. */
    Flux<Rule> enabled(String tenantId);

    /** The tenant's rules in id order, at most {@code limit}. */
    Flux<Rule> list(String tenantId, int limit);

    Mono<Rule> find(String tenantId, String id);

    Mono<Long> count(String tenantId);

    Mono<Void> insert(String tenantId, Rule rule);

    /**
     * Replaces the rule if {@code version} is current: 404 {@code not_found} when the tenant has no such
     * rule, an {@code OptimisticLockingFailureException} (409) when it moved on.
     */
    Mono<Rule> replace(
            String tenantId,
            String id,
            long version,
            String name,
            String expression,
            Severity severity,
            boolean enabled,
            Instant at);

    /** Deletes the tenant's rule; false when it has none with this id. */
    Mono<Boolean> delete(String tenantId, String id);
}
