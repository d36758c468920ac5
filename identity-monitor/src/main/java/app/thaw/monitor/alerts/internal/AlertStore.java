package app.thaw.monitor.alerts.internal;

import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import app.thaw.monitor.alerts.Alert;
import app.thaw.monitor.alerts.AlertKind;
import app.thaw.monitor.alerts.AlertState;
import app.thaw.monitor.alerts.Alerts;
import app.thaw.monitor.detection.Reason;
import app.thaw.monitor.detection.Severity;
import app.thaw.platform.events.EventOutbox;
import app.thaw.platform.events.ThawEvent;
import app.thaw.platform.store.CursorPage;
import app.thaw.platform.store.IndexedStore;
import app.thaw.platform.store.VersionedWrites;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Alerts in the {@code alerts} collection: {@code openKey} unique, writes versioned, the raised
 * event recorded on the alert document in the same write (the outbox watches the collection).
 */
@Component
class AlertStore implements Alerts, IndexedStore {

    static final String ALERTS = "alerts";

    private final ReactiveMongoTemplate mongo;
    private final EventOutbox outbox;

    AlertStore(ReactiveMongoTemplate mongo, EventOutbox outbox) {
        this.mongo = mongo;
        this.outbox = outbox;
    }

    @Override
    public Mono<Void> createIndexes() {
        // The unique open key is what keeps one open alert per subject; the outbox watches the raised events.
        return mongo.indexOps(ALERTS)
                .createIndex(new Index().on("openKey", Sort.Direction.ASC).unique())
                .then(mongo.indexOps(ALERTS)
                        .createIndex(
                                new Index().on("tenantId", Sort.Direction.ASC).on("_id", Sort.Direction.DESC)))
                .then(outbox.watch(ALERTS));
    }

    @Override
    public Mono<Alert> holding(String tenantId, String openKey) {
        return mongo.findOne(
                        Query.query(Criteria.where("openKey")
                                .is(openKey)
                                .and("tenantId")
                                .is(tenantId)),
                        Document.class,
                        ALERTS)
                .map(AlertStore::fromDocument);
    }

    @Override
    public Mono<Void> insert(Alert alert, String openKey, List<ThawEvent> events) {
        Document doc = toDocument(alert, openKey).append("version", 1L);
        if (!events.isEmpty()) {
            doc.append(EventOutbox.PENDING_EVENTS, EventOutbox.pending(events));
        }
        return mongo.insert(doc, ALERTS).then();
    }

    @Override
    public Mono<Void> save(Alert alert, @Nullable String newOpenKey, List<ThawEvent> events) {
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
        if (!events.isEmpty()) {
            EventOutbox.record(update, events);
        }
        return VersionedWrites.update(mongo, ALERTS, "alert", alert.tenantId(), alert.id(), alert.version(), update)
                .then();
    }

    @Override
    public Mono<Void> letGo(String tenantId, String id, long version, String closedKey) {
        return mongo.updateFirst(
                        Query.query(Criteria.where("_id")
                                .is(id)
                                .and("tenantId")
                                .is(tenantId)
                                .and("version")
                                .is(version)),
                        new Update().set("openKey", closedKey).inc("version", 1L),
                        ALERTS)
                .then();
    }

    @Override
    public Mono<Void> release(String id) {
        return outbox.release(ALERTS, id).then();
    }

    @Override
    public Mono<Alert> find(String tenantId, String id) {
        return mongo.findOne(
                        Query.query(Criteria.where("_id").is(id).and("tenantId").is(tenantId)), Document.class, ALERTS)
                .map(AlertStore::fromDocument);
    }

    @Override
    public Flux<Alert> list(
            String tenantId,
            @Nullable AlertState state,
            @Nullable Severity severity,
            @Nullable AlertKind kind,
            @Nullable String subjectId,
            @Nullable String cursor,
            int limit) {
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
        return mongo.find(CursorPage.newestFirst(criteria, cursor, limit), Document.class, ALERTS)
                .map(AlertStore::fromDocument);
    }

    @Override
    public Flux<String> tenantsWith(List<AlertState> states) {
        Query query = Query.query(
                Criteria.where("state").in(states.stream().map(Enum::name).toList()));
        return mongo.findDistinct(query, "tenantId", ALERTS, String.class);
    }

    @Override
    public Mono<Void> relabel(String tenantId, String subjectId, String label) {
        return mongo.updateMulti(
                        Query.query(Criteria.where("tenantId")
                                .is(tenantId)
                                .and("subjectId")
                                .is(subjectId)),
                        new Update().set("subjectLabel", label),
                        ALERTS)
                .then();
    }

    static Document toDocument(Alert alert, String openKey) {
        Document doc = new Document("_id", alert.id())
                .append("tenantId", alert.tenantId())
                .append("subjectId", alert.subjectId())
                .append("subjectLabel", alert.subjectLabel())
                .append("subjectType", alert.subjectType())
                .append("kind", alert.kind().name())
                .append("state", alert.state().name())
                .append("severity", alert.severity().name())
                .append("detectors", new Document(new LinkedHashMap<String, Object>(alert.detectorsInOrder())))
                .append("signalIds", alert.signalIds())
                .append("count", alert.count())
                .append("firstAt", Date.from(alert.firstAt()))
                .append("lastAt", Date.from(alert.lastAt()))
                .append("windowEndsAt", Date.from(alert.windowEndsAt()))
                .append("raised", alert.raised())
                .append("reasons", alert.reasons())
                .append(
                        "reasonCodes",
                        alert.reasonCodes().stream()
                                .map(reason -> reason.code() == null
                                        ? new Document("args", reason.args())
                                        : new Document("code", reason.code()).append("args", reason.args()))
                                .toList())
                .append("openKey", openKey);
        Alert.Sanction sanction = alert.sanction();
        if (sanction != null) {
            doc.append(
                    "sanction",
                    new Document("listEntryId", sanction.listEntryId())
                            .append("listName", sanction.listName())
                            .append("matchedName", sanction.matchedName())
                            .append("score", sanction.score())
                            .append("matchedFields", sanction.matchedFields())
                            .append("listId", sanction.listId())
                            .append("listVersion", sanction.listVersion())
                            .append("entryFingerprint", sanction.entryFingerprint()));
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
        Alert.Sanction sanction = s == null
                ? null
                : new Alert.Sanction(
                        s.getString("listEntryId"),
                        s.getString("listName"),
                        s.getString("matchedName"),
                        s.get("score", Number.class).doubleValue(),
                        s.getList("matchedFields", String.class),
                        s.getString("listId"),
                        s.getString("listVersion"),
                        s.getString("entryFingerprint"));
        return new Alert(
                doc.getString("_id"),
                doc.getString("tenantId"),
                doc.getString("subjectId"),
                doc.getString("subjectLabel"),
                doc.getString("subjectType"),
                AlertKind.valueOf(doc.getString("kind")),
                AlertState.valueOf(doc.getString("state")),
                Severity.valueOf(doc.getString("severity")),
                detectors,
                doc.getList("signalIds", String.class, List.of()),
                doc.get("count", Number.class).intValue(),
                instant(doc, "firstAt"),
                instant(doc, "lastAt"),
                instant(doc, "windowEndsAt"),
                Boolean.TRUE.equals(doc.getBoolean("raised")),
                sanction,
                doc.getList("reasons", String.class, List.of()),
                // Absent on alerts stored before reason codes: the alert reads them back from its reasons.
                doc.getList("reasonCodes", Document.class, List.of()).stream()
                        .map(code -> new Reason(code.getString("code"), code.getList("args", String.class, List.of())))
                        .toList(),
                doc.get("version", Number.class).longValue());
    }

    private static Instant instant(Document doc, String key) {
        return doc.getDate(key).toInstant();
    }
}
