package app.thaw.platform.events;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.function.Supplier;

import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The consumer's memory of events: one document per event id (the id is the document's
 * {@code _id}, so the store's unique index decides who handles it). An event is claimed with a
 * lease, handled, and marked done; a duplicate of a done event is acknowledged without running
 * anything; a claim whose handler crashed lapses after {@code inboxLease} and the next delivery
 * runs the (idempotent) handlers again.
 */
public class EventInbox {

    public static final String PROCESSED_EVENTS = "processed_events";

    /** What became of a received event. */
    public enum Outcome {
        PROCESSED,
        DUPLICATE,
        IN_PROGRESS
    }

    private final ReactiveMongoTemplate mongo;
    private final Supplier<List<EventHandler>> handlerLookup;
    private volatile @Nullable List<EventHandler> handlers;
    private final Duration lease;
    private final Clock clock;

    public EventInbox(ReactiveMongoTemplate mongo, List<EventHandler> handlers, Duration lease, Clock clock) {
        this(mongo, () -> handlers, lease, clock);
    }

    /** Looks the handlers up when the first event arrives (they may depend on what depends on the outbox). */
    public EventInbox(ReactiveMongoTemplate mongo, Supplier<List<EventHandler>> handlers, Duration lease, Clock clock) {
        this.mongo = mongo;
        this.handlerLookup = handlers;
        this.lease = lease;
        this.clock = clock;
    }

    public Mono<Outcome> receive(ThawEvent event) {
        return claim(event)
                .flatMap(claimed -> claimed
                        ? runHandlers(event).thenReturn(Outcome.PROCESSED)
                        : mongo.findById(event.id(), Document.class, PROCESSED_EVENTS)
                                .map(existing -> "DONE".equals(existing.getString("state"))
                                        ? Outcome.DUPLICATE
                                        : Outcome.IN_PROGRESS)
                                .defaultIfEmpty(Outcome.IN_PROGRESS));
    }

    private List<EventHandler> handlers() {
        List<EventHandler> known = handlers;
        if (known == null) {
            known = List.copyOf(handlerLookup.get());
            handlers = known;
        }
        return known;
    }

    private Mono<Boolean> claim(ThawEvent event) {
        Date now = Date.from(clock.instant());
        Date until = Date.from(clock.instant().plus(lease));
        Document record = new Document("_id", event.id())
                .append("type", event.type())
                .append("tenantId", event.tenantId())
                .append("state", "PROCESSING")
                .append("leaseUntil", until)
                .append("receivedAt", now);
        return mongo.insert(record, PROCESSED_EVENTS)
                .thenReturn(true)
                .onErrorResume(
                        DuplicateKeyException.class,
                        seen -> mongo.findAndModify(
                                        // A claim whose handler crashed has lapsed: take it over.
                                        Query.query(Criteria.where("_id")
                                                .is(event.id())
                                                .and("state")
                                                .is("PROCESSING")
                                                .and("leaseUntil")
                                                .lt(now)),
                                        new Update().set("leaseUntil", until),
                                        FindAndModifyOptions.options().returnNew(true),
                                        Document.class,
                                        PROCESSED_EVENTS)
                                .map(taken -> true)
                                .defaultIfEmpty(false));
    }

    private Mono<Void> runHandlers(ThawEvent event) {
        return Flux.defer(() -> Flux.fromIterable(handlers()))
                .filter(handler -> handler.handles(event.type()))
                .concatMap(handler -> handler.handle(event))
                // Deferred: doneAt is when the handlers finished, not when this chain was put together (before them).
                .then(Mono.defer(() -> mongo.updateFirst(
                        Query.query(Criteria.where("_id").is(event.id())),
                        new Update()
                                .set("state", "DONE")
                                .set("doneAt", Date.from(clock.instant()))
                                .unset("leaseUntil"),
                        PROCESSED_EVENTS)))
                .then()
                // Let the next delivery try again at once rather than after the lease.
                .onErrorResume(failure -> mongo.updateFirst(
                                Query.query(Criteria.where("_id").is(event.id())),
                                new Update().set("leaseUntil", new Date(0)),
                                PROCESSED_EVENTS)
                        .then(Mono.error(failure)));
    }
}
