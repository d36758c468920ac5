package app.thaw.monitor.rules;

import java.time.Clock;
import java.util.Map;

import app.thaw.monitor.detection.Severity;
import app.thaw.monitor.ids.Ids;
import app.thaw.platform.audit.AuditLog;
import app.thaw.platform.idempotency.IdempotentEffects;
import app.thaw.platform.security.Caller;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
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

    private final StoredRules store;
    private final RulesProperties properties;
    private final CelRules cel;
    private final AuditLog audit;
    private final Clock clock;
    private final Cache<String, Mono<TenantRules>> cache;

    RuleService(StoredRules store, RulesProperties properties, AuditLog audit, Clock clock) {
        this.store = store;
        this.properties = properties;
        this.cel = new CelRules(properties.maxIterations());
        this.cel.warmUp();
        this.audit = audit;
        this.clock = clock;
        this.cache = Caffeine.newBuilder()
                .expireAfterWrite(properties.cacheTtl())
                .maximumSize(10_000)
                .build();
    }

    /** The tenant's enabled rules, compiled. */
    public Mono<TenantRules> rulesFor(String tenantId) {
        return cache.get(
                tenantId,
                tenant -> store.enabled(tenant)
                        .map(rule -> new TenantRules.Compiled(
                                rule.id(), rule.name(), rule.severity(), cel.compile(rule.expression())))
                        .collectList()
                        .map(compiled -> compiled.isEmpty() ? TenantRules.NONE : new TenantRules(compiled))
                        .cache());
    }

    public Flux<Rule> list(Caller caller) {
        return store.list(caller.tenantId(), properties.maxRules());
    }

    public Mono<Rule> get(Caller caller, String id) {
        return store.find(caller.tenantId(), id).switchIfEmpty(Mono.error(() -> new RuleNotFound(id)));
    }

    public Mono<Rule> create(Caller caller, String name, String expression, Severity severity, boolean enabled) {
        validate(expression);
        // Once per Idempotency-Key (ADR 56): a run repeated after a crash finds the rule the first run added.
        return IdempotentEffects.once(
                "rule",
                () -> Ids.next("rule"),
                key -> Ids.keyed("rule", key),
                id -> store.find(caller.tenantId(), id),
                id -> create(caller, new Rule(id, name, expression, severity, enabled, 1, clock.instant())));
    }

    private Mono<Rule> create(Caller caller, Rule rule) {
        return store.count(caller.tenantId())
                .flatMap(count -> count >= properties.maxRules()
                        ? Mono.error(new RuleLimitReached(properties.maxRules()))
                        : store.insert(caller.tenantId(), rule))
                .then(changed(caller, "monitor.rule.created", rule.id()))
                .thenReturn(rule);
    }

    public Mono<Rule> replace(
            Caller caller,
            String id,
            long version,
            String name,
            String expression,
            Severity severity,
            boolean enabled) {
        validate(expression);
        return get(caller, id)
                .flatMap(current -> store.replace(
                        caller.tenantId(), id, version, name, expression, severity, enabled, clock.instant()))
                .then(changed(caller, "monitor.rule.replaced", id))
                .then(get(caller, id));
    }

    public Mono<Void> delete(Caller caller, String id) {
        return store.delete(caller.tenantId(), id)
                .flatMap(deleted ->
                        deleted ? changed(caller, "monitor.rule.deleted", id) : Mono.error(new RuleNotFound(id)));
    }

    private void validate(String expression) {
        if (expression.length() > properties.maxLength()) {
            throw new RuleInvalid(new RuleError(
                    RuleError.Kind.TOO_LONG,
                    1,
                    properties.maxLength() + 1,
                    String.valueOf(properties.maxLength()),
                    "",
                    "must be at most " + properties.maxLength() + " characters"));
        }
        cel.compile(expression);
    }

    private Mono<Void> changed(Caller caller, String action, String id) {
        cache.invalidate(caller.tenantId());
        return audit.record(action, "rule", id, Map.of());
    }
}
