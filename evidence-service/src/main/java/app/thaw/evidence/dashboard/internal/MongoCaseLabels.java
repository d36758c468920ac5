package app.thaw.evidence.dashboard.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import app.thaw.evidence.dashboard.CaseLabels;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The case labels in {@value #COLLECTION}, one document per case id, written only for the case's own tenant. */
@Component
class MongoCaseLabels implements CaseLabels {

    static final String COLLECTION = "case_labels";

    private final ReactiveMongoTemplate mongo;

    MongoCaseLabels(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Mono<Void> learn(String caseId, String tenantId, @Nullable String reference, @Nullable String holderName) {
        String name = holderName == null || holderName.isBlank() ? null : holderName.strip();
        if ((reference == null || reference.isBlank()) && name == null) {
            return Mono.empty();
        }
        Update update = new Update().setOnInsert("tenantId", tenantId);
        if (reference != null && !reference.isBlank()) {
            update.set("reference", reference.strip());
        }
        if (name != null) {
            update.set("holder", name);
        }
        // Only for the case's own tenant: an event of another tenant naming the same id labels nothing.
        return mongo.upsert(
                        Query.query(
                                Criteria.where("_id").is(caseId).and("tenantId").is(tenantId)),
                        update,
                        COLLECTION)
                .onErrorResume(org.springframework.dao.DuplicateKeyException.class, e -> Mono.empty())
                .then();
    }

    @Override
    public Mono<Map<String, Label>> of(Collection<String> caseIds) {
        if (caseIds.isEmpty()) {
            return Mono.just(Map.of());
        }
        return mongo.find(Query.query(Criteria.where("_id").in(caseIds)), Document.class, COLLECTION)
                .collectMap(
                        found -> String.valueOf(found.get("_id")),
                        found -> new Label(found.getString("reference"), found.getString("holder")))
                .map(HashMap::new);
    }

    @Override
    public Mono<Label> of(String tenantId, String caseId) {
        return mongo.findOne(
                        Query.query(
                                Criteria.where("_id").is(caseId).and("tenantId").is(tenantId)),
                        Document.class,
                        COLLECTION)
                .map(found -> new Label(found.getString("reference"), found.getString("holder")))
                .defaultIfEmpty(new Label(null, null));
    }
}
