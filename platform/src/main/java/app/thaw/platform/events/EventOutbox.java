package app.thaw.platform.events;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The transactional outbox without transactions. A state change records the events it causes on
 * the changed document itself ({@link #record}), in the same single-document write, so the change
 * and its events are stored together or not at all. {@link #release} then copies them into the
 * {@code outbox} collection, one entry per subscriber with a deterministic id (so a repeated
 * release inserts nothing twice while the first waits), and only afterwards removes them from the document. A crash
 * between the two steps leaves the events on the document, where {@link #sweep} finds them.
 * An entry leaves the outbox once delivered, so a release after that sends the event again (at least once).
 * See docs/adr/0006-outbox-and-timers.md and 0093.
 */
public class EventOutbox {

    public static final String OUTBOX = "outbox";
    private final reactor.core.publisher.Sinks.Many<Object> released =
            reactor.core.publisher.Sinks.many().multicast().directBestEffort();
    public static final String PENDING_EVENTS = "pendingEvents";

    static final String PENDING = "PENDING";
    /** Only in entries an earlier version kept after delivery; the sweep removes them (ADR 93). */
    static final String DELIVERED = "DELIVERED";

    static final String DEAD = "DEAD";

    private final ReactiveMongoTemplate mongo;
    private final EventsProperties properties;
    private final Clock clock;
    private final Set<String> watchedCollections = new CopyOnWriteArraySet<>();

    public EventOutbox(ReactiveMongoTemplate mongo, EventsProperties properties, Clock clock) {
        this.mongo = mongo;
        this.properties = properties;
        this.clock = clock;
    }

    /** Adds the events to an update of the document whose change causes them: one atomic write. */
    public static Update record(Update change, List<ThawEvent> events) {
        return change.push(PENDING_EVENTS)
                .each(events.stream().map(ThawEvent::toDocument).toArray());
    }

    /** The {@code pendingEvents} member for a document inserted together with its first events. */
    public static List<Document> pending(List<ThawEvent> events) {
        return events.stream().map(ThawEvent::toDocument).toList();
    }

    /** Declares a collection whose documents carry pending events, so {@link #sweep} looks there. */
    public Mono<Void> watch(String collection) {
        watchedCollections.add(collection);
        return mongo.indexOps(collection)
                .createIndex(new Index()
                        .on(PENDING_EVENTS + ".id", Sort.Direction.ASC)
                        .sparse())
                .then();
    }

    /**
     * Moves the pending events of one document into the outbox. Call it right after the write
     * that recorded them; it is safe to call again at any time.
     *
     * @return how many outbox entries were created
     */
    public Mono<Integer> release(String collection, Object documentId) {
        Query byId = Query.query(Criteria.where("_id").is(documentId));
        byId.fields().include(PENDING_EVENTS);
        return mongo.findOne(byId, Document.class, collection)
                .flatMap(document -> {
                    List<Document> pending = document.getList(PENDING_EVENTS, Document.class, List.of());
                    if (pending.isEmpty()) {
                        return Mono.just(0);
                    }
                    List<String> ids =
                            pending.stream().map(event -> event.getString("id")).toList();
                    return Flux.fromIterable(pending)
                            .concatMap(event -> enqueue(ThawEvent.fromDocument(event)))
                            .reduce(0, Integer::sum)
                            .flatMap(created -> mongo.updateFirst(
                                            Query.query(Criteria.where("_id").is(documentId)),
                                            new Update()
                                                    .pull(PENDING_EVENTS, new Document("id", new Document("$in", ids))),
                                            collection)
                                    .thenReturn(created));
                })
                .defaultIfEmpty(0);
    }

    /** Publishes an event that belongs to no stored document (e.g. a timer's firing), straight into the outbox. */
    public Mono<Integer> publish(ThawEvent event) {
        return enqueue(event);
    }

    private Mono<Integer> enqueue(ThawEvent event) {
        Date now = Date.from(clock.instant());
        List<Document> entries = new ArrayList<>();
        for (EventsProperties.Subscription subscription : properties.subscriptions()) {
            if (subscription.wants(event.type())) {
                entries.add(new Document("_id", event.id() + "|" + subscription.name())
                        .append("eventId", event.id())
                        .append("subscriber", subscription.name())
                        .append(
                                "url",
                                subscription.url() == null
                                        ? null
                                        : subscription.url().toString())
                        .append("event", event.toDocument())
                        .append("status", PENDING)
                        .append("attempts", 0)
                        .append("createdAt", now)
                        .append("nextAttemptAt", now)
                        .append("leaseUntil", new Date(0)));
            }
        }
        return Flux.fromIterable(entries)
                .concatMap(entry -> mongo.insert(entry, OUTBOX)
                        .thenReturn(1)
                        // Released before, by this or another instance: the entry is already there.
                        .onErrorResume(DuplicateKeyException.class, duplicate -> Mono.just(0)))
                .reduce(0, Integer::sum)
                .doOnNext(created -> {
                    if (created > 0) {
                        wakeRelay();
                    }
                });
    }

    /**
     * Emits once new entries are in the outbox, so this instance's relay delivers them now rather than at its next
     * poll (the poll stays for retries, other instances' entries and what a crash left). A signal lost to a
     * concurrent one costs nothing: that one's pass claims every due entry.
     */
    Flux<Object> released() {
        return released.asFlux();
    }

    private void wakeRelay() {
        released.tryEmitNext(Boolean.TRUE);
    }

    /**
     * Releases what a crash left on documents, and removes the delivered entries an earlier version kept for a day
     * (the relay now removes an entry once delivered, ADR 93).
     */
    public Mono<Integer> sweep() {
        Mono<Long> forgotten = mongo.remove(Query.query(Criteria.where("status").is(DELIVERED)), OUTBOX)
                .map(result -> result.getDeletedCount());
        return Flux.fromIterable(watchedCollections)
                .concatMap(collection -> {
                    Query stranded = Query.query(
                                    Criteria.where(PENDING_EVENTS + ".0").exists(true))
                            .limit(100);
                    stranded.fields().include("_id");
                    return mongo.find(stranded, Document.class, collection)
                            .concatMap(document -> release(collection, document.get("_id")));
                })
                .reduce(0, Integer::sum)
                .flatMap(released -> forgotten.thenReturn(released));
    }

    Mono<Void> createIndexes() {
        return mongo.indexOps(OUTBOX)
                .createIndex(new Index().on("status", Sort.Direction.ASC).on("nextAttemptAt", Sort.Direction.ASC))
                .then(mongo.indexOps(OUTBOX)
                        .createIndex(new Index().on("claim", Sort.Direction.ASC).sparse()))
                .then();
    }
}
