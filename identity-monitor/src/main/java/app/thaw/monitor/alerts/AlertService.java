package app.thaw.monitor.alerts;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import app.thaw.monitor.detection.Detection;
import app.thaw.monitor.detection.Severity;
import app.thaw.monitor.screening.AllowList;
import app.thaw.monitor.settings.TenantSettings;
import app.thaw.monitor.support.Roles;
import app.thaw.monitor.support.TenantNotFound;
import app.thaw.monitor.events.AlertEvents;
import app.thaw.platform.events.Traceparents;
import app.thaw.platform.audit.AuditLog;
import app.thaw.platform.events.EventOutbox;
import app.thaw.platform.events.ThawEvent;
import app.thaw.platform.problem.ThawProblem;
import app.thaw.platform.security.Caller;
import org.bson.Document;
import app.thaw.monitor.support.Ids;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
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
import reactor.util.retry.Retry;

/**
 * Stores alerts and announces them. An open identity-misuse alert holds the subject's
 * {@code openKey} (unique), so concurrent detections for one subject can never open two alerts:
 * the loser of an insert race joins the winner's alert. {@code thaw.alert.raised} is recorded on the
 * alert document in the same write that makes it HIGH, then released to the outbox.
 */
@Service
public class AlertService {

    public static final String ALERTS = "alerts";
    static final String EVENT_TYPE = "thaw.alert.raised";
    static final String SOURCE = "/thaw/identity-monitor";

    private final ReactiveMongoTemplate mongo;
    private final EventOutbox outbox;
    private final AllowList allowList;
    private final AuditLog audit;
    private final Traceparents trace;
    private final Clock clock;

    AlertService(ReactiveMongoTemplate mongo, EventOutbox outbox, AllowList allowList, AuditLog audit, Traceparents trace,
                 Clock clock) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.allowList = allowList;
        this.audit = audit;
        this.trace = trace;
        this.clock = clock;
    }

    public Mono<Void> createIndexes() {
        return mongo.indexOps(ALERTS).createIndex(new Index().on("openKey", Sort.Direction.ASC).unique())
                .then(mongo.indexOps(ALERTS).createIndex(new Index().on("tenantId", Sort.Direction.ASC).on("_id", Sort.Direction.DESC)))
                .then(outbox.watch(ALERTS));
    }

    /** Files a subject's detections (in signal order) into its open alert, or a new one. */
    public Mono<Void> record(String tenantId, String subjectId, String subjectLabel, String subjectType,
                             List<Detection> detections, TenantSettings settings) {
        return Flux.fromIterable(detections)
                .concatMap(detection -> recordOne(tenantId, subjectId, subjectLabel, subjectType, detection, settings))
                .then();
    }

    private Mono<Void> recordOne(String tenantId, String subjectId, String subjectLabel, String subjectType, Detection detection,
                                 TenantSettings settings) {
        String openKey = tenantId + "|" + subjectId + "|" + AlertKind.IDENTITY_MISUSE;
        return Mono.defer(() -> mongo.findOne(Query.query(Criteria.where("openKey").is(openKey)), Document.class, ALERTS)
                        .map(AlertService::fromDocument)
                        .flatMap(open -> {
                            if (open.accepts(detection.at())) {
                                open.absorb(detection, settings.alertWindow(), settings.escalateAtDetectors());
                                return save(open, null);
                            }
                            // The window passed: the old alert keeps its history but no longer takes detections.
                            return mongo.updateFirst(Query.query(Criteria.where("_id").is(open.id()).and("version").is(open.version())),
                                            new Update().set("openKey", closedKey(open.id())).inc("version", 1L), ALERTS)
                                    .then(Mono.<Saved>empty());
                        })
                        .switchIfEmpty(Mono.defer(() -> insert(Alert.open(Ids.next("alr"), tenantId, subjectId,
                                subjectLabel, subjectType, detection, settings.alertWindow(), settings.escalateAtDetectors()), openKey))))
                .retryWhen(Retry.max(20).filter(failure -> failure instanceof OptimisticLockingFailureException
                        || failure instanceof DuplicateKeyException))
                .flatMap(this::release);
    }

    /** Raises a sanctions-hit alert unless this subject already has one for this entry; true when new. */
    public Mono<Boolean> raiseSanctionsHit(String tenantId, String subjectId, String subjectLabel, String subjectType,
                                           Alert.Sanction sanction) {
        String openKey = tenantId + "|" + subjectId + "|" + AlertKind.SANCTIONS_HIT + "|" + sanction.listEntryId();
        Alert alert = Alert.sanctionsHit(Ids.next("alr"), tenantId, subjectId, subjectLabel, subjectType, sanction,
                clock.instant());
        return insert(alert, openKey)
                .flatMap(this::release).thenReturn(true)
                .onErrorResume(DuplicateKeyException.class, already -> Mono.just(false));
    }

    /** An alert written, and whether the write recorded an event to release. */
    private record Saved(String id, boolean raised) {
    }

    /** Moves the recorded event to the outbox; nothing to read when the write recorded none. */
    private Mono<Void> release(Saved saved) {
        return saved.raised() ? outbox.release(ALERTS, saved.id()).then() : Mono.empty();
    }

    private Mono<Saved> insert(Alert alert, String openKey) {
        boolean raise = alert.takeRaise();
        Document doc = toDocument(alert, openKey).append("version", 1L);
        if (raise) {
            doc.append(EventOutbox.PENDING_EVENTS, EventOutbox.pending(List.of(raisedEvent(alert))));
        }
        return mongo.insert(doc, ALERTS).thenReturn(new Saved(alert.id(), raise));
    }

    /** Writes the alert if unchanged since read; {@code newOpenKey} only when the key changes (closing it). */
    private Mono<Saved> save(Alert alert, @Nullable String newOpenKey) {
        boolean raise = alert.takeRaise();
        Document doc = toDocument(alert, newOpenKey == null ? "" : newOpenKey);
        if (newOpenKey == null) {
            // Rewriting a unique key with its own value is not always a no-op for the embedded store.
            doc.remove("openKey");
        }
        Update update = new Update();
        doc.forEach((key, value) -> {
            if (!key.equals("_id")) {
                update.set(key, value);
            }
        });
        update.set("version", alert.version() + 1);
        if (raise) {
            EventOutbox.record(update, List.of(raisedEvent(alert)));
        }
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(alert.id()).and("version").is(alert.version())), update, ALERTS)
                .flatMap(result -> result.getModifiedCount() == 1 ? Mono.just(new Saved(alert.id(), raise))
                        : Mono.error(new OptimisticLockingFailureException("alert " + alert.id())));
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
        return tenantFor(caller, tenantId, () -> new AlertNotFound(id))
                .flatMap(tenant -> find(tenant, id).flatMap(alert -> acrossTenants(caller, tenant, "monitor.cross_tenant_read", id)
                        .thenReturn(alert)));
    }

    private Mono<Alert> find(String tenantId, String id) {
        return mongo.findOne(Query.query(Criteria.where("_id").is(id).and("tenantId").is(tenantId)), Document.class, ALERTS)
                .map(AlertService::fromDocument)
                .switchIfEmpty(Mono.error(() -> new AlertNotFound(id)));
    }

    /**
     * The tenant a call works in: the caller's own when it names none or its own; the named one for
     * Thaw's staff; for anyone else naming another tenant, {@code notFound} (as for another tenant's object).
     */
    private static Mono<String> tenantFor(Caller caller, @Nullable String tenantId, Supplier<? extends ThawProblem> notFound) {
        if (tenantId == null || tenantId.isBlank() || tenantId.trim().equals(caller.tenantId())) {
            return Mono.just(caller.tenantId());
        }
        return Roles.staff(caller) ? Mono.just(tenantId.trim()) : Mono.error(notFound);
    }

    /** Audits a staff member's access to another tenant's alert; nothing for the caller's own tenant. */
    private Mono<Void> acrossTenants(Caller caller, String tenantId, String action, String id) {
        return tenantId.equals(caller.tenantId()) ? Mono.empty()
                : audit.record(action, "alert", id, Map.of("alertId", id, "alertTenant", tenantId));
    }

    /** The caller's tenant's alerts, newest first, optionally filtered. */
    public Flux<Alert> page(Caller caller, @Nullable AlertState state, @Nullable Severity severity, @Nullable AlertKind kind,
                            @Nullable String subjectId, @Nullable String cursor, int limit) {
        return list(caller.tenantId(), state, severity, kind, subjectId, cursor, limit);
    }

    /**
     * The alerts of the caller's tenant or, for Thaw's staff, of the tenant named by {@code tenantId}
     * (each such list audited as {@code monitor.cross_tenant_list}); anyone else naming another tenant gets 404.
     */
    public Flux<Alert> page(Caller caller, @Nullable String tenantId, @Nullable AlertState state, @Nullable Severity severity,
                            @Nullable AlertKind kind, @Nullable String subjectId, @Nullable String cursor, int limit) {
        return tenantFor(caller, tenantId, () -> new TenantNotFound(tenantId))
                .flatMapMany(tenant -> (tenant.equals(caller.tenantId()) ? Mono.<Void>empty()
                        : audit.record("monitor.cross_tenant_list", "alert", "*", Map.of("tenantFilter", tenant)))
                        .thenMany(list(tenant, state, severity, kind, subjectId, cursor, limit)));
    }

    /**
     * For Thaw's staff, the tenants with alerts still open (new or acknowledged), to choose one on the
     * dashboard; empty for anyone else (they see only their own tenant). Audited as {@code monitor.alert_tenants_listed}.
     */
    public Flux<String> tenantsWithOpenAlerts(Caller caller) {
        if (!caller.hasAnyRole(app.thaw.monitor.support.Roles.STAFF)) {
            return Flux.empty();
        }
        Query open = Query.query(Criteria.where("state").in(AlertState.NEW.name(), AlertState.ACKNOWLEDGED.name()));
        return audit.record("monitor.alert_tenants_listed", "alert", "*", Map.of())
                .thenMany(mongo.findDistinct(open, "tenantId", ALERTS, String.class)).sort().take(200);
    }

    private Flux<Alert> list(String tenantId, @Nullable AlertState state, @Nullable Severity severity, @Nullable AlertKind kind,
                             @Nullable String subjectId, @Nullable String cursor, int limit) {
        Criteria criteria = Criteria.where("tenantId").is(tenantId);
        if (state != null) {
            criteria = criteria.and("state").is(state.name());
        }
        if (severity != null) {
            criteria = criteria.and("severity").is(severity.name());
        }
        if (kind != null) {
            criteria = criteria.and("kind").is(kind.name());
        }
        if (subjectId != null) {
            criteria = criteria.and("subjectId").is(subjectId);
        }
        if (cursor != null) {
            criteria = criteria.and("_id").lt(cursor);
        }
        return mongo.find(Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "_id")).limit(limit), Document.class, ALERTS)
                .map(AlertService::fromDocument);
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
    public Mono<Alert> transition(Caller caller, @Nullable String tenantId, String id, long version, AlertState wanted,
                                  @Nullable String reason) {
        // Another tenant's alert is audited once found, before any check: a refused move still read it.
        return tenantFor(caller, tenantId, () -> new AlertNotFound(id)).flatMap(tenant -> find(tenant, id)
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
        String openKey = alert.kind() == AlertKind.IDENTITY_MISUSE && !alert.state().isOpen() || notAMatch ? closedKey(alert.id()) : null;
        // The decision is stored before the alert lets go of its key: a failure in between leaves the alert open, never unguarded.
        Mono<Void> allow = notAMatch
                ? allowList.decide(alert.tenantId(), alert.subjectId(), alert.sanction().listEntryId(), alert.sanction().entryFingerprint(),
                AllowList.Decision.NOT_A_MATCH, caller.subject(), reason == null ? "cleared as a false positive" : reason, List.of(),
                alert.id()).then()
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
        AlertEvents.Raised raised = new AlertEvents.Raised(alert.id(), alert.subjectId(), alert.subjectLabel(), alert.subjectType(),
                alert.severity().name(), alert.primaryDetector(), alert.kind().name(), List.copyOf(alert.signalIds()), alert.count(), now,
                sanction == null ? null : sanction.listEntryId(), sanction == null ? null : sanction.score(),
                sanction == null ? null : sanction.matchedFields(), sanction == null ? null : sanction.listId(),
                sanction == null || sanction.listId() == null ? null : sanction.listVersion());
        // One raised event per alert: no sequence to keep.
        return ThawEvent.of(SOURCE, alert.id(), alert.tenantId(), now, null, trace.current(), raised);
    }

    static String closedKey(String alertId) {
        return "closed|" + alertId;
    }

    static Document toDocument(Alert alert, String openKey) {
        Document doc = new Document("_id", alert.id()).append("tenantId", alert.tenantId()).append("subjectId", alert.subjectId())
                .append("subjectLabel", alert.subjectLabel()).append("subjectType", alert.subjectType())
                .append("kind", alert.kind().name()).append("state", alert.state().name()).append("severity", alert.severity().name())
                .append("detectors", new Document(new LinkedHashMap<String, Object>(alert.detectorsInOrder())))
                .append("signalIds", alert.signalIds()).append("count", alert.count())
                .append("firstAt", Date.from(alert.firstAt())).append("lastAt", Date.from(alert.lastAt()))
                .append("windowEndsAt", Date.from(alert.windowEndsAt())).append("raised", alert.raised())
                .append("reasons", alert.reasons()).append("openKey", openKey);
        Alert.Sanction sanction = alert.sanction();
        if (sanction != null) {
            doc.append("sanction", new Document("listEntryId", sanction.listEntryId()).append("listName", sanction.listName())
                    .append("matchedName", sanction.matchedName()).append("score", sanction.score())
                    .append("matchedFields", sanction.matchedFields()).append("listId", sanction.listId())
                    .append("listVersion", sanction.listVersion()).append("entryFingerprint", sanction.entryFingerprint()));
        }
        return doc;
    }

    static Alert fromDocument(Document doc) {
        Map<String, Integer> detectors = new LinkedHashMap<>();
        Document stored = doc.get("detectors", Document.class);
        if (stored != null) {
            stored.forEach((name, n) -> detectors.put(name, ((Number) n).intValue()));
        }
        Document s = doc.get("sanction", Document.class);
        Alert.Sanction sanction = s == null ? null : new Alert.Sanction(s.getString("listEntryId"), s.getString("listName"),
                s.getString("matchedName"), s.get("score", Number.class).doubleValue(), s.getList("matchedFields", String.class),
                s.getString("listId"), s.getString("listVersion"), s.getString("entryFingerprint"));
        return new Alert(doc.getString("_id"), doc.getString("tenantId"), doc.getString("subjectId"), doc.getString("subjectLabel"),
                doc.getString("subjectType"), AlertKind.valueOf(doc.getString("kind")), AlertState.valueOf(doc.getString("state")),
                Severity.valueOf(doc.getString("severity")), detectors, doc.getList("signalIds", String.class, List.of()),
                doc.get("count", Number.class).intValue(), instant(doc, "firstAt"), instant(doc, "lastAt"),
                instant(doc, "windowEndsAt"), Boolean.TRUE.equals(doc.getBoolean("raised")), sanction,
                doc.getList("reasons", String.class, List.of()), doc.get("version", Number.class).longValue());
    }

    private static Instant instant(Document doc, String key) {
        return doc.getDate(key).toInstant();
    }

}
