package app.thaw.cases.casework;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.thaw.cases.access.CaseAccess;
import app.thaw.cases.checklist.ChecklistCatalogue;
import app.thaw.cases.incident.CaseId;
import app.thaw.cases.incident.Holder;
import app.thaw.cases.incident.IncidentCase;
import app.thaw.cases.incident.Notice;
import app.thaw.cases.incident.OpeningFacts;
import app.thaw.cases.incident.Scenario;
import app.thaw.cases.incident.TriageSuggestion;
import app.thaw.cases.playbook.Playbooks;
import app.thaw.cases.problems.CaseProblems;
import app.thaw.cases.tenant.CaseProperties;
import app.thaw.cases.tenant.TenantPolicies;
import app.thaw.cases.tenant.TenantPolicies.TenantContext;
import app.thaw.cases.triage.TriageEngine;
import app.thaw.platform.idempotency.IdempotentEffects;
import app.thaw.platform.plans.Quotas;
import app.thaw.platform.problem.NotFound;
import app.thaw.platform.problem.ThawProblem;
import app.thaw.platform.security.Caller;
import app.thaw.platform.security.CurrentCaller;
import app.thaw.platform.store.CursorPage;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * The application service every case endpoint and consumer goes through: it finds the case the
 * caller may touch, hands the domain the tenant's policy and calendar, and stores the result with
 * its events. Refusals of the domain leave here as problem documents.
 */
public class CaseService {

    /** A change of a case by a caller. */
    @FunctionalInterface
    public interface Change {
        void apply(IncidentCase c, TenantContext tenant, Instant now, String actor);
    }

    /** A change that must look something up first (e.g. the new scenario's playbook). */
    @FunctionalInterface
    public interface AsyncChange {
        Mono<Void> apply(IncidentCase c, TenantContext tenant, Instant now, String actor);
    }

    /** A change by the system (an event, a timer); answers whether anything changed. */
    @FunctionalInterface
    public interface SystemChange {
        boolean apply(IncidentCase c, TenantContext tenant, Instant now);
    }

    private final CaseStore store;
    private final Quotas quotas;
    /** The plan quota on cases opened in a month (thaw/plans.yaml, ADR 62); drills do not count. */
    public static final String CASES_QUOTA = "cases";

    private final TenantPolicies policies;
    private final TriageEngine triage;
    private final Playbooks playbooks;
    private final CaseAccess access;
    private final Clock clock;
    private final CaseProperties properties;

    public CaseService(
            CaseStore store,
            TenantPolicies policies,
            TriageEngine triage,
            Playbooks playbooks,
            CaseAccess access,
            Clock clock,
            CaseProperties properties,
            Quotas quotas) {
        this.quotas = quotas;
        this.store = store;
        this.policies = policies;
        this.triage = triage;
        this.playbooks = playbooks;
        this.access = access;
        this.clock = clock;
        this.properties = properties;
    }

    public TriageSuggestion suggest(String noticeText) {
        return triage.suggest(noticeText);
    }

    // ------------------------------------------------------------------ intake

    public Mono<IncidentCase> open(OpenCase command) {
        return CurrentCaller.get()
                .flatMap(caller -> {
                    CaseAccess.requireWriter(caller);
                    return access.opensIn(caller, command.onBehalfOfTenant())
                            .flatMap(opensIn -> once(
                                    "case",
                                    opensIn,
                                    id -> quotas.consume(opensIn, CASES_QUOTA, 1)
                                            .then(openFor(
                                                            opensIn,
                                                            CaseAccess.actor(caller),
                                                            command,
                                                            id,
                                                            null,
                                                            false,
                                                            null)
                                                    .onErrorResume(failure -> quotas.release(opensIn, CASES_QUOTA, 1)
                                                            .then(Mono.error(failure))))));
                })
                .onErrorMap(CaseProblems::translate);
    }

    /** Opens a drill: a simulated case of {@code scenario}, flagged as a drill everywhere. */
    public Mono<IncidentCase> openDrill(Scenario scenario, OpenCase command) {
        return CurrentCaller.get()
                .flatMap(caller -> {
                    CaseAccess.requireWriter(caller);
                    if (scenario.restricted() && !CaseAccess.seesRestricted(caller)) {
                        throw CaseProblems.forbidden("Only compliance officers may drill a COMPLIANCE_HOLD case.");
                    }
                    return once(
                            "drill",
                            caller.tenantId(),
                            id -> openFor(
                                    caller.tenantId(), CaseAccess.actor(caller), command, id, scenario, true, null));
                })
                .onErrorMap(CaseProblems::translate);
    }

    /**
     * Opens a case once per {@code Idempotency-Key} (ADR 54): the case id derives from the key, so a
     * request run again after its instance died (case written, key not yet completed) finds the case
     * the first run opened and answers with it. Without a key the id is random.
     */
    private Mono<IncidentCase> once(
            String kind, String tenantId, java.util.function.Function<CaseId, Mono<IncidentCase>> opening) {
        return IdempotentEffects.once(
                kind,
                () -> CaseId.random().value(),
                id -> store.find(tenantId, id),
                id -> opening.apply(new CaseId(id)));
    }

    /**
     * Logs a contact once per {@code Idempotency-Key} (ADR 56): the entry's id derives from the key,
     * so a request run again after its instance died (contact saved, key not yet completed) finds the
     * contact in the case and answers with the case as it is, whatever its version became since.
     */
    public Mono<IncidentCase> logContact(
            String id, @Nullable Long expectedVersion, java.util.function.Function<String, Change> logging) {
        return IdempotentEffects.once(
                "contact",
                () -> UUID.randomUUID().toString(),
                contactId -> get(id).filter(c ->
                        c.contacts().stream().anyMatch(contact -> contact.id().equals(contactId))),
                contactId -> change(id, expectedVersion, logging.apply(contactId)));
    }

    /**
     * Opens the case an alert calls for, once per alert: the case id derives from the tenant and
     * the alert id, so a repeated delivery finds the case already there.
     */
    public Mono<Boolean> openForAlert(String tenantId, String alertId, Scenario scenario, OpenCase command) {
        CaseId id = caseForAlert(tenantId, alertId);
        return store.find(tenantId, id.value())
                .hasElement()
                .flatMap(exists -> exists
                        ? Mono.just(false)
                        // An alert's case is opened whatever the quota (nobody to answer 429 to), and counted.
                        : openFor(tenantId, "identity-monitor", command, id, scenario, false, alertId)
                                .then(quotas.record(tenantId, CASES_QUOTA, 1))
                                .thenReturn(true)
                                .onErrorResume(DuplicateKeyException.class, again -> Mono.just(false)));
    }

    /** The id of the case an alert of {@code tenantId} opens (or would open): what the monitor's alert links to. */
    public static CaseId caseForAlert(String tenantId, String alertId) {
        return new CaseId(UUID.nameUUIDFromBytes((tenantId + "|alert|" + alertId).getBytes(StandardCharsets.UTF_8))
                .toString());
    }

    private Mono<IncidentCase> openFor(
            String tenant,
            String actor,
            OpenCase command,
            CaseId id,
            @Nullable Scenario forced,
            boolean drill,
            @Nullable String alertId) {
        Instant now = clock.instant();
        TriageSuggestion suggestion = triage.suggest(command.noticeText());
        Scenario scenario = IncidentCase.provisionalScenario(forced, suggestion);
        return policies.forTenant(tenant)
                .flatMap(context -> store.nextReference(tenant, now)
                        .zipWith(playbooks.current(tenant, scenario))
                        .map(found -> {
                            OpeningFacts facts = new OpeningFacts(
                                    tenant,
                                    found.getT1(),
                                    drill,
                                    new Holder(command.holderType(), command.holderName(), command.accountReference()),
                                    command.platform(),
                                    new Notice(command.noticeText(), command.noticeReference()),
                                    command.frozenAmount(),
                                    command.scope(),
                                    command.detectedAt() == null ? now : command.detectedAt(),
                                    forced,
                                    alertId,
                                    command.assignee());
                            return IncidentCase.open(
                                    id,
                                    facts,
                                    suggestion,
                                    found.getT2().plan(ChecklistCatalogue.derive(scenario, command.holderType())),
                                    context.policy(),
                                    context.calendar(),
                                    now,
                                    actor);
                        }))
                .flatMap(store::insert);
    }

    // ------------------------------------------------------------------ reading

    public Mono<IncidentCase> get(String id) {
        return CurrentCaller.get().flatMap(caller -> load(caller, id, false));
    }

    /**
     * The case as the caller may see it. The tenant is in the query: a merchant's or an insurer's read
     * names its own tenant, a partner bank's its own and its linked merchants'; only staff read by id
     * alone, as their role reaches every tenant. {@link CaseAccess} then checks the reach and audits it.
     */
    private Mono<IncidentCase> load(Caller caller, String id, boolean write) {
        Mono<IncidentCase> found = CaseAccess.staff(caller)
                ? store.findInAnyTenant(id)
                : access.tenants().partnerOf(caller).collectList().flatMap(merchants -> {
                    List<String> reached = new ArrayList<>(merchants);
                    reached.add(caller.tenantId());
                    return store.find(id, reached);
                });
        return found.switchIfEmpty(Mono.error(() -> new NotFound("case", id)))
                .flatMap(c -> access.check(caller, c, write));
    }

    /** A page of the queue (the platform's {@link CursorPage}; the cursor is a {@link CaseCursor}). */
    public Mono<CursorPage<IncidentCase>> list(CaseQuery q) {
        return CurrentCaller.get()
                .flatMap(caller -> {
                    int limit = pageSize(q.limit());
                    boolean staff = CaseAccess.staff(caller);
                    return access.tenants()
                            .partnerOf(caller)
                            .collectList()
                            .flatMap(merchants -> page(caller, q, limit, staff, merchants));
                })
                .onErrorMap(CaseProblems::translate);
    }

    private Mono<CursorPage<IncidentCase>> page(
            Caller caller, CaseQuery q, int limit, boolean staff, List<String> merchants) {
        CaseFilter filter = q.filter(caller, clock.instant(), properties.atRiskWindow(), merchants);
        CaseCursor after = q.cursor() == null ? null : CaseCursor.decode(q.cursor());
        Mono<Void> audited = staff && q.tenantId() != null && !q.tenantId().equals(caller.tenantId())
                        || staff && q.tenantId() == null
                ? auditList(caller, q)
                : !merchants.isEmpty() && !caller.tenantId().equals(q.tenantId())
                        ? access.auditLog().record("case.partner_list", "case", "*", Map.of("merchants", merchants))
                        : Mono.empty();
        return audited.then(store.list(filter, after, limit + 1).collectList().map(found -> page(found, limit)));
    }

    private static CursorPage<IncidentCase> page(List<IncidentCase> readOneMore, int limit) {
        return CursorPage.of(readOneMore, limit, CaseCursor::of);
    }

    /** The page size asked for, the service's default when none; outside 1..max is 400 on {@code limit}, rule {@code Range}. */
    private int pageSize(@Nullable Integer limit) {
        return CursorPage.Request.of(
                        null, limit == null ? properties.defaultPageSize() : limit, properties.maxPageSize())
                .limit();
    }

    private Mono<Void> auditList(Caller caller, CaseQuery q) {
        return access.auditStaffList(caller, q.tenantId(), Map.of());
    }

    /** The tenant's closed cases whose review mentions {@code text}, newest first. */
    public Mono<CursorPage<IncidentCase>> searchLibrary(String text, @Nullable String cursor, @Nullable Integer limit) {
        return CurrentCaller.get()
                .flatMap(caller -> {
                    int size = pageSize(limit);
                    CaseFilter filter = CaseFilter.ofTenant(caller.tenantId(), CaseAccess.seesRestricted(caller))
                            .closedMentioning(text);
                    return store.list(filter, cursor == null ? null : CaseCursor.decode(cursor), size + 1)
                            .collectList()
                            .map(found -> page(found, size));
                })
                .onErrorMap(CaseProblems::translate);
    }

    public Mono<TenantContext> tenantOf(IncidentCase c) {
        return policies.forTenant(c.tenantId());
    }

    // ------------------------------------------------------------------ changing

    /** Applies {@code change} to the case if the caller may change it and, when given, it is still at {@code expectedVersion}. */
    public Mono<IncidentCase> change(String id, @Nullable Long expectedVersion, Change change) {
        return changeAsync(
                id,
                expectedVersion,
                (c, tenant, now, actor) -> Mono.fromRunnable(() -> change.apply(c, tenant, now, actor)));
    }

    /**
     * As {@link #change}. A caller who named no version asked for no optimistic check: a write
     * that loses a race with another change (an event from another service, a timer) is applied
     * again to the case as it now is, instead of answering 409 for a conflict the caller never saw.
     */
    public Mono<IncidentCase> changeAsync(String id, @Nullable Long expectedVersion, AsyncChange change) {
        Mono<IncidentCase> once = CurrentCaller.get()
                .flatMap(caller -> load(caller, id, true).flatMap(c -> {
                    if (expectedVersion != null && expectedVersion != c.version()) {
                        return Mono.error(CaseProblems.versionConflict());
                    }
                    Instant now = clock.instant();
                    Instant storedNext = c.nextClockDueAt();
                    return policies.forTenant(c.tenantId())
                            .flatMap(tenant -> change.apply(c, tenant, now, CaseAccess.actor(caller))
                                    .then(Mono.defer(() -> store.save(c, storedNext))));
                }));
        Mono<IncidentCase> attempt = expectedVersion != null
                ? once
                // Each lost race means another write won, so n concurrent writers need up to n - 1 retries; 16
                // with a capped, jittered backoff holds for far more writers than one case sees, even on a loaded
                // machine (5 was exhausted by 8 writers under load).
                : Mono.defer(() -> once)
                        .retryWhen(Retry.backoff(16, java.time.Duration.ofMillis(10))
                                .maxBackoff(java.time.Duration.ofMillis(250))
                                .jitter(0.5)
                                .filter(CaseService::versionConflict)
                                .onRetryExhaustedThrow((spec, signal) -> signal.failure()));
        return attempt.onErrorMap(CaseProblems::translate);
    }

    /**
     * A change made by the system for {@code tenantId} (an event, a timer). A concurrent write is
     * retried on the fresh case; a case of another tenant, or none, is left alone.
     */
    public Mono<Boolean> changeAsSystem(String tenantId, String caseId, SystemChange change) {
        return Mono.defer(() -> store.find(tenantId, caseId)
                        .flatMap(c -> {
                            Instant storedNext = c.nextClockDueAt();
                            return policies.forTenant(tenantId)
                                    .flatMap(tenant -> change.apply(c, tenant, clock.instant())
                                            ? store.save(c, storedNext).thenReturn(true)
                                            : Mono.just(false));
                        })
                        .defaultIfEmpty(false))
                .retryWhen(Retry.max(10).filter(CaseService::versionConflict));
    }

    /** The case's deadline timer fired: breach what is due, then point the timer at the next deadline. */
    public Mono<Void> deadlinesPassed(String tenantId, String caseId, Instant firedAt) {
        return changeAsSystem(tenantId, caseId, (c, tenant, now) -> c.deadlinesPassed(firedAt))
                .then(store.rearm(caseId));
    }

    private static boolean versionConflict(Throwable failure) {
        return failure instanceof ThawProblem problem && problem.code().equals("version_conflict");
    }

    public Instant now() {
        return clock.instant();
    }
}
