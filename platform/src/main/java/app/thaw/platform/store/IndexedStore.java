package app.thaw.platform.store;

import reactor.core.publisher.Mono;

/**
 * A store that needs indexes. Declare it as a bean and say which indexes in {@link #createIndexes()}:
 * {@link StoreIndexes} makes every store's indexes before the service starts serving, so no store
 * creates them itself (no fire-and-forget {@code subscribe()} in a constructor, no start-up class
 * that knows every store). What its stored documents need before it serves belongs here too (such as
 * {@link VersionedWrites#nameTheTenantOfTenantKeyed}): it runs at every start, before the first request.
 */
public interface IndexedStore {

    /** Creates this store's indexes; creating an index that exists is a no-op, so this runs at every start. */
    Mono<Void> createIndexes();
}
