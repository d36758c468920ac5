package app.thaw.notifications.webhooks.internal;

import app.thaw.notifications.access.NotFound;
import org.bson.Document;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Mono;

/**
 * Optimistic concurrency on tenant-scoped documents: an update applies only to the caller's
 * tenant's document at the version the caller read; otherwise another tenant's or a missing
 * document is 404 and a changed one is 409 {@code version_conflict}.
 */
public final class VersionedWrites {

    private VersionedWrites() {
    }

    public static Mono<Document> update(ReactiveMongoTemplate mongo, String collection, String what, String tenantId, String id,
                                        long expectedVersion, Update change) {
        Query current = Query.query(Criteria.where("_id").is(id).and("tenantId").is(tenantId).and("version").is(expectedVersion));
        return mongo.findAndModify(current, change.inc("version", 1), FindAndModifyOptions.options().returnNew(true),
                        Document.class, collection)
                .switchIfEmpty(Mono.defer(() -> mongo.exists(Query.query(Criteria.where("_id").is(id).and("tenantId").is(tenantId)),
                                collection)
                        .flatMap(exists -> Mono.error(exists
                                ? new OptimisticLockingFailureException(what + " '" + id + "' changed since version " + expectedVersion)
                                : new NotFound(what, id)))));
    }

    public static Mono<Document> get(ReactiveMongoTemplate mongo, String collection, String what, String tenantId, String id) {
        return mongo.findOne(Query.query(Criteria.where("_id").is(id).and("tenantId").is(tenantId)), Document.class, collection)
                .switchIfEmpty(Mono.error(() -> new NotFound(what, id)));
    }
}
