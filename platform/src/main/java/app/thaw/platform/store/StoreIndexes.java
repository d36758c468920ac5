package app.thaw.platform.store;

import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import reactor.core.publisher.Flux;
import reactor.util.retry.Retry;
import reactor.util.retry.RetryBackoffSpec;

/**
 * Makes every {@link IndexedStore}'s indexes once all beans exist and before the web server starts
 * (singletons are initialised before lifecycle beans such as the server start), waiting for them:
 * a unique index that is not there yet would let the first requests write duplicates. A store that
 * is still starting is retried with backoff; a store that cannot make its indexes within
 * {@link #WITHIN} stops the start with the cause, rather than serving without them.
 *
 * <p>Blocking is right here: this runs once on the start-up thread, never on an event loop.
 */
public final class StoreIndexes implements SmartInitializingSingleton {

    /** How long all stores together may take, the store's own start included. */
    static final Duration WITHIN = Duration.ofMinutes(2);

    private static final Logger log = LoggerFactory.getLogger(StoreIndexes.class);

    private final ObjectProvider<IndexedStore> stores;
    private final RetryBackoffSpec retry;
    private final Duration within;

    public StoreIndexes(ObjectProvider<IndexedStore> stores) {
        this(stores, Retry.backoff(8, Duration.ofMillis(250)).maxBackoff(Duration.ofSeconds(10)), WITHIN);
    }

    StoreIndexes(ObjectProvider<IndexedStore> stores, RetryBackoffSpec retry, Duration within) {
        this.stores = stores;
        this.retry = retry;
        this.within = within;
    }

    @Override
    public void afterSingletonsInstantiated() {
        List<IndexedStore> all = stores.orderedStream().toList();
        long started = System.nanoTime();
        Flux.fromIterable(all)
                .concatMap(store -> store.createIndexes()
                        .retryWhen(retry.doBeforeRetry(signal -> log.info(
                                "Indexes of {} not made yet ({}); trying again",
                                store.getClass().getSimpleName(),
                                signal.failure().toString())))
                        .onErrorMap(failure -> new IllegalStateException(
                                "The indexes of " + store.getClass().getSimpleName()
                                        + " could not be made: "
                                        + reactor.core.Exceptions.unwrap(
                                                failure.getCause() == null ? failure : failure.getCause()),
                                failure)))
                .then()
                .block(within);
        log.debug("Indexes of {} stores made in {} ms", all.size(), (System.nanoTime() - started) / 1_000_000);
    }
}
