package app.thaw.notifications.recipients;

import java.util.List;
import java.util.function.Function;

import app.thaw.platform.store.CursorPage;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A tenant's recipients: registered, changed at the version read, listed by page, and found for
 * dispatch. Another tenant's recipient is not found (404).
 */
public interface RecipientService {

    /** How many recipients of one audience a single event reaches at most; more is a misconfiguration, not a mailing list. */
    int MAX_PER_AUDIENCE = 200;

    /**
     * Registers a recipient of {@code tenantId}, once per {@code Idempotency-Key} (ADR 56): its id
     * derives from the key, so a run repeated after a crash finds the recipient the first run made.
     */
    Mono<Recipient> register(String tenantId, Function<RecipientId, Recipient> recipient);

    Mono<Recipient> get(String tenantId, RecipientId id);

    Mono<CursorPage<Recipient>> list(String tenantId, CursorPage.Request page);

    /** Replaces the recipient's details if it is still at {@code expectedVersion}. */
    Mono<Recipient> update(Recipient changed, long expectedVersion);

    Mono<Void> remove(String tenantId, RecipientId id);

    /** The tenant's recipients of one kind, bounded, for dispatch. */
    Flux<Recipient> ofKind(String tenantId, RecipientKind kind);

    /** Recipients by id within the tenant (missing ones are skipped). */
    Flux<Recipient> byIds(String tenantId, List<String> ids);
}
