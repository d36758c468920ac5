package app.thaw.monitor.subscription.internal;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import app.thaw.monitor.subscription.Subscriptions;
import app.thaw.platform.events.EventOutbox;
import app.thaw.platform.events.ThawEvent;
import app.thaw.platform.store.IndexedStore;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Subscriptions in {@code tenant_subscriptions} (id: the tenant), share rates in
 * {@code partner_shares} (id: the partner), active-subject counts in {@code subject_counts} (id: the
 * tenant). A plan change carries its event in the same write (the outbox watches the collection).
 */
@Component
class SubscriptionStore implements Subscriptions, IndexedStore {

    static final String SUBSCRIPTIONS = "tenant_subscriptions";
    static final String PARTNER_SHARES = "partner_shares";
    static final String COUNTS = "subject_counts";

    private final ReactiveMongoTemplate mongo;
    private final @Nullable EventOutbox outbox;

    SubscriptionStore(ReactiveMongoTemplate mongo, ObjectProvider<EventOutbox> outbox) {
        this.mongo = mongo;
        this.outbox = outbox.getIfAvailable();
    }

    /** No index beyond the ids; the outbox watches the plan changes' events before the service serves. */
    @Override
    public Mono<Void> createIndexes() {
        return outbox == null ? Mono.empty() : outbox.watch(SUBSCRIPTIONS);
    }

    private Mono<Document> subscription(String tenantId) {
        return mongo.findById(tenantId, Document.class, SUBSCRIPTIONS);
    }

    @Override
    public Mono<String> storedPlan(String tenantId) {
        return subscription(tenantId).mapNotNull(doc -> doc.getString("plan"));
    }

    @Override
    public Mono<List<PlanChange>> history(String tenantId) {
        return subscription(tenantId)
                .map(doc -> doc.getList("history", Document.class, List.of()).stream()
                        .map(change -> new PlanChange(
                                change.getString("plan"),
                                change.getDate("since").toInstant()))
                        .toList());
    }

    @Override
    public Mono<Long> sequence(String tenantId) {
        return subscription(tenantId)
                .map(stored -> stored.get("sequence", Number.class) == null
                        ? 0L
                        : stored.get("sequence", Number.class).longValue())
                .defaultIfEmpty(0L);
    }

    @Override
    public Mono<Void> changePlan(String tenantId, String planCode, Instant at, long sequence, ThawEvent event) {
        Update update = EventOutbox.record(
                new Update()
                        .set("plan", planCode)
                        .set("changedAt", Date.from(at))
                        .set("sequence", sequence)
                        .push("history", new Document("plan", planCode).append("since", Date.from(at))),
                List.of(event));
        return mongo.upsert(Query.query(Criteria.where("_id").is(tenantId)), update, SUBSCRIPTIONS)
                .then(
                        outbox == null
                                ? Mono.empty()
                                : outbox.release(SUBSCRIPTIONS, tenantId).then());
    }

    @Override
    public Mono<Void> setReferral(String tenantId, String referredBy, Instant at) {
        return mongo.upsert(
                        Query.query(Criteria.where("_id").is(tenantId)),
                        new Update().set("referredBy", referredBy).set("referredAt", Date.from(at)),
                        SUBSCRIPTIONS)
                .then();
    }

    @Override
    public Mono<String> referredBy(String tenantId) {
        return subscription(tenantId).mapNotNull(doc -> doc.getString("referredBy"));
    }

    @Override
    public Flux<String> referredTo(String partnerTenantId) {
        return mongo.find(
                        Query.query(Criteria.where("referredBy").is(partnerTenantId))
                                .with(Sort.by("_id"))
                                .limit(10_000),
                        Document.class,
                        SUBSCRIPTIONS)
                .map(doc -> doc.getString("_id"));
    }

    @Override
    public Mono<Void> setShareRate(String partnerTenantId, String rate, Instant at) {
        return mongo.upsert(
                        Query.query(Criteria.where("_id").is(partnerTenantId)),
                        new Update().set("shareRate", rate).set("changedAt", Date.from(at)),
                        PARTNER_SHARES)
                .then();
    }

    @Override
    public Mono<String> shareRate(String partnerTenantId) {
        return mongo.findById(partnerTenantId, Document.class, PARTNER_SHARES)
                .mapNotNull(doc -> doc.getString("shareRate"));
    }

    @Override
    public Mono<Boolean> reserveSubject(String tenantId, long limit) {
        Mono<Void> ensure = mongo.insert(new Document("_id", tenantId).append("active", 0L), COUNTS)
                .onErrorResume(DuplicateKeyException.class, exists -> Mono.empty())
                .then();
        return ensure.then(mongo.updateFirst(
                        Query.query(
                                Criteria.where("_id").is(tenantId).and("active").lt(limit)),
                        new Update().inc("active", 1L),
                        COUNTS))
                .map(result -> result.getModifiedCount() == 1);
    }

    @Override
    public Mono<Void> releaseSubject(String tenantId) {
        return mongo.updateFirst(
                        Query.query(Criteria.where("_id").is(tenantId)), new Update().inc("active", -1L), COUNTS)
                .then();
    }

    @Override
    public Mono<Long> activeSubjects(String tenantId) {
        return mongo.findById(tenantId, Document.class, COUNTS)
                .map(doc -> doc.get("active", Number.class).longValue())
                .defaultIfEmpty(0L);
    }
}
