package app.thaw.platform.idempotency;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import org.springframework.dao.DuplicateKeyException;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

/**
 * Ties a keyed request's effect to its {@code Idempotency-Key}, so that the effect itself says the
 * request was done (ADR 54, ADR 56). A handler that creates something (a document, or an entry in
 * one, like a contact in a case) names it after the key: the same name on every run of the same
 * request (same tenant, principal and key), so a second run — after its instance died before the key
 * was completed — finds the first run's effect and answers from it instead of creating another.
 * {@link #once} is that whole step; every creating handler of every service goes through it.
 */
public final class IdempotentEffects {

    /** The Reactor context entry under which {@link IdempotencyKeyFilter} puts the request's key. */
    static final Class<Key> CONTEXT_KEY = Key.class;

    private IdempotentEffects() {}

    /**
     * The current request's key as an effect sees it.
     *
     * @param seed           tenant, principal and key: whose key it is
     * @param firstClaimedAt when the key was first claimed; the same on a run repeated after a crash,
     *                       so ids that carry a time (time-ordered ids) come out the same too
     */
    public record Key(String seed, Instant firstClaimedAt) {

        /** A UUID naming the effect of {@code kind} under this key. */
        public UUID uuid(String kind) {
            return UUID.nameUUIDFromBytes((kind + '\u0000' + seed).getBytes(StandardCharsets.UTF_8));
        }

        /**
         * Twelve bytes, time first (seconds of {@link #firstClaimedAt}, big-endian), then eight bytes
         * of {@link #uuid}: the shape of a BSON ObjectId, for services whose ids are time-ordered.
         */
        public byte[] timeOrderedBytes(String kind) {
            UUID uuid = uuid(kind);
            return ByteBuffer.allocate(12)
                    .putInt((int) firstClaimedAt.getEpochSecond())
                    .putLong(uuid.getMostSignificantBits() ^ uuid.getLeastSignificantBits())
                    .array();
        }
    }

    /**
     * A UUID naming the effect of {@code kind} (say {@code "case"}) of the current request, when it
     * carries an {@code Idempotency-Key}; empty for a request without one.
     */
    public static Mono<Optional<String>> id(String kind) {
        return key().map(key -> key.map(found -> found.uuid(kind).toString()));
    }

    /** The current request's key, or empty for a request without one. */
    public static Mono<Optional<Key>> key() {
        return Mono.deferContextual(context -> Mono.just(key(context)));
    }

    static Optional<Key> key(ContextView context) {
        return context.getOrEmpty(CONTEXT_KEY);
    }

    /**
     * Creates the effect of {@code kind} once per key. Without a key: {@code create} under a fresh id.
     * With one: the id is {@code keyedId} of the key; {@code existing} looks for an effect already made
     * under it (empty when none), and only when there is none does {@code create} run under it. A
     * create that meets a concurrent twin (the store's unique id refuses it) answers the twin.
     *
     * @param kind     what the effect is ({@code "contact"}); keeps two kinds under one key apart
     * @param freshId  the id of an effect of a request without a key
     * @param keyedId  the id of the effect under a key (say a prefix and {@link Key#uuid})
     * @param existing the effect already made under an id, or empty
     * @param create   makes the effect under an id
     */
    public static <T> Mono<T> once(
            String kind,
            Supplier<String> freshId,
            Function<Key, String> keyedId,
            Function<String, Mono<T>> existing,
            Function<String, Mono<T>> create) {
        return key().flatMap(key -> {
            if (key.isEmpty()) {
                return Mono.defer(() -> create.apply(freshId.get()));
            }
            String id = keyedId.apply(key.get());
            return existing.apply(id)
                    .switchIfEmpty(Mono.defer(() -> create.apply(id)))
                    .onErrorResume(
                            DuplicateKeyException.class,
                            twin -> existing.apply(id).switchIfEmpty(Mono.error(twin)));
        });
    }

    /** {@link #once} whose keyed id is the plain {@link Key#uuid} of {@code kind}. */
    public static <T> Mono<T> once(
            String kind,
            Supplier<String> freshId,
            Function<String, Mono<T>> existing,
            Function<String, Mono<T>> create) {
        return once(kind, freshId, key -> key.uuid(kind).toString(), existing, create);
    }
}
