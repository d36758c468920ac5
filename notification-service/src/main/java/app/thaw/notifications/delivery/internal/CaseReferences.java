package app.thaw.notifications.delivery.internal;

import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The human number of each case this service has heard of ({@code reference} of
 * {@code thaw.case.opened}/{@code .triaged}), per tenant, so a message about an event that does not
 * carry it (evidence-service's {@code thaw.evidence.*}) still names the case by it rather than by its id.
 */
@Component
class CaseReferences {

    static final String COLLECTION = "case_references";

    private final ReactiveMongoTemplate mongo;

    CaseReferences(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Remembers the case's reference; the same again changes nothing (a reference never changes). */
    Mono<Void> remember(String tenantId, String caseId, String reference) {
        String id = tenantId + "|" + caseId;
        Document document = new Document("_id", id)
                .append("tenantId", tenantId)
                .append("caseId", caseId)
                .append("reference", reference);
        return mongo.findAndReplace(
                        Query.query(Criteria.where("_id").is(id)),
                        document,
                        FindAndReplaceOptions.options().upsert(),
                        Document.class,
                        COLLECTION)
                .then();
    }

    /** The case's reference, or empty when this service has not heard of it. */
    Mono<String> of(String tenantId, String caseId) {
        return mongo.findById(tenantId + "|" + caseId, Document.class, COLLECTION)
                .mapNotNull(found -> found.getString("reference"));
    }
}
