package app.thaw.monitor.subscription;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import app.thaw.monitor.metering.UsageMeter;
import app.thaw.monitor.settings.SettingsService;
import app.thaw.platform.audit.AuditLog;
import app.thaw.platform.events.ServiceTokens;
import app.thaw.platform.events.ThawEvent;
import app.thaw.platform.plans.SubscriptionEvents;
import app.thaw.platform.problem.FieldViolation;
import app.thaw.platform.problem.ThawProblem;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * A tenant's subscription: its plan of the catalogue (set by platform admins, audited; else the
 * configured default), the quotas it gives, this month's usage of what this service meters, and
 * the check that refuses past a quota with 429 {@code quota_exceeded}.
 */
public class SubscriptionService {

    static final String SOURCE = "/thaw/identity-monitor";
    private static final Logger log = LoggerFactory.getLogger(SubscriptionService.class);
    private static final java.time.Duration USAGE_TIMEOUT = java.time.Duration.ofSeconds(5);

    private final Subscriptions store;
    private final PlanCatalogue catalogue;
    private final SubscriptionProperties properties;
    private final UsageMeter meter;
    private final SettingsService settings;
    private final AuditLog audit;
    private final Clock clock;
    private final WebClient usageClient;
    private final ServiceTokens tokens;

    /** How long a quota check trusts a tenant's plan as read (a change on this instance is seen at once). */
    static final java.time.Duration RECENT_PLAN_TTL = java.time.Duration.ofSeconds(5);

    /** Plans as read for quota checks, so a check on every request costs no store read. */
    private final com.github.benmanes.caffeine.cache.Cache<String, Mono<Plan>> recentPlans =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder()
                    .expireAfterWrite(RECENT_PLAN_TTL)
                    .maximumSize(10_000)
                    .build();

    public SubscriptionService(
            Subscriptions store,
            PlanCatalogue catalogue,
            SubscriptionProperties properties,
            UsageMeter meter,
            SettingsService settings,
            AuditLog audit,
            Clock clock,
            WebClient.Builder webClients,
            ServiceTokens tokens) {
        this.usageClient = webClients.build();
        this.tokens = tokens;
        this.store = store;
        this.catalogue = catalogue;
        this.properties = properties;
        this.meter = meter;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
        for (String code : properties.tenants().values()) {
            catalogue
                    .plan(code)
                    .orElseThrow(
                            () -> new IllegalStateException("thaw.monitor.subscription.tenants names no plan " + code));
        }
        catalogue
                .plan(properties.defaultPlan())
                .orElseThrow(() -> new IllegalStateException(
                        "thaw.monitor.subscription.default-plan names no plan " + properties.defaultPlan()));
    }

    /** The tenant's plan. */
    public Mono<Plan> planOf(String tenantId) {
        return store.storedPlan(tenantId)
                .defaultIfEmpty(configuredPlan(tenantId))
                .map(code -> catalogue.plan(code).orElseThrow());
    }

    private String configuredPlan(String tenantId) {
        return properties.tenants().getOrDefault(tenantId, properties.defaultPlan());
    }

    /**
     * The plan in force at {@code at}: the last change made by then ({@code history}), else the
     * configured one. A statement bills the plan in force at the end of its month (ADR 63).
     */
    public Mono<Plan> planAt(String tenantId, Instant at) {
        return store.history(tenantId)
                .mapNotNull(history -> {
                    String inForce = null;
                    for (Subscriptions.PlanChange change : history) {
                        if (!change.since().isAfter(at)) {
                            inForce = change.plan();
                        }
                    }
                    return inForce;
                })
                .defaultIfEmpty(configuredPlan(tenantId))
                .map(code -> catalogue.plan(code).orElseThrow());
    }

    /** Platform admins record which partner referred a tenant (issue 20's referrals); audited. */
    public Mono<Void> refer(String tenantId, String referredBy) {
        if (referredBy.equals(tenantId)) {
            throw new ThawProblem(
                    HttpStatus.BAD_REQUEST,
                    "validation_failed",
                    "The field 'referredBy' is invalid: a tenant does not refer itself.",
                    Map.of(
                            "errors",
                            List.of(new FieldViolation(
                                    "referredBy", "NotOwnTenant", "a tenant does not refer itself"))),
                    null);
        }
        return referredBy(tenantId)
                .defaultIfEmpty("")
                .flatMap(before -> store.setReferral(tenantId, referredBy, clock.instant())
                        .then(audit.record(
                                "subscription.referral_set",
                                "tenant",
                                tenantId,
                                Map.of("from", before, "to", referredBy))));
    }

    /** The partner that referred the tenant, if any. */
    public Mono<String> referredBy(String tenantId) {
        return store.referredBy(tenantId);
    }

    /** The tenants {@code partnerTenantId} referred, by id. */
    public reactor.core.publisher.Flux<String> referredTo(String partnerTenantId) {
        return store.referredTo(partnerTenantId);
    }

    /** Platform admins set the share of its referred subscribers' fees a partner earns (0 to 1); audited. */
    public Mono<java.math.BigDecimal> setShareRate(String partnerTenantId, java.math.BigDecimal rate) {
        if (rate.signum() < 0 || rate.compareTo(java.math.BigDecimal.ONE) > 0 || rate.scale() > 4) {
            throw new ThawProblem(
                    HttpStatus.BAD_REQUEST,
                    "validation_failed",
                    "The field 'shareRate' is invalid: must be from 0 to 1, at most 4 places.",
                    Map.of(
                            "errors",
                            List.of(new FieldViolation(
                                    "shareRate", "Range", "must be from 0 to 1 with at most 4 decimal places"))),
                    null);
        }
        return shareRate(partnerTenantId)
                .flatMap(before -> store.setShareRate(partnerTenantId, rate.toPlainString(), clock.instant())
                        .then(audit.record(
                                "subscription.share_rate_set",
                                "tenant",
                                partnerTenantId,
                                Map.of("from", before.toPlainString(), "to", rate.toPlainString()))))
                .thenReturn(rate);
    }

    /** The partner's share rate; 0 until an admin sets one. */
    public Mono<java.math.BigDecimal> shareRate(String partnerTenantId) {
        return store.shareRate(partnerTenantId)
                .map(java.math.BigDecimal::new)
                .defaultIfEmpty(java.math.BigDecimal.ZERO);
    }

    /**
     * Platform admins move a tenant to another plan of the catalogue; audited, and published as
     * {@code thaw.subscription.changed} (with the change, through the outbox) so every service
     * enforces the new plan's quotas (ADR 62).
     */
    public Mono<Plan> change(String tenantId, String planCode, String by) {
        Plan plan = catalogue
                .plan(planCode)
                .orElseThrow(() -> new ThawProblem(
                        HttpStatus.BAD_REQUEST,
                        "validation_failed",
                        "The field 'plan' is invalid: must be one of " + catalogue.codes(),
                        Map.of(
                                "errors",
                                List.of(new FieldViolation("plan", "OneOf", "must be one of " + catalogue.codes()))),
                        null));
        return planOf(tenantId)
                .flatMap(before -> store.sequence(tenantId)
                        .flatMap(sequence -> {
                            Instant now = clock.instant();
                            long next = sequence + 1;
                            ThawEvent event = ThawEvent.of(
                                    SOURCE,
                                    tenantId,
                                    tenantId,
                                    now,
                                    next,
                                    null,
                                    new SubscriptionEvents.Changed(tenantId, plan.code(), next, now, by));
                            return store.changePlan(tenantId, plan.code(), now, next, event)
                                    .doFinally(signal -> recentPlans.invalidate(tenantId));
                        })
                        .then(audit.record(
                                "subscription.plan_changed",
                                "tenant",
                                tenantId,
                                Map.of("from", before.code(), "to", plan.code()))))
                .thenReturn(plan);
    }

    /** How many subjects the tenant may monitor at once: an admin's override of {@code maxSubjects}, else its plan's. */
    public Mono<Long> subjectLimit(String tenantId) {
        return settings.storedPlan(tenantId)
                .map(SettingsService.Plan::maxSubjects)
                .switchIfEmpty(Mono.defer(() -> planOf(tenantId)
                        .map(plan -> plan.limit(MeteredItem.MONITORED_SUBJECTS).orElse(Long.MAX_VALUE))));
    }

    /** Takes one unit of the tenant's subject limit for an enrolment; false when all {@code limit} are in use. */
    public Mono<Boolean> reserveSubject(String tenantId, long limit) {
        return store.reserveSubject(tenantId, limit);
    }

    /** Gives one unit of the subject limit back: a subject erased, or an enrolment that failed after reserving. */
    public Mono<Void> releaseSubject(String tenantId) {
        return store.releaseSubject(tenantId);
    }

    /** Completes if the tenant may use {@code adding} more of {@code item} this month; else 429 {@code quota_exceeded}. */
    public Mono<Void> requireWithin(String tenantId, MeteredItem item, long adding) {
        Instant now = clock.instant();
        YearMonth month = YearMonth.from(now.atOffset(ZoneOffset.UTC));
        // Checked on every screening and signal: the plan and the stored usage as read at most a few seconds ago
        // (this instance's own counts are all in it), not two store reads per request.
        Mono<Optional<Long>> used = switch (item) {
            case SIGNALS -> meter.recentUsage(tenantId, month).map(usage -> Optional.of(usage.signals()));
            case SCREENINGS -> meter.recentUsage(tenantId, month).map(usage -> Optional.of(usage.screenings()));
            default -> used(tenantId, item, month, Map.of());
        };
        Mono<Plan> plan = recentPlans.get(
                tenantId,
                tenant -> planOf(tenant)
                        .cache(
                                value -> RECENT_PLAN_TTL,
                                failure -> java.time.Duration.ZERO,
                                () -> java.time.Duration.ZERO));
        return Mono.zip(plan, used)
                .flatMap(
                        found -> Quotas.check(found.getT1(), item, found.getT2().orElse(0L), adding, now)
                                .<Mono<Void>>map(Mono::error)
                                .orElse(Mono.empty()));
    }

    /**
     * The tenant's subscription now: plan, and per item its limit, this month's use and reset. The
     * use of another service's item is that service's answer to {@code /internal/usage} (one call per
     * service); null when it does not answer.
     */
    public Mono<View> view(String tenantId) {
        Instant now = clock.instant();
        YearMonth month = YearMonth.from(now.atOffset(ZoneOffset.UTC));
        return planOf(tenantId)
                .flatMap(plan -> usage(tenantId, plan, month)
                        .map(quotas -> new View(
                                tenantId,
                                plan.code(),
                                plan.name(),
                                plan.features(),
                                month.toString(),
                                Quotas.resetsAt(month),
                                quotas)));
    }

    /**
     * Per item: the plan's limit and the tenant's use in {@code month}, this service's own or as the
     * service that meters it answers (one call per service; null when it does not answer).
     */
    public Mono<List<Quota>> usage(String tenantId, Plan plan, YearMonth month) {
        Map<String, Mono<Map<String, Long>>> remote = new java.util.HashMap<>();
        properties
                .usageSources()
                .forEach((service, url) -> remote.put(
                        service, remoteUsage(service, url, tenantId, month).cache()));
        return reactor.core.publisher.Flux.fromArray(MeteredItem.values())
                .concatMap(item -> Mono.zip(limit(tenantId, plan, item), used(tenantId, item, month, remote))
                        .map(found -> new Quota(
                                item.key(),
                                found.getT1().orElse(null),
                                found.getT2().orElse(null),
                                item.meteredBy())))
                .collectList();
    }

    private Mono<Optional<Long>> limit(String tenantId, Plan plan, MeteredItem item) {
        return item == MeteredItem.MONITORED_SUBJECTS
                ? subjectLimit(tenantId).map(Optional::of)
                : Mono.just(plan.limit(item));
    }

    /** This month's use of an item: this service's own, or what the service that meters it answered (empty: no answer). */
    private Mono<Optional<Long>> used(
            String tenantId, MeteredItem item, YearMonth month, Map<String, Mono<Map<String, Long>>> remote) {
        return switch (item) {
            case SIGNALS -> meter.usage(tenantId, month).map(usage -> Optional.of(usage.signals()));
            case SCREENINGS -> meter.usage(tenantId, month).map(usage -> Optional.of(usage.screenings()));
            case MONITORED_SUBJECTS -> store.activeSubjects(tenantId).map(Optional::of);
            default ->
                remote.getOrDefault(item.meteredBy(), Mono.empty())
                        // The service answers what it counted; an item it has not counted this month is 0.
                        .map(used -> Optional.of(used.getOrDefault(item.key(), 0L)))
                        .defaultIfEmpty(Optional.empty());
        };
    }

    /** A service's metered use of the tenant in the month ({@code GET /internal/usage/{tenant}}); empty when it does not answer. */
    private Mono<Map<String, Long>> remoteUsage(String service, java.net.URI base, String tenantId, YearMonth month) {
        return tokens.token()
                .flatMap(token -> usageClient
                        .get()
                        .uri(
                                base.toString().replaceAll("/+$", "") + "/internal/usage/{tenant}?month={month}",
                                tenantId,
                                month.toString())
                        .headers(headers -> headers.setBearerAuth(token))
                        .retrieve()
                        .bodyToMono(Map.class))
                .timeout(USAGE_TIMEOUT)
                .map(answer -> {
                    Map<String, Long> used = new java.util.HashMap<>();
                    if (answer.get("used") instanceof Map<?, ?> counts) {
                        counts.forEach((key, value) -> {
                            if (value instanceof Number number) {
                                used.put(String.valueOf(key), number.longValue());
                            }
                        });
                    }
                    return used;
                })
                .onErrorResume(failure -> {
                    log.warn("No usage from {} for tenant {}: {}", service, tenantId, failure.toString());
                    return Mono.empty();
                });
    }

    /**
     * @param limit a month's limit (monitored subjects: at once); null when unlimited
     * @param used  this month's use; null where another service meters the item and does not report it here yet
     */
    public record Quota(
            String item, @Nullable Long limit, @Nullable Long used, String meteredBy) {}

    public record View(
            String tenantId,
            String plan,
            Map<String, String> planName,
            List<String> features,
            String month,
            Instant resetsAt,
            List<Quota> quotas) {

        public View {
            quotas = new ArrayList<>(quotas);
        }
    }
}
