package app.thaw.platform.idempotency;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

/**
 * Ties a keyed request's effect to its {@code Idempotency-Key}, so that the effect itself says the
 * request was done (ADR 54). A handler that creates a document gives it {@link #id(String)} as its
 * id: the same on every run of the same request (same tenant, principal and key), so a second run
 * (after its instance died before the key was completed) meets the first document under the store's
 * unique {@code _id} and answers from it instead of creating another.
 */
public final class IdempotentEffects {

    /** The Reactor context entry under which {@link IdempotencyKeyFilter} puts the request's key. */
    static final Class<IdempotencyRecord.Scope> CONTEXT_KEY = IdempotencyRecord.Scope.class;

    private IdempotentEffects() {
    }

    /**
     * A UUID naming the effect of {@code kind} (say {@code "case"}) of the current request, when it
     * carries an {@code Idempotency-Key}; empty for a request without one.
     */
    public static Mono<Optional<String>> id(String kind) {
        return Mono.deferContextual(context -> Mono.just(id(kind, context)));
    }

    static Optional<String> id(String kind, ContextView context) {
        return context.<IdempotencyRecord.Scope>getOrEmpty(CONTEXT_KEY)
                .map(scope -> UUID.nameUUIDFromBytes((kind + '\u0000' + scope.effectSeed()).getBytes(StandardCharsets.UTF_8))
                        .toString());
    }
}
