package app.thaw.notifications.delivery.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;

import app.thaw.notifications.delivery.FirstDelivery;
import app.thaw.platform.events.EventOutbox;
import app.thaw.platform.events.ThawEvent;
import app.thaw.platform.store.IndexedStore;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The golden 15 minutes: the first successful delivery to the client for a case. One document per
 * (tenant, case) decides which delivery was first, by its unique id, and carries the
 * {@code firstForCase} event in the same insert, so the event exists exactly when the decision
 * does, and a crash before its release leaves it for the outbox sweep.
 */
@Component
public class FirstDeliveries implements IndexedStore {

    public static final String COLLECTION = "case_first_deliveries";

    /** What claiming the first delivery came to. */
    public enum Claim {
        /** This delivery is the first: its event is in the outbox. */
        FIRST,
        /** This delivery was already recorded as first (a retried completion): nothing more to publish. */
        ALREADY_FIRST,
        /** Another delivery was first. */
        NOT_FIRST
    }

    private final ReactiveMongoTemplate mongo;
    private final EventOutbox outbox;

    public FirstDeliveries(ReactiveMongoTemplate mongo, EventOutbox outbox) {
        this.mongo = mongo;
        this.outbox = outbox;
    }

    /** The outbox told that first deliveries carry pending events (the {@code firstForCase} event), with its index. */
    @Override
    public Mono<Void> createIndexes() {
        return outbox.watch(COLLECTION);
    }

    public Mono<Claim> claim(
            String tenantId,
            String caseId,
            String deliveryId,
            String channel,
            Instant deliveredAt,
            ThawEvent firstEvent) {
        String id = tenantId + "|" + caseId;
        Document first = new Document("_id", id)
                .append("tenantId", tenantId)
                .append("caseId", caseId)
                .append("deliveryId", deliveryId)
                .append("channel", channel)
                .append("deliveredAt", Date.from(deliveredAt))
                .append(EventOutbox.PENDING_EVENTS, EventOutbox.pending(List.of(firstEvent)));
        return mongo.insert(first, COLLECTION)
                .then(outbox.release(COLLECTION, id))
                .thenReturn(Claim.FIRST)
                .onErrorResume(
                        DuplicateKeyException.class,
                        taken -> mongo.findById(id, Document.class, COLLECTION)
                                .map(existing -> deliveryId.equals(existing.getString("deliveryId"))
                                        ? Claim.ALREADY_FIRST
                                        : Claim.NOT_FIRST)
                                .defaultIfEmpty(Claim.NOT_FIRST));
    }

    /** The first deliveries of a tenant's cases among {@code caseIds}. */
    public Flux<FirstDelivery> of(String tenantId, Collection<String> caseIds) {
        return mongo.find(
                        Query.query(Criteria.where("tenantId")
                                .is(tenantId)
                                .and("caseId")
                                .in(caseIds)),
                        Document.class,
                        COLLECTION)
                .map(FirstDeliveries::first);
    }

    /** When the client of a case first got a message, if it has. */
    public Mono<FirstDelivery> of(String tenantId, String caseId) {
        return mongo.findOne(
                        Query.query(Criteria.where("_id")
                                .is(tenantId + "|" + caseId)
                                .and("tenantId")
                                .is(tenantId)),
                        Document.class,
                        COLLECTION)
                .map(FirstDeliveries::first);
    }

    private static FirstDelivery first(Document document) {
        return new FirstDelivery(
                document.getString("caseId"),
                document.getString("deliveryId"),
                document.getString("channel"),
                document.getDate("deliveredAt").toInstant());
    }
}
