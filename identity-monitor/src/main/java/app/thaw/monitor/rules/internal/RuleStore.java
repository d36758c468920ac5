package app.thaw.monitor.rules.internal;

import java.time.Instant;
import java.util.Date;

import app.thaw.monitor.detection.Severity;
import app.thaw.monitor.rules.Rule;
import app.thaw.monitor.rules.StoredRules;
import app.thaw.platform.store.IndexedStore;
import app.thaw.platform.store.VersionedWrites;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Rules in the {@code rules} collection, every query scoped by tenant. */
@Component
class RuleStore implements StoredRules, IndexedStore {

    static final String RULES = "rules";

    private final ReactiveMongoTemplate mongo;

    RuleStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Mono<Void> createIndexes() {
        return mongo.indexOps(RULES)
                .createIndex(new Index().on("tenantId", Sort.Direction.ASC).on("_id", Sort.Direction.ASC))
                .then();
    }

    @Override
    public Flux<Rule> enabled(String tenantId) {
        return mongo.find(
                        Query.query(Criteria.where("tenantId")
                                .is(tenantId)
                                .and("enabled")
                                .is(true)),
                        Document.class,
                        RULES)
                .map(RuleStore::fromDocument);
    }

    @Override
    public Flux<Rule> list(String tenantId, int limit) {
        return mongo.find(
                        Query.query(Criteria.where("tenantId").is(tenantId))
                                .with(Sort.by("_id"))
                                .limit(limit),
                        Document.class,
                        RULES)
                .map(RuleStore::fromDocument);
    }

    @Override
    public Mono<Rule> find(String tenantId, String id) {
        return mongo.findOne(byId(tenantId, id), Document.class, RULES).map(RuleStore::fromDocument);
    }

    @Override
    public Mono<Long> count(String tenantId) {
        return mongo.count(Query.query(Criteria.where("tenantId").is(tenantId)), RULES);
    }

    @Override
    public Mono<Void> insert(String tenantId, Rule rule) {
        return mongo.insert(toDocument(tenantId, rule), RULES).then();
    }

    @Override
    public Mono<Rule> replace(
            String tenantId,
            String id,
            long version,
            String name,
            String expression,
            Severity severity,
            boolean enabled,
            Instant at) {
        return VersionedWrites.update(
                        mongo,
                        RULES,
                        "rule",
                        tenantId,
                        id,
                        version,
                        new Update()
                                .set("name", name)
                                .set("expression", expression)
                                .set("severity", severity.name())
                                .set("enabled", enabled)
                                .set("updatedAt", Date.from(at)))
                .map(RuleStore::fromDocument);
    }

    @Override
    public Mono<Boolean> delete(String tenantId, String id) {
        return mongo.remove(byId(tenantId, id), RULES).map(result -> result.getDeletedCount() == 1);
    }

    private static Query byId(String tenantId, String id) {
        return VersionedWrites.byId(tenantId, id);
    }

    private static Document toDocument(String tenantId, Rule rule) {
        return new Document("_id", rule.id())
                .append("tenantId", tenantId)
                .append("name", rule.name())
                .append("expression", rule.expression())
                .append("severity", rule.severity().name())
                .append("enabled", rule.enabled())
                .append("version", rule.version())
                .append("updatedAt", Date.from(rule.updatedAt()));
    }

    private static Rule fromDocument(Document doc) {
        return new Rule(
                doc.getString("_id"),
                doc.getString("name"),
                doc.getString("expression"),
                Severity.valueOf(doc.getString("severity")),
                Boolean.TRUE.equals(doc.getBoolean("enabled")),
                doc.get("version", Number.class).longValue(),
                doc.getDate("updatedAt").toInstant());
    }
}
