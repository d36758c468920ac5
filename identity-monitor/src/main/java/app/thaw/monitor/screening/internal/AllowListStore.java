package app.thaw.monitor.screening.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;

import app.thaw.monitor.screening.AllowList;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Screening decisions in {@code screening_allow_list}, id {@code tenant|subject|entry}, every query scoped by tenant. */
@Component
class AllowListStore implements AllowList {

    static final String ALLOW_LIST = "screening_allow_list";

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;

    AllowListStore(ReactiveMongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    @Override
    public Mono<StoredDecision> decide(
            String tenantId,
            String subjectId,
            String listEntryId,
            @Nullable String entryFingerprint,
            Decision decision,
            String decidedBy,
            String reason,
            List<String> evidence,
            @Nullable String alertId) {
        Instant at = clock.instant();
        Document doc = new Document("_id", key(tenantId, subjectId, listEntryId))
                .append("tenantId", tenantId)
                .append("subjectId", subjectId)
                .append("listEntryId", listEntryId)
                .append("entryFingerprint", entryFingerprint)
                .append("decision", decision.name())
                .append("clearedBy", decidedBy)
                .append("reason", reason)
                .append("evidence", evidence)
                .append("alertId", alertId)
                .append("clearedAt", Date.from(at));
        return mongo.findAndReplace(
                        Query.query(Criteria.where("_id")
                                .is(doc.get("_id"))
                                .and("tenantId")
                                .is(tenantId)),
                        doc,
                        FindAndReplaceOptions.options().upsert(),
                        Document.class,
                        ALLOW_LIST)
                .then(Mono.fromSupplier(() -> fromDocument(doc)));
    }

    @Override
    public Flux<StoredDecision> decisions(String tenantId, String subjectId) {
        return mongo.find(
                        Query.query(Criteria.where("tenantId")
                                .is(tenantId)
                                .and("subjectId")
                                .is(subjectId)),
                        Document.class,
                        ALLOW_LIST)
                .map(AllowListStore::fromDocument)
                .sort((a, b) -> b.decidedAt().compareTo(a.decidedAt()));
    }

    @Override
    public Mono<Map<String, StoredDecision>> standing(
            String tenantId, Collection<Map.Entry<String, String>> subjectAndEntry) {
        if (subjectAndEntry.isEmpty()) {
            return Mono.just(Map.of());
        }
        List<String> ids = subjectAndEntry.stream()
                .map(p -> key(tenantId, p.getKey(), p.getValue()))
                .distinct()
                .toList();
        return mongo.find(
                        Query.query(
                                Criteria.where("_id").in(ids).and("tenantId").is(tenantId)),
                        Document.class,
                        ALLOW_LIST)
                .map(AllowListStore::fromDocument)
                .collectMap(d -> AllowList.pair(d.subjectId(), d.listEntryId()));
    }

    static String key(String tenantId, String subjectId, String listEntryId) {
        return tenantId + "|" + subjectId + "|" + listEntryId;
    }

    private static StoredDecision fromDocument(Document doc) {
        String decision = doc.getString("decision");
        Date at = doc.getDate("clearedAt");
        return new StoredDecision(
                doc.getString("subjectId"),
                doc.getString("listEntryId"),
                doc.getString("entryFingerprint"),
                decision == null ? Decision.NOT_A_MATCH : Decision.valueOf(decision),
                doc.getString("clearedBy"),
                doc.getString("reason"),
                doc.getList("evidence", String.class, List.of()),
                doc.getString("alertId"),
                at == null ? Instant.EPOCH : at.toInstant());
    }
}
