package app.thaw.monitor.rules;

import java.time.Clock;
import java.util.Date;

import java.util.Map;

import app.thaw.monitor.detection.Severity;
import app.thaw.platform.audit.AuditLog;
import app.thaw.platform.security.Caller;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.bson.Document;
import app.thaw.monitor.support.Ids;
import app.thaw.platform.idempotency.IdempotentEffects;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Stores tenant rules (validated by compiling them before anything is saved) and hands signal
 * processing each tenant's compiled rules, cached briefly per instance so a busy tenant's rules
 * are not re-read and re-compiled for every signal.
 */
@Service
public class RuleService {

    static final String RULES = "rules";

    private final ReactiveMongoTemplate mongo;
    private final RulesProperties properties;
    private final CelRules cel;
    private final AuditLog audit;
    private final Clock clock;
    private final Cache<String, Mono<TenantRules>> cache;

    RuleService(ReactiveMongoTemplate mongo, RulesProperties properties, AuditLog audit, Clock clock) {
        this.mongo = mongo;
        this.properties = properties;
        this.cel = new CelRules(properties.maxIterations());
        this.audit = audit;
        this.clock = clock;
        this.cache = Caffeine.newBuilder().expireAfterWrite(properties.cacheTtl()).maximumSize(10_000).build();
    }

    public Mono<Void> createIndexes() {
        return mongo.indexOps(RULES).createIndex(new Index().on("tenantId", Sort.Direction.ASC).on("_id", Sort.Direction.ASC)).then();
    }

    /** The tenant's enabled rules, compiled. */
    public Mono<TenantRules> rulesFor(String tenantId) {
        return cache.get(tenantId, tenant -> mongo.find(Query.query(Criteria.where("tenantId").is(tenant).and("enabled").is(true)),
                        Document.class, RULES)
                .map(RuleService::fromDocument)
                .map(rule -> new TenantRules.Compiled(rule.id(), rule.name(), rule.severity(), cel.compile(rule.expression())))
                .collectList()
                .map(compiled -> compiled.isEmpty() ? TenantRules.NONE : new TenantRules(compiled))
                .cache());
    }

    public Flux<Rule> list(Caller caller) {
        return mongo.find(Query.query(Criteria.where("tenantId").is(caller.tenantId())).with(Sort.by("_id")).limit(properties.maxRules()),
                Document.class, RULES).map(RuleService::fromDocument);
    }

    public Mono<Rule> get(Caller caller, String id) {
        return mongo.findOne(byId(caller, id), Document.class, RULES).map(RuleService::fromDocument)
                .switchIfEmpty(Mono.error(() -> new RuleNotFound(id)));
    }

    public Mono<Rule> create(Caller caller, String name, String expression, Severity severity, boolean enabled) {
        validate(expression);
        // Once per Idempotency-Key (ADR 56): a run repeated after a crash finds the rule the first run added.
        return IdempotentEffects.once("rule", () -> Ids.next("rule"), key -> Ids.keyed("rule", key),
                id -> mongo.findOne(byId(caller, id), Document.class, RULES).map(RuleService::fromDocument),
                id -> create(caller, new Rule(id, name, expression, severity, enabled, 1, clock.instant())));
    }

    private Mono<Rule> create(Caller caller, Rule rule) {
        return mongo.count(Query.query(Criteria.where("tenantId").is(caller.tenantId())), RULES)
                .flatMap(count -> count >= properties.maxRules() ? Mono.error(new RuleLimitReached(properties.maxRules()))
                        : mongo.insert(toDocument(caller.tenantId(), rule), RULES))
                .then(changed(caller, "monitor.rule.created", rule.id()))
                .thenReturn(rule);
    }

    public Mono<Rule> replace(Caller caller, String id, long version, String name, String expression, Severity severity,
                              boolean enabled) {
        validate(expression);
        return get(caller, id)
                .flatMap(current -> mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("tenantId").is(caller.tenantId())
                                        .and("version").is(version)),
                                new Update().set("name", name).set("expression", expression).set("severity", severity.name())
                                        .set("enabled", enabled).set("updatedAt", Date.from(clock.instant())).inc("version", 1L), RULES)
                        .flatMap(result -> result.getModifiedCount() == 1 ? Mono.just(result)
                                : Mono.error(new OptimisticLockingFailureException("rule " + id))))
                .then(changed(caller, "monitor.rule.replaced", id))
                .then(get(caller, id));
    }

    public Mono<Void> delete(Caller caller, String id) {
        return mongo.remove(byId(caller, id), RULES)
                .flatMap(result -> result.getDeletedCount() == 1 ? changed(caller, "monitor.rule.deleted", id)
                        : Mono.error(new RuleNotFound(id)));
    }

    private void validate(String expression) {
        if (expression.length() > properties.maxLength()) {
            throw new RuleInvalid("must be at most " + properties.maxLength() + " characters");
        }
        cel.compile(expression);
    }

    private Mono<Void> changed(Caller caller, String action, String id) {
        cache.invalidate(caller.tenantId());
        return audit.record(action, "rule", id, Map.of());
    }

    private static Query byId(Caller caller, String id) {
        return Query.query(Criteria.where("_id").is(id).and("tenantId").is(caller.tenantId()));
    }

    private static Document toDocument(String tenantId, Rule rule) {
        return new Document("_id", rule.id()).append("tenantId", tenantId).append("name", rule.name())
                .append("expression", rule.expression()).append("severity", rule.severity().name()).append("enabled", rule.enabled())
                .append("version", rule.version()).append("updatedAt", Date.from(rule.updatedAt()));
    }

    private static Rule fromDocument(Document doc) {
        return new Rule(doc.getString("_id"), doc.getString("name"), doc.getString("expression"),
                Severity.valueOf(doc.getString("severity")), Boolean.TRUE.equals(doc.getBoolean("enabled")),
                doc.get("version", Number.class).longValue(), doc.getDate("updatedAt").toInstant());
    }

}
