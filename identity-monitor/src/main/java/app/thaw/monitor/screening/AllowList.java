package app.thaw.monitor.screening;

import java.time.Clock;
import java.util.Date;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A tenant's "good names": (subject, list entry) pairs a compliance officer cleared as false
 * positives, so screening the same subject against the same entry never flags it again. Another
 * entry, or another subject with the same name, is still screened.
 */
@Component
public class AllowList {

    static final String ALLOW_LIST = "screening_allow_list";

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;

    AllowList(ReactiveMongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    public Mono<Void> clear(String tenantId, String subjectId, String listEntryId, String clearedBy, String reason) {
        return mongo.insert(new Document("_id", key(tenantId, subjectId, listEntryId)).append("tenantId", tenantId)
                                .append("subjectId", subjectId).append("listEntryId", listEntryId).append("clearedBy", clearedBy)
                                .append("reason", reason).append("clearedAt", Date.from(clock.instant())), ALLOW_LIST)
                .onErrorResume(DuplicateKeyException.class, already -> Mono.empty()).then();
    }

    /** The list entries cleared for this subject. */
    public Flux<String> clearedEntries(String tenantId, String subjectId) {
        return mongo.find(Query.query(Criteria.where("tenantId").is(tenantId).and("subjectId").is(subjectId)), Document.class, ALLOW_LIST)
                .map(doc -> doc.getString("listEntryId"));
    }

    public Flux<Document> entries(String tenantId, int limit) {
        return mongo.find(Query.query(Criteria.where("tenantId").is(tenantId)).limit(limit), Document.class, ALLOW_LIST);
    }

    static String key(String tenantId, String subjectId, String listEntryId) {
        return tenantId + "|" + subjectId + "|" + listEntryId;
    }
}
