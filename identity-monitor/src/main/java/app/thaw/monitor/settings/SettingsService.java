package app.thaw.monitor.settings;

import java.time.Clock;
import java.util.Map;

import app.thaw.platform.audit.AuditLog;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * A tenant's settings and plan: stored overrides over {@link MonitorDefaults}. Settings are
 * versioned (a stale write is a 409); the plan is set by platform administrators only.
 */
@Service
public class SettingsService {

    private final StoredSettings store;
    private final MonitorDefaults defaults;
    private final AuditLog audit;
    private final Clock clock;
    private final com.github.benmanes.caffeine.cache.Cache<String, Mono<TenantSettings>> cache =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder()
                    .expireAfterWrite(CACHE_TTL)
                    .maximumSize(10_000)
                    .build();

    static final java.time.Duration CACHE_TTL = java.time.Duration.ofSeconds(5);

    SettingsService(StoredSettings store, MonitorDefaults defaults, AuditLog audit, Clock clock) {
        this.store = store;
        this.defaults = defaults;
        this.audit = audit;
        this.clock = clock;
    }

    /** A tenant's effective settings and their version (0 while it has stored none). */
    public Mono<Versioned<TenantSettings>> settings(String tenantId) {
        return store.settings(tenantId).defaultIfEmpty(new Versioned<>(defaults.asSettings(), 0));
    }

    /**
     * The settings signal processing uses, cached per instance for a few seconds: they are read for
     * every signal, and changed rarely (another instance sees a change within the cache's time).
     */
    public Mono<TenantSettings> effective(String tenantId) {
        return cache.get(
                tenantId,
                tenant -> settings(tenant)
                        .map(Versioned::value)
                        .cache(value -> CACHE_TTL, failure -> java.time.Duration.ZERO, () -> java.time.Duration.ZERO));
    }

    /** Replaces the tenant's settings if {@code expectedVersion} is still current. */
    public Mono<Versioned<TenantSettings>> replace(String tenantId, TenantSettings settings, long expectedVersion) {
        Mono<Versioned<TenantSettings>> write = store.replace(tenantId, settings, expectedVersion, clock.instant());
        return write.doOnNext(saved -> cache.invalidate(tenantId))
                .flatMap(saved -> audit.record(
                                "monitor.settings.replaced",
                                "tenant_settings",
                                tenantId,
                                Map.of("version", saved.version()))
                        .thenReturn(saved));
    }

    /** The tenant's plan: the subjects it may monitor. */
    public Mono<Plan> plan(String tenantId) {
        return storedPlan(tenantId).defaultIfEmpty(new Plan(defaults.maxSubjects()));
    }

    /** The plan an administrator stored for the tenant ({@code PUT /admin/plans/{tenant}}); empty when none was. */
    public Mono<Plan> storedPlan(String tenantId) {
        return store.maxSubjects(tenantId).map(Plan::new);
    }

    public Mono<Plan> setPlan(String tenantId, Plan plan) {
        return store.setMaxSubjects(tenantId, plan.maxSubjects(), clock.instant())
                .then(audit.record(
                        "monitor.plan.set", "tenant_plan", tenantId, Map.of("maxSubjects", plan.maxSubjects())))
                .thenReturn(plan);
    }

    /** A value and the version it was read at. */
    public record Versioned<T>(T value, long version) {}

    /** @param maxSubjects how many subjects the tenant may monitor at once */
    public record Plan(long maxSubjects) {}
}
