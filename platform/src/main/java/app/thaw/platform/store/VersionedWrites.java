package app.thaw.platform.store;

import app.thaw.platform.problem.NotFound;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

    private static final Logger log = LoggerFactory.getLogger(VersionedWrites.class);

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

    /**
     * {@link #put} for a document kept one per tenant under the tenant's id (a tenant's settings). As far as a client
     * knows there always is one (none stored reads as the defaults at version 0), so writing at another version when
     * none is stored is stale: 409 {@code version_conflict}, not 404.
     */
    public static Mono<Document> putTenantKeyed(
            ReactiveMongoTemplate mongo,
            String collection,
            String what,
            String tenantId,
            long expectedVersion,
            Document content) {
        return put(mongo, collection, what, tenantId, tenantId, expectedVersion, content)
                .onErrorMap(
                        NotFound.class,
                        none -> new OptimisticLockingFailureException(
                                what + " of '" + tenantId + "' changed since version " + expectedVersion));
    }

    /**
     * Names the tenant in documents kept one per tenant under the tenant's id (a tenant's settings) that were
     * written before they named it: each is given {@code tenantId}, its {@code _id}, so the writes here, which name
     * the tenant, find it; nothing else changes (not its version: nothing a client holds goes stale). A store of such
     * documents runs it before the service serves (as an {@link IndexedStore}); a second run finds nothing to do.
     * Answers how many documents it named.
     */
    public static Mono<Long> nameTheTenantOfTenantKeyed(ReactiveMongoTemplate mongo, String collection) {
        return mongo.find(Query.query(Criteria.where("tenantId").exists(false)), Document.class, collection)
                .concatMap(stored -> mongo.updateFirst(
                        Query.query(Criteria.where("_id")
                                .is(stored.get("_id"))
                                .and("tenantId")
                                .exists(false)),
                        new Update().set("tenantId", stored.get("_id")),
                        collection))
                .filter(result -> result.getModifiedCount() > 0)
                .count()
                .doOnNext(named -> {
                    if (named > 0) {
                        log.info(
                                "Named the tenant in {} document(s) of {} written before they named it",
                                named,
                                collection);
                    }
                });
    }

    /** The query for the tenant's document {@code id}: every read by id names the tenant. */
    public static Query byId(String tenantId, String id) {
        return Query.query(Criteria.where("_id").is(id).and("tenantId").is(tenantId));
    }
}
