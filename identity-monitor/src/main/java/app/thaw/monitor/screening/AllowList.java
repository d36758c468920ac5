package app.thaw.monitor.screening;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A tenant's screening decisions, one per (subject, list entry), the latest standing: "not a match"
 * (a compliance officer cleared a false positive: screening the same subject against the same entry
 * does not flag it again <em>while the entry stays as it was</em> — its fingerprint — and flags it
 * anew once the list changes the entry) and "true match" (kept with its evidence; it suppresses
 * nothing). Another entry, or another subject with the same name, is still screened. A decision
 * stored before entries had fingerprints suppresses that entry whatever it becomes.
 */
@Component
public class AllowList {

    static final String ALLOW_LIST = "screening_allow_list";

    /** What an analyst decided about a (subject, entry) pair. */
    public enum Decision {
        NOT_A_MATCH, TRUE_MATCH
    }

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;

    AllowList(ReactiveMongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** A "not a match" for the entry as it is now ({@code entryFingerprint}; null when unknown: then for good). */
    public Mono<Void> clear(String tenantId, String subjectId, String listEntryId, @Nullable String entryFingerprint, String clearedBy,
                            String reason) {
        return decide(tenantId, subjectId, listEntryId, entryFingerprint, Decision.NOT_A_MATCH, clearedBy, reason, List.of(), null)
                .then();
    }

    /** Records a decision, replacing the pair's earlier one. */
    public Mono<StoredDecision> decide(String tenantId, String subjectId, String listEntryId, @Nullable String entryFingerprint,
                                       Decision decision, String decidedBy, String reason, List<String> evidence,
                                       @Nullable String alertId) {
        Instant at = clock.instant();
        Document doc = new Document("_id", key(tenantId, subjectId, listEntryId)).append("tenantId", tenantId)
                .append("subjectId", subjectId).append("listEntryId", listEntryId).append("entryFingerprint", entryFingerprint)
                .append("decision", decision.name()).append("clearedBy", decidedBy).append("reason", reason)
                .append("evidence", evidence).append("alertId", alertId).append("clearedAt", Date.from(at));
        return mongo.findAndReplace(Query.query(Criteria.where("_id").is(doc.get("_id"))), doc,
                        FindAndReplaceOptions.options().upsert(), Document.class, ALLOW_LIST)
                .then(Mono.fromSupplier(() -> fromDocument(doc)));
    }

    /**
     * The entries this subject is cleared for, each with the fingerprint the clearing holds for
     * (null: any); "true match" decisions are not in it.
     */
    public Mono<Map<String, @Nullable String>> clearedEntries(String tenantId, String subjectId) {
        return decisions(tenantId, subjectId)
                .filter(d -> d.decision() == Decision.NOT_A_MATCH)
                .collect(HashMap::new, (map, d) -> map.put(d.listEntryId(), d.entryFingerprint()));
    }

    /** Whether a cleared pair still suppresses a hit on the entry as it is now. */
    public static boolean suppresses(Map<String, @Nullable String> cleared, String listEntryId, String entryFingerprint) {
        if (!cleared.containsKey(listEntryId)) {
            return false;
        }
        String at = cleared.get(listEntryId);
        return at == null || at.equals(entryFingerprint);
    }

    /** The subject's decisions, newest first. */
    public Flux<StoredDecision> decisions(String tenantId, String subjectId) {
        return mongo.find(Query.query(Criteria.where("tenantId").is(tenantId).and("subjectId").is(subjectId)), Document.class, ALLOW_LIST)
                .map(AllowList::fromDocument)
                .sort((a, b) -> b.decidedAt().compareTo(a.decidedAt()));
    }

    /**
     * The standing decisions for these (subject, entry) pairs of one tenant, keyed by
     * {@link #pair(String, String)}: one query for a page of alerts.
     */
    public Mono<Map<String, StoredDecision>> standing(String tenantId, java.util.Collection<Map.Entry<String, String>> subjectAndEntry) {
        if (subjectAndEntry.isEmpty()) {
            return Mono.just(Map.of());
        }
        List<String> ids = subjectAndEntry.stream().map(p -> key(tenantId, p.getKey(), p.getValue())).distinct().toList();
        return mongo.find(Query.query(Criteria.where("_id").in(ids)), Document.class, ALLOW_LIST)
                .map(AllowList::fromDocument)
                .collectMap(d -> pair(d.subjectId(), d.listEntryId()));
    }

    /** How {@link #standing} names a (subject, entry) pair. */
    public static String pair(String subjectId, String listEntryId) {
        return subjectId + "|" + listEntryId;
    }

    public Flux<Document> entries(String tenantId, int limit) {
        return mongo.find(Query.query(Criteria.where("tenantId").is(tenantId)).limit(limit), Document.class, ALLOW_LIST);
    }

    static String key(String tenantId, String subjectId, String listEntryId) {
        return tenantId + "|" + subjectId + "|" + listEntryId;
    }

    private static StoredDecision fromDocument(Document doc) {
        String decision = doc.getString("decision");
        Date at = doc.getDate("clearedAt");
        return new StoredDecision(doc.getString("subjectId"), doc.getString("listEntryId"), doc.getString("entryFingerprint"),
                decision == null ? Decision.NOT_A_MATCH : Decision.valueOf(decision), doc.getString("clearedBy"), doc.getString("reason"),
                doc.getList("evidence", String.class, List.of()), doc.getString("alertId"), at == null ? Instant.EPOCH : at.toInstant());
    }

    /**
     * A decision as stored.
     *
     * @param entryFingerprint the entry as it was decided about ({@code ListEntry#fingerprint}); null when unknown
     * @param evidence         what the analyst relied on (document ids, notes)
     * @param alertId          the alert it was decided on, if any
     */
    public record StoredDecision(String subjectId, String listEntryId, @Nullable String entryFingerprint, Decision decision,
                                 String decidedBy, String reason, List<String> evidence, @Nullable String alertId,
                                 Instant decidedAt) {
    }
}
