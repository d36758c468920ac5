package app.thaw.platform.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Claims documents of one collection by lease (the outbox relay's entries, due timers), shaped for
 * a store without secondary indexes: the embedded store scans the whole collection for any query
 * not by {@code _id}, so a batch costs one scan for up to {@code limit} candidates, then one
 * conditional write per candidate by {@code _id} that checks again that it is still due and its
 * lease has lapsed. Whoever writes first holds it; a holder that dies lets its lease lapse.
 * A holder records an outcome only through {@link #held}, so one whose claim was taken away
 * (a lapsed lease, a reschedule) writes nothing.
 */
public final class LeaseClaims {

    public static final String CLAIM = "claim";
    public static final String LEASE_UNTIL = "leaseUntil";

    /** One pass: how many candidates the scan found (a full batch means there may be more), and those claimed. */
    public record Batch(int candidates, List<Document> claimed) {}

    private final ReactiveMongoTemplate mongo;
    private final String collection;
    private final String holder;

    public LeaseClaims(ReactiveMongoTemplate mongo, String collection, String holder) {
        this.mongo = mongo;
        this.collection = collection;
        this.holder = holder;
    }

    /** Up to {@code limit} documents matching {@code due} whose lease lapses by {@code leaseLapsedBy}, in {@code order}: one scan. */
    public Flux<Document> candidates(Criteria due, Instant leaseLapsedBy, Sort order, int limit) {
        return mongo.find(
                Query.query(new Criteria()
                                .andOperator(due, Criteria.where(LEASE_UNTIL).lte(Date.from(leaseLapsedBy))))
                        .with(order)
                        .limit(limit),
                Document.class,
                collection);
    }

    /** Claims {@code id} if it still matches {@code due} and its lease has lapsed at {@code now}: the claimed document, or empty. */
    public Mono<Document> claim(Object id, Criteria due, Instant now, Duration lease) {
        // _id at the top level: the embedded store then looks the document up instead of scanning.
        Query free = Query.query(Criteria.where("_id")
                .is(id)
                .and(LEASE_UNTIL)
                .lte(Date.from(now))
                .andOperator(due));
        return mongo.findAndModify(
                free,
                new Update().set(CLAIM, holder + ":" + UUID.randomUUID()).set(LEASE_UNTIL, Date.from(now.plus(lease))),
                FindAndModifyOptions.options().returnNew(true),
                Document.class,
                collection);
    }

    /** One scan for up to {@code limit} due documents, then a claim of each, {@code concurrency} at a time; the claimed come in the scan's order. */
    public Mono<Batch> claimBatch(Criteria due, Sort order, int limit, Instant now, Duration lease, int concurrency) {
        return candidates(due, now, order, limit)
                .map(candidate -> candidate.get("_id"))
                .collectList()
                .flatMap(ids -> Flux.fromIterable(ids)
                        .flatMapSequential(id -> claim(id, due, now, lease), concurrency)
                        .collectList()
                        .map(claimed -> new Batch(ids.size(), claimed)));
    }

    /** Matches the claimed document only while this claim still holds it. */
    public static Query held(Document claimed) {
        return Query.query(
                Criteria.where("_id").is(claimed.get("_id")).and(CLAIM).is(claimed.getString(CLAIM)));
    }
}
