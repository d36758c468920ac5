package app.thaw.monitor.settings;

import java.time.Clock;
import java.util.Date;
import java.util.Map;

import app.thaw.platform.audit.AuditLog;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * A tenant's settings and plan: stored overrides over {@link MonitorDefaults}. Settings are
 * versioned (a stale write is a 409); the plan is set by platform administrators only.
 */
@Service
public class SettingsService {

    static final String SETTINGS = "tenant_settings";
    static final String PLANS = "tenant_plans";

    private final ReactiveMongoTemplate mongo;
    private final MonitorDefaults defaults;
    private final AuditLog audit;
    private final Clock clock;
    private final com.github.benmanes.caffeine.cache.Cache<String, Mono<TenantSettings>> cache =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().expireAfterWrite(CACHE_TTL).maximumSize(10_000).build();

    static final java.time.Duration CACHE_TTL = java.time.Duration.ofSeconds(5);

    SettingsService(ReactiveMongoTemplate mongo, MonitorDefaults defaults, AuditLog audit, Clock clock) {
        this.mongo = mongo;
        this.defaults = defaults;
        this.audit = audit;
        this.clock = clock;
    }

    /** A tenant's effective settings and their version (0 while it has stored none). */
    public Mono<Versioned<TenantSettings>> settings(String tenantId) {
        return mongo.findById(tenantId, Document.class, SETTINGS)
                .map(doc -> new Versioned<>(mongo.getConverter().read(TenantSettings.class, doc.get("settings", Document.class)),
                        doc.get("version", Number.class).longValue()))
                .defaultIfEmpty(new Versioned<>(defaults.asSettings(), 0));
    }

    /**
     * The settings signal processing uses, cached per instance for a few seconds: they are read for
     * every signal, and changed rarely (another instance sees a change within the cache's time).
     */
    public Mono<TenantSettings> effective(String tenantId) {
        return cache.get(tenantId, tenant -> settings(tenant).map(Versioned::value).cache(
                value -> CACHE_TTL, failure -> java.time.Duration.ZERO, () -> java.time.Duration.ZERO));
    }

    /** Replaces the tenant's settings if {@code expectedVersion} is still current. */
    public Mono<Versioned<TenantSettings>> replace(String tenantId, TenantSettings settings, long expectedVersion) {
        MongoConverter converter = mongo.getConverter();
        Document stored = new Document();
        converter.write(settings, stored);
        stored.remove("_class");
        Date now = Date.from(clock.instant());
        Mono<Versioned<TenantSettings>> write = expectedVersion == 0
                ? mongo.insert(new Document("_id", tenantId).append("settings", stored).append("version", 1L)
                        .append("updatedAt", now), SETTINGS)
                        .onErrorMap(DuplicateKeyException.class, stale -> new OptimisticLockingFailureException("settings"))
                        .thenReturn(new Versioned<>(settings, 1))
                : mongo.updateFirst(Query.query(Criteria.where("_id").is(tenantId).and("version").is(expectedVersion)),
                                new Update().set("settings", stored).set("updatedAt", now).inc("version", 1), SETTINGS)
                        .flatMap(result -> result.getModifiedCount() == 1
                                ? Mono.just(new Versioned<>(settings, expectedVersion + 1))
                                : Mono.error(new OptimisticLockingFailureException("settings")));
        return write.doOnNext(saved -> cache.invalidate(tenantId)).flatMap(saved -> audit.record("monitor.settings.replaced", "tenant_settings", tenantId,
                Map.of("version", saved.version())).thenReturn(saved));
    }

    /** The tenant's plan: the subjects it may monitor. */
    public Mono<Plan> plan(String tenantId) {
        return mongo.findById(tenantId, Document.class, PLANS)
                .map(doc -> new Plan(doc.get("maxSubjects", Number.class).longValue()))
                .defaultIfEmpty(new Plan(defaults.maxSubjects()));
    }

    /** The plan an administrator stored for the tenant ({@code PUT /admin/plans/{tenant}}); empty when none was. */
    public Mono<Plan> storedPlan(String tenantId) {
        return mongo.findById(tenantId, Document.class, PLANS).map(doc -> new Plan(doc.get("maxSubjects", Number.class).longValue()));
    }

    public Mono<Plan> setPlan(String tenantId, Plan plan) {
        return mongo.upsert(Query.query(Criteria.where("_id").is(tenantId)),
                        new Update().set("maxSubjects", plan.maxSubjects()).set("updatedAt", Date.from(clock.instant())), PLANS)
                .then(audit.record("monitor.plan.set", "tenant_plan", tenantId, Map.of("maxSubjects", plan.maxSubjects())))
                .thenReturn(plan);
    }

    /** A value and the version it was read at. */
    public record Versioned<T>(T value, long version) {
    }

    /** @param maxSubjects how many subjects the tenant may monitor at once */
    public record Plan(long maxSubjects) {
    }
}
