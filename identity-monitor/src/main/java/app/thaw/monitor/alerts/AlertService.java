package app.thaw.monitor.alerts;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import app.thaw.monitor.access.Roles;
import app.thaw.monitor.access.TenantNotFound;
import app.thaw.monitor.detection.Detection;
import app.thaw.monitor.detection.Severity;
import app.thaw.monitor.events.AlertEvents;
import app.thaw.monitor.ids.Ids;
import app.thaw.monitor.screening.AllowList;
import app.thaw.monitor.settings.TenantSettings;
import app.thaw.platform.audit.AuditLog;
import app.thaw.platform.events.ThawEvent;
import app.thaw.platform.events.Traceparents;
import app.thaw.platform.problem.ThawProblem;
import app.thaw.platform.security.Caller;
import app.thaw.platform.tenancy.TenantAccess;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Stores alerts and announces them. An open identity-misuse alert holds the subject's
 * {@code openKey} (unique), so concurrent detections for one subject can never open two alerts:
 * the loser of an insert race joins the winner's alert. {@code thaw.alert.raised} is recorded on the
 * alert document in the same write that makes it HIGH, then released to the outbox.
 */
@Service
public class AlertService {

    static final String EVENT_TYPE = "thaw.alert.raised";
    static final String SOURCE = "/thaw/identity-monitor";
    /** The "not a match" reason recorded when a sanctions hit is dismissed without one (pages word it themselves). */
    public static final String CLEARED_WITHOUT_REASON = "cleared as a false positive";

    private final Alerts store;
    private final AllowList allowList;
    private final AuditLog audit;
    private final TenantAccess tenants;
    private final Traceparents trace;
    private final Clock clock;

    AlertService(
            Alerts store, AllowList allowList, AuditLog audit, TenantAccess tenants, Traceparents trace, Clock clock) {
        this.store = store;
        this.tenants = tenants;
        this.allowList = allowList;
        this.audit = audit;
        this.trace = trace;
        this.clock = clock;
    }

    /** Files a subject's detections (in signal order) into its open alert, or a new one. */
    public Mono<Void> record(
            String tenantId,
            String subjectId,
            String subjectLabel,
            String subjectType,
            List<Detection> detections,
            TenantSettings settings) {
        return Flux.fromIterable(detections)
                .concatMap(detection -> recordOne(tenantId, subjectId, subjectLabel, subjectType, detection, settings))
                .then();
    }

    private Mono<Void> recordOne(
            String tenantId,
            String subjectId,
            String subjectLabel,
            String subjectType,
            Detection detection,
            TenantSettings settings) {
        String openKey = tenantId + "|" + subjectId + "|" + AlertKind.IDENTITY_MISUSE;
        return Mono.defer(() -> store.holding(tenantId, openKey)
                        .flatMap(open -> {
                            if (open.accepts(detection.at())) {
                                open.absorb(detection, settings.alertWindow(), settings.escalateAtDetectors());
                                return save(open, null);
                            }
                            // The window passed: the old alert keeps its history but no longer takes detections.
                            return store.letGo(tenantId, open.id(), open.version(), closedKey(open.id()))
                                    .then(Mono.<Saved>empty());
                        })
                        .switchIfEmpty(Mono.defer(() -> insert(
                                Alert.open(
                                        Ids.next("alr"),
                                        tenantId,
                                        subjectId,
                                        subjectLabel,
                                        subjectType,
                                        detection,
                                        settings.alertWindow(),
                                        settings.escalateAtDetectors()),
                                openKey))))
                .retryWhen(Retry.max(20)
                        .filter(failure -> failure instanceof OptimisticLockingFailureException
                                || failure instanceof DuplicateKeyException))
                .flatMap(this::release);
    }

    /** Raises a sanctions-hit alert unless this subject already has one for this entry; true when new. */
    public Mono<Boolean> raiseSanctionsHit(
            String tenantId, String subjectId, String subjectLabel, String subjectType, Alert.Sanction sanction) {
        String openKey = tenantId + "|" + subjectId + "|" + AlertKind.SANCTIONS_HIT + "|" + sanction.listEntryId();
        Alert alert = Alert.sanctionsHit(
                Ids.next("alr"), tenantId, subjectId, subjectLabel, subjectType, sanction, clock.instant());
        return insert(alert, openKey)
                .flatMap(this::release)
                .thenReturn(true)
                .onErrorResume(DuplicateKeyException.class, already -> Mono.just(false));
    }

    /** An alert written, and whether the write recorded an event to release. */
    private record Saved(String id, boolean raised) {}

    /** Moves the recorded event to the outbox; nothing to read when the write recorded none. */
    private Mono<Void> release(Saved saved) {
        return saved.raised() ? store.release(saved.id()) : Mono.empty();
    }

    private Mono<Saved> insert(Alert alert, String openKey) {
        boolean raise = alert.takeRaise();
        return store.insert(alert, openKey, raise ? List.of(raisedEvent(alert)) : List.of())
                .thenReturn(new Saved(alert.id(), raise));
    }

    /** Writes the alert if unchanged since read; {@code newOpenKey} only when the key changes (closing it). */
    private Mono<Saved> save(Alert alert, @Nullable String newOpenKey) {
        boolean raise = alert.takeRaise();
        return store.save(alert, newOpenKey, raise ? List.of(raisedEvent(alert)) : List.of())
                .thenReturn(new Saved(alert.id(), raise));
    }

    /** An alert of the caller's own tenant; 404 if that tenant has none with this id. */
    public Mono<Alert> get(Caller caller, String id) {
        return find(caller.tenantId(), id);
    }

    /**
     * An alert of the caller's tenant or, for Thaw's staff, of the tenant named by {@code tenantId}
     * (audited as {@code monitor.cross_tenant_read}); anyone else naming another tenant gets 404.
     */
    public Mono<Alert> get(Caller caller, @Nullable String tenantId, String id) {
        return tenantFor(caller, tenantId, false, () -> new AlertNotFound(id))
                .flatMap(tenant -> find(tenant, id)
                        .flatMap(alert -> acrossTenants(caller, tenant, "monitor.cross_tenant_read", id)
                                .thenReturn(alert)));
    }

    private Mono<Alert> find(String tenantId, String id) {
        return store.find(tenantId, id).switchIfEmpty(Mono.error(() -> new AlertNotFound(id)));
    }

    /**
     * The tenant a call works in: the caller's own when it names none or its own; another one as far
     * as the platform's {@link TenantAccess} lets the caller reach it (Thaw's staff; a partner bank
     * the tenant linked, to read only). For anyone else naming another tenant, {@code notFound}, as
     * for another tenant's object.
     */
    private Mono<String> tenantFor(
            Caller caller, @Nullable String tenantId, boolean write, Supplier<? extends ThawProblem> notFound) {
        if (tenantId == null || tenantId.isBlank() || tenantId.trim().equals(caller.tenantId())) {
            return Mono.just(caller.tenantId());
        }
        String named = tenantId.trim();
        return tenants.reach(caller, named).flatMap(reach -> switch (reach) {
            case OWN, STAFF -> Mono.just(named);
            case PARTNER ->
                write
                        ? Mono.error(new AccessDeniedException(
                                "A partner bank reads a linked tenant's alerts; it does not work them."))
                        : Mono.just(named);
            case NONE -> Mono.error(notFound.get());
        });
    }

    /** Audits an access to another tenant's alert in both tenants; nothing for the caller's own tenant. */
    private Mono<Void> acrossTenants(Caller caller, String tenantId, String action, String id) {
        return tenants.auditBothSides(
                caller, tenantId, action, "alert", id, Map.of("alertId", id, "alertTenant", tenantId));
    }

    /** The caller's tenant's alerts, newest first, optionally filtered. */
    public Flux<Alert> page(
            Caller caller,
            @Nullable AlertState state,
            @Nullable Severity severity,
            @Nullable AlertKind kind,
            @Nullable String subjectId,
            @Nullable String cursor,
            int limit) {
        return list(caller.tenantId(), state, severity, kind, subjectId, cursor, limit);
    }

    /**
     * The alerts of the caller's tenant or, for Thaw's staff, of the tenant named by {@code tenantId}
     * (each such list audited as {@code monitor.cross_tenant_list}); anyone else naming another tenant gets 404.
     */
    public Flux<Alert> page(
            Caller caller,
            @Nullable String tenantId,
            @Nullable AlertState state,
            @Nullable Severity severity,
            @Nullable AlertKind kind,
            @Nullable String subjectId,
            @Nullable String cursor,
            int limit) {
        return tenantFor(caller, tenantId, false, () -> new TenantNotFound(tenantId))
                .flatMapMany(tenant -> tenants.auditBothSides(
                                caller,
                                tenant,
                                "monitor.cross_tenant_list",
                                "alert",
                                "*",
                                Map.of("tenantFilter", tenant))
                        .thenMany(list(tenant, state, severity, kind, subjectId, cursor, limit)));
    }

    /**
     * For Thaw's staff, the tenants with alerts still open (new or acknowledged), to choose one on the
     * dashboard; empty for anyone else (they see only their own tenant). Audited as {@code monitor.alert_tenants_listed}.
     */
    public Flux<String> tenantsWithOpenAlerts(Caller caller) {
        if (!TenantAccess.staff(caller)) {
            return Flux.empty();
        }
        return audit.record("monitor.alert_tenants_listed", "alert", "*", Map.of())
                .thenMany(store.tenantsWith(List.of(AlertState.NEW, AlertState.ACKNOWLEDGED)))
                .sort()
                .take(200);
    }

    private Flux<Alert> list(
            String tenantId,
            @Nullable AlertState state,
            @Nullable Severity severity,
            @Nullable AlertKind kind,
            @Nullable String subjectId,
            @Nullable String cursor,
            int limit) {
        return store.list(tenantId, state, severity, kind, subjectId, cursor, limit);
    }

    /** Moves an alert of the caller's own tenant; see {@link #transition(Caller, String, String, long, AlertState, String)}. */
    public Mono<Alert> transition(Caller caller, String id, long version, AlertState wanted, @Nullable String reason) {
        return transition(caller, null, id, version, wanted, reason);
    }

    /**
     * Moves an alert to {@code wanted}, in the caller's tenant or, for Thaw's staff, in the tenant
     * named by {@code tenantId} (audited as {@code monitor.cross_tenant_write}; anyone else naming
     * another tenant gets 404). Dismissing a sanctions hit is a compliance decision and puts the
     * (subject, entry) pair on the alert's tenant's allow-list; escalating announces the alert, as
     * an event of the alert's tenant.
     */
    public Mono<Alert> transition(
            Caller caller,
            @Nullable String tenantId,
            String id,
            long version,
            AlertState wanted,
            @Nullable String reason) {
        // Another tenant's alert is audited once found, before any check: a refused move still read it.
        return tenantFor(caller, tenantId, true, () -> new AlertNotFound(id))
                .flatMap(tenant -> find(tenant, id)
                        .flatMap(alert -> acrossTenants(caller, tenant, "monitor.cross_tenant_write", id)
                                .then(Mono.defer(() -> move(caller, alert, version, wanted, reason)))));
    }

    private Mono<Alert> move(Caller caller, Alert alert, long version, AlertState wanted, @Nullable String reason) {
        String id = alert.id();
        if (alert.version() != version) {
            return Mono.error(new OptimisticLockingFailureException("alert " + id));
        }
        if (alert.kind() == AlertKind.SANCTIONS_HIT && wanted == AlertState.DISMISSED) {
            Roles.require(caller, Roles.COMPLIANCE);
        }
        alert.moveTo(wanted);
        // A closed identity alert gives up the subject's slot; a sanctions alert keeps its (subject, entry) key
        // unless it is dismissed: the "not a match" then holds while the entry stays as it was, and a changed
        // entry may raise a new alert.
        boolean notAMatch = alert.kind() == AlertKind.SANCTIONS_HIT && wanted == AlertState.DISMISSED;
        String openKey =
                alert.kind() == AlertKind.IDENTITY_MISUSE && !alert.state().isOpen() || notAMatch
                        ? closedKey(alert.id())
                        : null;
        // The decision is stored before the alert lets go of its key: a failure in between leaves the alert open, never
        // unguarded.
        Mono<Void> allow = notAMatch
                ? allowList
                        .decide(
                                alert.tenantId(),
                                alert.subjectId(),
                                alert.sanction().listEntryId(),
                                alert.sanction().entryFingerprint(),
                                AllowList.Decision.NOT_A_MATCH,
                                caller.subject(),
                                reason == null ? CLEARED_WITHOUT_REASON : reason,
                                List.of(),
                                alert.id())
                        .then()
                : Mono.empty();
        Map<String, Object> details = new LinkedHashMap<>();
        if (reason != null) {
            details.put("reason", reason);
        }
        if (!alert.tenantId().equals(caller.tenantId())) {
            details.put("alertTenant", alert.tenantId());
        }
        return allow.then(save(alert, openKey))
                .flatMap(this::release)
                .then(audit.record("monitor.alert." + wanted.name().toLowerCase(), "alert", id, details))
                .then(find(alert.tenantId(), id));
    }

    private ThawEvent raisedEvent(Alert alert) {
        Alert.Sanction sanction = alert.sanction();
        Instant now = clock.instant();
        AlertEvents.Raised raised = new AlertEvents.Raised(
                alert.id(),
                alert.subjectId(),
                alert.subjectLabel(),
                alert.subjectType(),
                alert.severity().name(),
                alert.primaryDetector(),
                alert.kind().name(),
                List.copyOf(alert.signalIds()),
                alert.count(),
                now,
                sanction == null ? null : sanction.listEntryId(),
                sanction == null ? null : sanction.score(),
                sanction == null ? null : sanction.matchedFields(),
                sanction == null ? null : sanction.listId(),
                sanction == null || sanction.listId() == null ? null : sanction.listVersion());
        // One raised event per alert: no sequence to keep.
        return ThawEvent.of(SOURCE, alert.id(), alert.tenantId(), now, null, trace.current(), raised);
    }

    static String closedKey(String alertId) {
        return "closed|" + alertId;
    }

    /** An erased subject's alerts stay (the tenant's record of what happened) but lose the subject's label. */
    public Mono<Void> forgetSubjectLabel(String tenantId, String subjectId) {
        return store.relabel(tenantId, subjectId, "[erased]");
    }

    /**
     * The standing screening decision of each sanctions-hit alert's (subject, entry), keyed by alert
     * id (alerts without one are absent): one query per tenant among the alerts.
     */
    public Mono<Map<String, AllowList.StoredDecision>> standingDecisions(List<Alert> page) {
        Map<String, List<Map.Entry<String, String>>> pairsByTenant = new LinkedHashMap<>();
        for (Alert alert : page) {
            Alert.Sanction sanction = alert.sanction();
            if (sanction != null) {
                pairsByTenant
                        .computeIfAbsent(alert.tenantId(), t -> new ArrayList<>())
                        .add(Map.entry(alert.subjectId(), sanction.listEntryId()));
            }
        }
        return Flux.fromIterable(pairsByTenant.entrySet())
                .concatMap(tenant -> allowList
                        .standing(tenant.getKey(), tenant.getValue())
                        .map(found -> Map.entry(tenant.getKey(), found)))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue)
                .map(byTenant -> {
                    Map<String, AllowList.StoredDecision> byAlert = new LinkedHashMap<>();
                    for (Alert alert : page) {
                        Alert.Sanction sanction = alert.sanction();
                        AllowList.StoredDecision decision = sanction == null
                                ? null
                                : byTenant.getOrDefault(alert.tenantId(), Map.of())
                                        .get(AllowList.pair(alert.subjectId(), sanction.listEntryId()));
                        if (decision != null) {
                            byAlert.put(alert.id(), decision);
                        }
                    }
                    return byAlert;
                });
    }
}
