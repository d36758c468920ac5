package app.thaw.cases.casework.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import app.thaw.cases.casework.CaseCursor;
import app.thaw.cases.casework.CaseFilter;
import app.thaw.cases.casework.CaseStore;
import app.thaw.cases.events.CaseEventMapper;
import app.thaw.cases.incident.CaseEvent;
import app.thaw.cases.incident.IncidentCase;
import app.thaw.cases.problems.CaseProblems;
import app.thaw.platform.events.EventOutbox;
import app.thaw.platform.events.ThawEvent;
import app.thaw.platform.events.Traceparents;
import app.thaw.platform.store.IndexedStore;
import app.thaw.platform.timers.Timers;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Stores cases, one document each, with the events a change caused on the same document (the
 * platform's outbox), conditional on the version read: a stale write changes nothing and is a
 * {@code version_conflict}. Each case has one timer, at its earliest running deadline. Before a
 * write the timer moves to the earlier of the stored and the new deadline, after it to the new one:
 * a crash in between leaves a timer that fires early (the case finds nothing due and re-arms it),
 * never one that fires late. See ADR 10.
 */
public class MongoCaseStore implements CaseStore, IndexedStore {

    public static final String CASES = "cases";

    private final ReactiveMongoTemplate mongo;
    private final EventOutbox outbox;
    private final Timers timers;
    private final Traceparents traceparents;
    private final CaseOutcomes outcomes;
    private final List<String> fields = new ArrayList<>();

    public MongoCaseStore(ReactiveMongoTemplate mongo, EventOutbox outbox, Timers timers, Traceparents traceparents) {
        this.mongo = mongo;
        this.outcomes = new CaseOutcomes(mongo);
        this.outbox = outbox;
        this.timers = timers;
        this.traceparents = traceparents;
        mongo.getConverter()
                .getMappingContext()
                .getRequiredPersistentEntity(IncidentCase.class)
                .forEach((MongoPersistentProperty property) -> fields.add(property.getFieldName()));
    }

    /** Made before the service serves, with every store's ({@link app.thaw.platform.store.StoreIndexes}). */
    @Override
    public Mono<Void> createIndexes() {
        var indexes = mongo.indexOps(CASES);
        return indexes.createIndex(new Index()
                        .on("tenantId", Sort.Direction.ASC)
                        .on("openedAt", Sort.Direction.DESC)
                        .on("_id", Sort.Direction.DESC))
                .then(indexes.createIndex(new Index()
                        .on("tenantId", Sort.Direction.ASC)
                        .on("status", Sort.Direction.ASC)
                        .on("openedAt", Sort.Direction.DESC)))
                .then(indexes.createIndex(
                        new Index().on("tenantId", Sort.Direction.ASC).on("nextClockDueAt", Sort.Direction.ASC)))
                .then(indexes.createIndex(
                        new Index().on("openedAt", Sort.Direction.DESC).on("_id", Sort.Direction.DESC)))
                .then(mongo.indexOps("case_counters").createIndex(new Index().on("tenantId", Sort.Direction.ASC)))
                .then(mongo.indexOps(CaseOutcomes.COLLECTION)
                        .createIndex(
                                new Index().on("tenantId", Sort.Direction.ASC).on("openedAt", Sort.Direction.ASC)))
                .then();
    }

    /**
     * At start-up: the outbox's sweep watches the cases, and the outcomes of cases stored before
     * outcomes existed are written — in the background, as a store of many older cases takes longer
     * than start-up may wait.
     */
    public Mono<Void> start() {
        return outbox.watch(CASES)
                .then(Mono.fromRunnable(() -> outcomes.backfill().subscribe()));
    }

    @Override
    public Mono<IncidentCase> insert(IncidentCase c) {
        List<CaseEvent> events = c.pullEvents();
        List<ThawEvent> published = CaseEventMapper.toThaw(c, events, traceparents.current());
        Document document = toDocument(c);
        document.put("version", 0L);
        document.put(EventOutbox.PENDING_EVENTS, EventOutbox.pending(published));
        return arm(c.id(), c.tenantId(), c.nextClockDueAt())
                .then(mongo.insert(document, CASES))
                .then(outcomes.record(document, 0L))
                .then(outbox.release(CASES, c.id()))
                .thenReturn(c);
    }

    /**
     * Writes {@code c} if it is still at the version it was read at.
     *
     * @param storedNextDeadline the case's earliest running deadline as read, before the change
     */
    @Override
    public Mono<IncidentCase> save(IncidentCase c, @Nullable Instant storedNextDeadline) {
        List<CaseEvent> events = c.pullEvents();
        if (events.isEmpty()) {
            return Mono.just(c);
        }
        long expected = c.version();
        List<ThawEvent> published = CaseEventMapper.toThaw(c, events, traceparents.current());
        Document document = toDocument(c);
        Update update = new Update();
        for (String field : fields) {
            if (field.equals("_id") || field.equals("version")) {
                continue;
            }
            if (document.containsKey(field)) {
                update.set(field, document.get(field));
            } else {
                update.unset(field);
            }
        }
        update.set("version", expected + 1);
        EventOutbox.record(update, published);
        Query current =
                Query.query(Criteria.where("_id").is(c.id()).and("version").is(expected));
        Instant next = c.nextClockDueAt();
        Instant earliest = storedNextDeadline == null
                ? next
                : next == null || storedNextDeadline.isBefore(next) ? storedNextDeadline : next;
        Mono<Void> before = earliest != null && !earliest.equals(storedNextDeadline)
                ? arm(c.id(), c.tenantId(), earliest)
                : Mono.empty();
        Mono<Void> after = next == null
                ? timers.cancel(timerKey(c.id())).then()
                : next.equals(earliest) ? Mono.empty() : arm(c.id(), c.tenantId(), next);
        return before.then(mongo.updateFirst(current, update, CASES))
                .flatMap(result ->
                        result.getMatchedCount() == 0 ? Mono.error(CaseProblems.versionConflict()) : Mono.just(result))
                .then(outcomes.record(document, expected + 1))
                .then(outbox.release(CASES, c.id()))
                .then(after)
                .then(Mono.fromRunnable(() -> c.stored(expected + 1)))
                .thenReturn(c);
    }

    @Override
    public Mono<IncidentCase> find(String id, List<String> tenantIds) {
        return mongo.findOne(
                Query.query(Criteria.where("_id").is(id).and("tenantId").in(tenantIds)), IncidentCase.class, CASES);
    }

    @Override
    public Mono<IncidentCase> findInAnyTenant(String id) {
        return mongo.findById(id, IncidentCase.class, CASES);
    }

    @Override
    public Flux<IncidentCase> list(CaseFilter filter, @Nullable CaseCursor after, int limit) {
        List<Criteria> where = CaseCriteria.of(filter);
        if (after != null) {
            Date openedAt = Date.from(after.openedAt());
            where.add(new Criteria()
                    .orOperator(
                            Criteria.where("openedAt").lt(openedAt),
                            Criteria.where("openedAt").is(openedAt).and("_id").lt(after.id())));
        }
        Query query = (where.isEmpty() ? new Query() : Query.query(new Criteria().andOperator(where)))
                .with(Sort.by(Sort.Order.desc("openedAt"), Sort.Order.desc("_id")))
                .limit(limit);
        return mongo.find(query, IncidentCase.class, CASES);
    }

    @Override
    public Flux<IncidentCase> queue(CaseFilter filter, QueueSlice slice, int limit) {
        List<Criteria> where = CaseCriteria.of(filter);
        where.add(
                switch (slice) {
                    case BREACHED -> Criteria.where("unmetBreach").is(true);
                    case RUNNING ->
                        new Criteria()
                                .andOperator(
                                        Criteria.where("unmetBreach").is(false),
                                        Criteria.where("nextClockDueAt").ne(null));
                    case IDLE ->
                        new Criteria()
                                .andOperator(
                                        Criteria.where("unmetBreach").is(false),
                                        Criteria.where("nextClockDueAt").is(null));
                });
        Sort order = slice == QueueSlice.RUNNING
                ? Sort.by(Sort.Order.asc("nextClockDueAt"), Sort.Order.asc("openedAt"), Sort.Order.asc("_id"))
                : Sort.by(Sort.Order.asc("openedAt"), Sort.Order.asc("_id"));
        return mongo.find(
                Query.query(new Criteria().andOperator(where)).with(order).limit(limit), IncidentCase.class, CASES);
    }

    /** Unique across tenants: the tenant id is unique and the rest has a fixed shape. */
    @Override
    public Mono<String> nextReference(String tenantId, Instant now) {
        int year = now.atZone(java.time.ZoneOffset.UTC).getYear();
        return mongo.findAndModify(
                        Query.query(Criteria.where("_id").is(tenantId + ":" + year)),
                        new Update().inc("next", 1L).set("tenantId", tenantId),
                        org.springframework.data.mongodb.core.FindAndModifyOptions.options()
                                .upsert(true)
                                .returnNew(true),
                        Document.class,
                        "case_counters")
                .map(counter -> tenantId + "-C-" + year + "-"
                        + String.format("%06d", ((Number) counter.get("next")).longValue()));
    }

    /** Points the case's deadline timer at {@code dueAt} (nothing when there is no running deadline). */
    Mono<Void> arm(String caseId, String tenantId, @Nullable Instant dueAt) {
        return dueAt == null
                ? Mono.empty()
                : timers.schedule(timerKey(caseId), CLOCK_TIMER, tenantId, dueAt, Map.of("caseId", caseId));
    }

    @Override
    public Mono<Void> rearm(String caseId) {
        return findInAnyTenant(caseId)
                .flatMap(c -> c.nextClockDueAt() == null
                        ? timers.cancel(timerKey(caseId)).then()
                        : arm(caseId, c.tenantId(), c.nextClockDueAt()));
    }

    static String timerKey(String caseId) {
        return "case/" + caseId + "/next-deadline";
    }

    private Document toDocument(IncidentCase c) {
        Document document = new Document();
        mongo.getConverter().write(c, document);
        document.remove("_class");
        return document;
    }
}
