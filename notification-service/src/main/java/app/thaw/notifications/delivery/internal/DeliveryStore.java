package app.thaw.notifications.delivery.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import app.thaw.notifications.delivery.Delivery;
import app.thaw.notifications.delivery.DeliveryAttempt;
import app.thaw.notifications.delivery.DeliveryStatus;
import app.thaw.notifications.delivery.SendOutcome;
import app.thaw.notifications.recipients.Channel;
import app.thaw.notifications.recipients.RecipientKind;
import app.thaw.platform.events.EventOutbox;
import app.thaw.platform.events.ThawEvent;
import app.thaw.platform.store.BulkUpdates;
import app.thaw.platform.store.CursorPage;
import app.thaw.platform.store.IndexedStore;
import app.thaw.platform.store.LeaseClaims;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The delivery log. {@code deliveries} holds one document per (event, recipient, channel) under
 * that triple as its {@code _id}, so the store itself refuses a second one; an attempt is claimed
 * by moving the document to SENDING in one conditional write, so two instances never send it at
 * once. Each attempt is appended to the delivery's {@code attemptLog} in the same write as its
 * outcome (append-only; {@code delivery_attempts} holds the attempts of older deliveries). Every
 * write on the dispatch path is by {@code _id}: the embedded store scans a collection for any
 * other query. The claims of queued deliveries and the outcomes of attempts, many at once under
 * load, share round trips ({@link BulkUpdates}): each is still its own conditional write.
 */
@Component
public class DeliveryStore implements IndexedStore {

    public static final String DELIVERIES = "deliveries";
    public static final String ATTEMPTS = "delivery_attempts";
    static final String ATTEMPT_LOG = "attemptLog";
    /** The claim that moved a delivery to SENDING last: tells a claimer whether a shared write took it. */
    static final String CLAIMED_BY = "claimedBy";

    private static final List<String> ATTEMPTABLE =
            List.of(DeliveryStatus.PENDING.name(), DeliveryStatus.DEFERRED.name(), DeliveryStatus.RETRYING.name());

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;
    private final LeaseClaims leases;
    /** Claims and outcomes on their way to the store, written together (at most one dispatch's worth of attempts in one). */
    private final BulkUpdates writes;

    private final EventOutbox outbox;

    public DeliveryStore(ReactiveMongoTemplate mongo, Clock clock, EventOutbox outbox) {
        this.mongo = mongo;
        this.clock = clock;
        this.leases = new LeaseClaims(mongo, DELIVERIES, UUID.randomUUID().toString());
        this.writes = new BulkUpdates(mongo, DELIVERIES, 64);
        this.outbox = outbox;
    }

    /** The log's indexes, and the outbox told that deliveries carry pending events ({@code firstForCase} aside). */
    @Override
    public Mono<Void> createIndexes() {
        return mongo.indexOps(DELIVERIES)
                .createIndex(new Index().on("tenantId", Sort.Direction.ASC).on("_id", Sort.Direction.ASC))
                .then(mongo.indexOps(DELIVERIES)
                        .createIndex(
                                new Index().on("status", Sort.Direction.ASC).on("leaseUntil", Sort.Direction.ASC)))
                .then(mongo.indexOps(ATTEMPTS)
                        .createIndex(
                                new Index().on("tenantId", Sort.Direction.ASC).on("deliveryId", Sort.Direction.ASC)))
                .then(outbox.watch(DELIVERIES));
    }

    /**
     * Stores a new delivery (one write); empty if one with the same id exists and is past its
     * start (delivered, under way, retrying, failed). One still PENDING (its creator stopped before
     * attempting) or DEFERRED (its creator may have stopped before scheduling its timer) is
     * returned, to be started again.
     */
    public Mono<Document> create(Document delivery) {
        return mongo.insert(delivery, DELIVERIES)
                .onErrorResume(
                        DuplicateKeyException.class,
                        existing -> mongo.findById(delivery.get("_id"), Document.class, DELIVERIES)
                                .filter(found -> DeliveryStatus.PENDING.name().equals(found.getString("status"))
                                        || DeliveryStatus.DEFERRED.name().equals(found.getString("status"))));
    }

    /**
     * Stores the deliveries of one notification in one bulk insert; if any exists already (the same
     * event again), each is stored or found on its own, as {@link #create} does. Answers those to start.
     */
    public Flux<Document> createAll(List<Document> deliveries) {
        if (deliveries.size() < 2) {
            return Flux.fromIterable(deliveries).concatMap(this::create);
        }
        return mongo.insert(deliveries, DELIVERIES)
                .onErrorResume(
                        DuplicateKeyException.class,
                        again -> Flux.fromIterable(deliveries).concatMap(this::create));
    }

    /**
     * Deliveries left PENDING past their lease (their instance stopped before attempting them),
     * taken over with a new lease so one sweeping instance queues each: one scan of the deliveries.
     */
    public Flux<Document> stranded(Duration lease, int limit) {
        Instant now = clock.instant();
        return leases.claimBatch(
                        Criteria.where("status").is(DeliveryStatus.PENDING.name()),
                        Sort.by("createdAt"),
                        limit,
                        now,
                        lease,
                        8)
                .flatMapIterable(LeaseClaims.Batch::claimed);
    }

    /** Takes the tenant's delivery for one attempt if it is waiting for one; empty otherwise (another tenant's too). */
    public Mono<Document> claim(String tenantId, String id) {
        Instant now = clock.instant();
        return mongo.findAndModify(
                Query.query(Criteria.where("_id")
                        .is(id)
                        .and("tenantId")
                        .is(tenantId)
                        .and("status")
                        .in(ATTEMPTABLE)),
                new Update()
                        .set("status", DeliveryStatus.SENDING.name())
                        .set("claimedAt", Date.from(now))
                        .inc("attempts", 1)
                        .set("updatedAt", Date.from(now)),
                FindAndModifyOptions.options().returnNew(true),
                Document.class,
                DELIVERIES);
    }

    /**
     * Takes a delivery this instance holds in memory as stored (just stored by it, or just taken
     * over by its sweep) for its first attempt, if it is still PENDING; empty otherwise. The write
     * is the same conditional move to SENDING as {@link #claim}'s, but answers the document in hand
     * instead of reading it back, so it can share a round trip with other claims and outcomes.
     */
    public Mono<Document> claimQueued(Document delivery) {
        Instant now = clock.instant();
        String claimedBy = UUID.randomUUID().toString();
        Object id = delivery.get("_id");
        return writes.updateOne(
                        Query.query(Criteria.where("_id").is(id).and("status").is(DeliveryStatus.PENDING.name())),
                        new Update()
                                .set("status", DeliveryStatus.SENDING.name())
                                .set("claimedAt", Date.from(now))
                                .inc("attempts", 1)
                                .set("updatedAt", Date.from(now))
                                .set(CLAIMED_BY, claimedBy))
                .filterWhen(matched -> switch (matched) {
                    case YES -> Mono.just(true);
                    case NO -> Mono.just(false);
                    // Some claims of the shared write did not match: this one's own mark tells whether it was one.
                    case UNKNOWN ->
                        mongo.exists(
                                Query.query(Criteria.where("_id")
                                        .is(id)
                                        .and(CLAIMED_BY)
                                        .is(claimedBy)),
                                DELIVERIES);
                })
                .map(claimed -> {
                    Document sending = new Document(delivery);
                    sending.put("status", DeliveryStatus.SENDING.name());
                    sending.put("claimedAt", Date.from(now));
                    sending.put("updatedAt", Date.from(now));
                    sending.put("attempts", delivery.getInteger("attempts", 0) + 1);
                    sending.put(CLAIMED_BY, claimedBy);
                    return sending;
                });
    }

    /** Makes a finished or failed delivery attemptable again (a manual replay); empty if it is not in the tenant or under way. */
    public Mono<Document> reopen(String tenantId, String id) {
        return mongo.findAndModify(
                Query.query(Criteria.where("_id")
                        .is(id)
                        .and("tenantId")
                        .is(tenantId)
                        .and("status")
                        .in(
                                DeliveryStatus.DELIVERED.name(),
                                DeliveryStatus.FAILED.name(),
                                DeliveryStatus.RETRYING.name())),
                new Update()
                        .set("status", DeliveryStatus.RETRYING.name())
                        .set("replayedAt", Date.from(clock.instant())),
                FindAndModifyOptions.options().returnNew(true),
                Document.class,
                DELIVERIES);
    }

    /** One attempt, as the log shows it; appended to the delivery with the attempt's outcome. */
    public static Document attempt(Document delivery, SendOutcome outcome, Instant at, long latencyMillis) {
        int attempt = delivery.getInteger("attempts", 1);
        return new Document("_id", delivery.getString("_id") + "#" + attempt)
                .append("tenantId", delivery.getString("tenantId"))
                .append("deliveryId", delivery.getString("_id"))
                .append("attempt", attempt)
                .append("channel", delivery.getString("channel"))
                .append("at", Date.from(at))
                .append("status", outcome.succeeded() ? "SUCCEEDED" : "FAILED")
                .append("latencyMillis", latencyMillis)
                .append("provider", outcome.provider())
                .append("response", outcome.response());
    }

    /** DELIVERED, with the events the delivery causes recorded on it in the same write. */
    public Mono<Void> markDelivered(String id, Instant at, Document attempt, List<ThawEvent> events) {
        Update update = new Update()
                .set("status", DeliveryStatus.DELIVERED.name())
                .set("deliveredAt", Date.from(at))
                .set("updatedAt", Date.from(at))
                .set("lastResponse", attempt.getString("response"))
                .unset("nextAttemptAt")
                .push(ATTEMPT_LOG, attempt);
        if (!events.isEmpty()) {
            update = EventOutbox.record(update, events);
        }
        return writes.updateOne(sending(id), update).then();
    }

    public Mono<Void> markRetrying(String id, Instant next, Document attempt) {
        return writes.updateOne(
                        sending(id),
                        new Update()
                                .set("status", DeliveryStatus.RETRYING.name())
                                .set("nextAttemptAt", Date.from(next))
                                .set("lastResponse", attempt.getString("response"))
                                .set("updatedAt", Date.from(clock.instant()))
                                .push(ATTEMPT_LOG, attempt))
                .then();
    }

    public Mono<Void> markFailed(String id, Document attempt) {
        return writes.updateOne(
                        sending(id),
                        new Update()
                                .set("status", DeliveryStatus.FAILED.name())
                                .set("lastResponse", attempt.getString("response"))
                                .unset("nextAttemptAt")
                                .set("updatedAt", Date.from(clock.instant()))
                                .push(ATTEMPT_LOG, attempt))
                .then();
    }

    /** The delivery while an attempt has it: an outcome is recorded only on the attempt under way. */
    private static Query sending(String id) {
        return Query.query(Criteria.where("_id").is(id).and("status").is(DeliveryStatus.SENDING.name()));
    }

    /** The tenant's delivery by id; another tenant's is not found. */
    public Mono<Delivery> find(String tenantId, String id) {
        return stored(tenantId, id).map(DeliveryStore::delivery);
    }

    private Mono<Document> stored(String tenantId, String id) {
        return mongo.findOne(
                Query.query(Criteria.where("_id").is(id).and("tenantId").is(tenantId)), Document.class, DELIVERIES);
    }

    /**
     * The tenant's log filtered by channel, status and case (each optional), by page in id order;
     * without the deliveries about a restricted case unless {@code withRestricted}.
     */
    public Mono<CursorPage<Delivery>> search(
            String tenantId,
            boolean withRestricted,
            @Nullable String channel,
            @Nullable String status,
            @Nullable String caseId,
            CursorPage.Request page) {
        Criteria criteria = Criteria.where("tenantId").is(tenantId);
        if (!withRestricted) {
            criteria = criteria.and("restricted").ne(true);
        }
        if (channel != null) {
            criteria = criteria.and("channel").is(channel);
        }
        if (status != null) {
            criteria = criteria.and("status").is(status);
        }
        if (caseId != null) {
            criteria = criteria.and("caseId").is(caseId);
        }
        return mongo.find(page.query(criteria), Document.class, DELIVERIES)
                .map(DeliveryStore::delivery)
                .collectList()
                .map(found -> page.page(found, Delivery::id));
    }

    /** Deliveries about cases created since {@code since}, at most {@code max} (for statistics). */
    public Flux<CaseHeardOf> aboutCasesSince(String tenantId, Instant since, int max) {
        return mongo.find(
                        Query.query(Criteria.where("tenantId")
                                        .is(tenantId)
                                        .and("caseId")
                                        .ne(null)
                                        .and("createdAt")
                                        .gte(Date.from(since)))
                                .limit(max),
                        Document.class,
                        DELIVERIES)
                .map(delivery -> new CaseHeardOf(
                        delivery.getString("caseId"),
                        delivery.getDate("createdAt").toInstant()));
    }

    /** A delivery about a case, as the golden 15 minutes count it: which case, when the service stored it. */
    public record CaseHeardOf(String caseId, Instant at) {}

    /** The most recently updated delivery to a target (a webhook endpoint's id), if any. */
    public Mono<Delivery> latestTo(String tenantId, String target) {
        return mongo.findOne(
                        Query.query(Criteria.where("tenantId")
                                        .is(tenantId)
                                        .and("target")
                                        .is(target))
                                .with(Sort.by(Sort.Direction.DESC, "updatedAt"))
                                .limit(1),
                        Document.class,
                        DELIVERIES)
                .map(DeliveryStore::delivery);
    }

    /** Every attempt of a delivery, in order: those logged on it, after those of an older delivery in {@code delivery_attempts}. */
    public Flux<DeliveryAttempt> attempts(String tenantId, String deliveryId) {
        Flux<Document> older = mongo.find(
                Query.query(Criteria.where("tenantId")
                                .is(tenantId)
                                .and("deliveryId")
                                .is(deliveryId))
                        .with(Sort.by("attempt"))
                        .limit(100),
                Document.class,
                ATTEMPTS);
        Flux<Document> logged = stored(tenantId, deliveryId)
                .flatMapIterable(delivery -> delivery.getList(ATTEMPT_LOG, Document.class, List.of()));
        return Flux.concat(older, logged).map(DeliveryStore::attempt);
    }

    private static Delivery delivery(Document d) {
        return new Delivery(
                d.getString("_id"),
                d.getString("tenantId"),
                d.getString("eventId"),
                d.getString("eventType"),
                d.getString("caseId"),
                Channel.valueOf(d.getString("channel")),
                d.getString("target"),
                RecipientKind.valueOf(d.getString("recipientKind")),
                DeliveryStatus.valueOf(d.getString("status")),
                d.getInteger("attempts", 0),
                d.getBoolean("urgent", false),
                d.getBoolean("restricted", false),
                d.getString("subject"),
                d.getString("text"),
                instant(d, "createdAt"),
                instant(d, "updatedAt"),
                instant(d, "nextAttemptAt"),
                instant(d, "deliveredAt"),
                d.getString("lastResponse"));
    }

    private static DeliveryAttempt attempt(Document d) {
        Number latency = (Number) d.get("latencyMillis");
        return new DeliveryAttempt(
                d.getInteger("attempt", 0),
                instant(d, "at"),
                d.getString("status"),
                latency == null ? 0 : latency.longValue(),
                d.getString("provider"),
                d.getString("response"));
    }

    static @Nullable Instant instant(Document document, String key) {
        Date date = document.getDate(key);
        return date == null ? null : date.toInstant();
    }
}
