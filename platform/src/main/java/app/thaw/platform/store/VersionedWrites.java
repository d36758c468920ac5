package app.thaw.platform.store;

import app.thaw.platform.problem.NotFound;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Mono;

/**
 * Reads and optimistic writes of one tenant's document by id, with the tenant in the query: another
 * tenant's document is simply not found (404 {@code not_found}, the same as a missing one), and a
 * write names the version the caller read, so a document that changed since answers 409
 * {@code version_conflict} (the platform maps {@link OptimisticLockingFailureException}) instead of
 * losing the other change. Documents carry {@code _id}, {@code tenantId} and a numeric {@code version}.
 */
public final class VersionedWrites {

    private VersionedWrites() {}

    /** The tenant's document {@code id}, or 404 naming {@code what}. */
    public static Mono<Document> get(
            ReactiveMongoTemplate mongo, String collection, String what, String tenantId, String id) {
        return mongo.findOne(byId(tenantId, id), Document.class, collection)
                .switchIfEmpty(Mono.error(() -> new NotFound(what, id)));
    }

    /**
     * Applies {@code change} to the tenant's document {@code id} if it is still at {@code expectedVersion},
     * bumping the version; answers the document as written. 404 if there is no such document for the
     * tenant, 409 if it has moved on.
     */
    public static Mono<Document> update(
            ReactiveMongoTemplate mongo,
            String collection,
            String what,
            String tenantId,
            String id,
            long expectedVersion,
            Update change) {
        Query current = Query.query(Criteria.where("_id")
                .is(id)
                .and("tenantId")
                .is(tenantId)
                .and("version")
                .is(expectedVersion));
        return mongo.findAndModify(
                        current,
                        change.inc("version", 1),
                        FindAndModifyOptions.options().returnNew(true),
                        Document.class,
                        collection)
                .switchIfEmpty(Mono.defer(() -> mongo.exists(byId(tenantId, id), collection)
                        .flatMap(exists -> Mono.error(
                                exists
                                        ? new OptimisticLockingFailureException(
                                                what + " '" + id + "' changed since version " + expectedVersion)
                                        : new NotFound(what, id)))));
    }

    /**
     * Writes the tenant's document {@code id} at the version the caller read: 0 creates it (409 if it exists by now),
     * a version updates it as {@link #update} does, setting each member of {@code content}. Answers the document as
     * written.
     */
    public static Mono<Document> put(
            ReactiveMongoTemplate mongo,
            String collection,
            String what,
            String tenantId,
            String id,
            long expectedVersion,
            Document content) {
        if (expectedVersion == 0) {
            Document created = new Document(content)
                    .append("_id", id)
                    .append("tenantId", tenantId)
                    .append("version", 1L);
            return mongo.insert(created, collection)
                    .onErrorMap(
                            DuplicateKeyException.class,
                            taken -> new OptimisticLockingFailureException(
                                    what + " '" + id + "' exists already; read it and write at its version"));
        }
        Update change = new Update();
        content.forEach(change::set);
        return update(mongo, collection, what, tenantId, id, expectedVersion, change);
    }

    /** The query for the tenant's document {@code id}: every read by id names the tenant. */
    public static Query byId(String tenantId, String id) {
        return Query.query(Criteria.where("_id").is(id).and("tenantId").is(tenantId));
    }
}
