package app.thaw.cases.staff;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * A read of Keycloak kept for {@code ttl} (ADR 72): one read at a time however many pages ask; when it
 * fails the last answer stays in use ({@code empty} before the first) and the read is tried again after a
 * minute, so a page never waits on Keycloak for more than one failed call.
 */
final class KeptRead<T> {

    private static final Logger log = LoggerFactory.getLogger(KeptRead.class);

    private final String what;
    private final Supplier<Mono<T>> source;
    private final Duration ttl;
    private final Clock clock;
    private volatile T known;
    private volatile Instant readAt = Instant.MIN;
    private volatile @Nullable Mono<T> reading;

    KeptRead(String what, Supplier<Mono<T>> source, T empty, Duration ttl, Clock clock) {
        this.what = what;
        this.source = source;
        this.known = empty;
        this.ttl = ttl;
        this.clock = clock;
    }

    Mono<T> get() {
        if (clock.instant().isBefore(readAt.plus(ttl))) {
            return Mono.just(known);
        }
        Mono<T> current = reading;
        if (current == null) {
            current = source.get()
                    .timeout(Duration.ofSeconds(5))
                    // The read is forgotten before its answer is passed on (not in doFinally, which runs after the
                    // caller already has the answer): a caller who asks again once it is stale must start a new read.
                    .doOnNext(found -> {
                        known = found;
                        readAt = clock.instant();
                        reading = null;
                    })
                    .onErrorResume(e -> {
                        log.warn("{} not read from Keycloak ({}); using the last one read", what, e.toString());
                        // Try again in a minute rather than at every page.
                        readAt = clock.instant().minus(ttl).plus(Duration.ofMinutes(1));
                        reading = null;
                        return Mono.just(known);
                    })
                    .doFinally(signal -> reading = null)
                    .cache();
            reading = current;
        }
        return current;
    }
}
