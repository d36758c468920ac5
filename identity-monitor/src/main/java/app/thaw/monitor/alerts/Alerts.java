package app.thaw.monitor.alerts;

import java.util.List;

import app.thaw.monitor.detection.Severity;
import app.thaw.platform.events.ThawEvent;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The stored alerts. An alert may hold a unique {@code openKey} (one open identity-misuse alert per
 * subject, one sanctions alert per subject and entry); a write can carry the events it announces,
 * stored in the same write and released to the outbox after it. Every read by id names the tenant.
 */
public interface Alerts {

    /** The alert holding {@code openKey} in the tenant, if any. */
    Mono<Alert> holding(String tenantId, String openKey);

    /** Inserts a new alert holding {@code openKey}; a {@code DuplicateKeyException} when another holds it. */
    Mono<Void> insert(Alert alert, String openKey, List<ThawEvent> events);

    /**
     * Writes the alert if its version is still the one read, else an {@code OptimisticLockingFailureException}
     * (404 {@code not_found} when the tenant has no such alert);
     * {@code newOpenKey} only when the key changes (closing it).
     */
    Mono<Void> save(Alert alert, @Nullable String newOpenKey, List<ThawEvent> events);

    /** Gives up the open key of an alert whose window passed, if still at {@code version}. */
    Mono<Void> letGo(String tenantId, String id, long version, String closedKey);

    /** Moves the events a write recorded on the alert to the outbox. */
    Mono<Void> release(String id);

    Mono<Alert> find(String tenantId, String id);

    /** The tenant's alerts, newest first, after {@code cursor}, optionally filtered. */
    Flux<Alert> list(
            String tenantId,
            @Nullable AlertState state,
            @Nullable Severity severity,
            @Nullable AlertKind kind,
            @Nullable String subjectId,
            @Nullable String cursor,
            int limit);

    /** The tenants with alerts in one of {@code states}. */
    Flux<String> tenantsWith(List<AlertState> states);

    /** Relabels every alert of a subject (an erased subject's alerts stay, without its label). */
    Mono<Void> relabel(String tenantId, String subjectId, String label);
}
