package app.thaw.notifications.reminders.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import app.thaw.notifications.delivery.DispatchService;
import app.thaw.notifications.delivery.Ids;
import app.thaw.notifications.delivery.Notification;
import app.thaw.notifications.reminders.Reminder;
import app.thaw.notifications.reminders.ReminderPlan;
import app.thaw.notifications.reminders.ReminderService;
import app.thaw.notifications.rules.DefaultRules;
import app.thaw.notifications.settings.SettingsService;
import app.thaw.notifications.settings.TenantSettings;
import app.thaw.platform.audit.AuditLog;
import app.thaw.platform.problem.NotFound;
import app.thaw.platform.store.CursorPage;
import app.thaw.platform.store.IndexedStore;
import app.thaw.platform.timers.TimerFiring;
import app.thaw.platform.timers.Timers;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reminders in store: {@code reminder_clocks} (one per clock: its timers, its last event, whether
 * it ended) and {@code reminders} (one per fired reminder). Reminders before each clock's deadline from case-service. A clock set schedules one durable
 * timer per offset; setting it again (a moved deadline) moves them; met, cancelled or paused
 * clears them. A fired reminder is a notification to the clock's owner; an urgent one not
 * acknowledged within the tenant's {@code escalateAfter} goes to the supervisors.
 */
@Service
public class ReminderStore implements ReminderService, IndexedStore {

    static final String CLOCKS = "reminder_clocks";
    static final String REMINDERS = "reminders";

    private final ReactiveMongoTemplate mongo;
    private final Timers timers;
    private final SettingsService settings;
    private final DispatchService dispatch;
    private final AuditLog audit;
    private final Clock clock;

    public ReminderStore(
            ReactiveMongoTemplate mongo,
            Timers timers,
            SettingsService settings,
            DispatchService dispatch,
            AuditLog audit,
            Clock clock) {
        this.mongo = mongo;
        this.timers = timers;
        this.settings = settings;
        this.dispatch = dispatch;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public Mono<Void> createIndexes() {
        return mongo.indexOps(REMINDERS)
                .createIndex(new org.springframework.data.mongodb.core.index.Index()
                        .on("tenantId", Sort.Direction.ASC)
                        .on("clockId", Sort.Direction.ASC))
                .then();
    }

    /** Schedules (or moves) the reminders of a deadline; reminders it no longer has are cancelled. */
    public Mono<Void> set(Deadline deadline) {
        return set(deadline, null);
    }

    /**
     * As {@link #set(Deadline)}, unless the clock is already met or cancelled (its event arrived
     * first: a late {@code set} must not re-arm it) or {@code sequence} is older than the last
     * event applied to this clock.
     *
     * @param sequence the event's place among the case's events, if the producer numbered it
     */
    public Mono<Void> set(Deadline deadline, @Nullable Long sequence) {
        String clockDoc = deadline.tenantId() + "|" + deadline.clockId();
        // The clock as stored and the tenant's offsets: two independent reads, made at once; the clock read serves
        // both the staleness check and the timers to move.
        return Mono.zip(
                        mongo.findById(clockDoc, Document.class, CLOCKS)
                                .map(java.util.Optional::of)
                                .defaultIfEmpty(java.util.Optional.empty()),
                        settings.forTenant(deadline.tenantId()))
                .flatMap(read -> read.getT1()
                                .filter(stored -> stale(stored, sequence, true))
                                .isPresent()
                        ? Mono.<Void>empty()
                        : arm(
                                deadline,
                                sequence,
                                read.getT1()
                                        .map(stored -> stored.getList("timerKeys", String.class, List.of()))
                                        .orElse(List.of()),
                                read.getT2()));
    }

    /** Timer writes of one clock in flight at once (each timer is its own document). */
    private static final int TIMER_WRITES = 8;

    /** Statuses that end a clock for good: nothing arms it again. */
    private static final List<String> TERMINAL = List.of("MET", "CANCELLED");

    /** Whether an event is late for this clock: it ended, or a newer event of it was applied. */
    private static boolean stale(Document stored, @Nullable Long sequence, boolean arming) {
        if (arming && TERMINAL.contains(stored.getString("status"))) {
            return true;
        }
        Object applied = stored.get("sequence");
        return sequence != null && applied instanceof Number number && sequence <= number.longValue();
    }

    /**
     * Arms the clock's reminders: the timers it had and no longer needs are cancelled and its new ones scheduled (each
     * timer its own key, so these writes are independent and go at once), then the clock is recorded.
     */
    private Mono<Void> arm(
            Deadline deadline, @Nullable Long sequence, List<String> previousKeys, TenantSettings tenantSettings) {
        Instant now = clock.instant();
        Map<Long, Instant> plan =
                ReminderPlan.schedule(deadline.dueAt(), tenantSettings.reminderOffsets(), deadline.setAt(), now);
        List<String> keys = new ArrayList<>();
        plan.keySet().forEach(minutes -> keys.add(ReminderPlan.key(deadline.tenantId(), deadline.clockId(), minutes)));
        String clockDoc = deadline.tenantId() + "|" + deadline.clockId();
        Mono<Void> cancelled = Flux.fromIterable(previousKeys)
                .filter(key -> !keys.contains(key))
                .flatMap(timers::cancel, TIMER_WRITES)
                .then();
        Mono<Void> scheduled = Flux.fromIterable(plan.entrySet())
                .flatMap(
                        reminder -> {
                            Map<String, Object> payload = deadline.payload();
                            payload.put("minutesBefore", reminder.getKey());
                            return timers.schedule(
                                    ReminderPlan.key(deadline.tenantId(), deadline.clockId(), reminder.getKey()),
                                    REMINDER_TIMER,
                                    deadline.tenantId(),
                                    reminder.getValue(),
                                    payload);
                        },
                        TIMER_WRITES)
                .then();
        return Mono.when(cancelled, scheduled)
                // Only over a clock that has not ended: if it was met or cancelled meanwhile, the
                // upsert finds no match, its insert meets the existing id, and the timers armed
                // above are cancelled again.
                .then(mongo.upsert(
                                Query.query(Criteria.where("_id")
                                        .is(clockDoc)
                                        .and("status")
                                        .nin(TERMINAL)),
                                new Update()
                                        .set("tenantId", deadline.tenantId())
                                        .set("clockId", deadline.clockId())
                                        .set("dueAt", Date.from(deadline.dueAt()))
                                        .set("timerKeys", keys)
                                        .set("status", "SET")
                                        .set("sequence", sequence),
                                CLOCKS)
                        .then()
                        .onErrorResume(
                                DuplicateKeyException.class,
                                ended -> Flux.fromIterable(keys)
                                        .flatMap(timers::cancel, TIMER_WRITES)
                                        .then()));
    }

    /** The deadline was met, cancelled or paused: its pending reminders and escalations stop. */
    public Mono<Void> clear(String tenantId, String clockId, String why) {
        return clear(tenantId, clockId, why, null);
    }

    /**
     * As {@link #clear(String, String, String)}, remembered even when the clock's {@code set} has
     * not arrived yet, so that a late {@code set} finds the clock ended (MET, CANCELLED) and arms
     * nothing. A pause older than the last event applied to the clock (a resume) is ignored.
     */
    public Mono<Void> clear(String tenantId, String clockId, String why, @Nullable Long sequence) {
        String clockDoc = tenantId + "|" + clockId;
        boolean terminal = TERMINAL.contains(why);
        return mongo.findById(clockDoc, Document.class, CLOCKS)
                .map(java.util.Optional::of)
                .defaultIfEmpty(java.util.Optional.empty())
                .flatMap(stored -> stored.filter(found -> !terminal && stale(found, sequence, false))
                                .isPresent()
                        ? Mono.<Void>empty()
                        : cancelTimers(
                                        tenantId,
                                        clockId,
                                        stored.map(found -> found.getList("timerKeys", String.class, List.of()))
                                                .orElse(List.of()))
                                .then(mongo.upsert(
                                        Query.query(Criteria.where("_id").is(clockDoc)),
                                        new Update()
                                                .set("tenantId", tenantId)
                                                .set("clockId", clockId)
                                                .set("status", why)
                                                .set("sequence", sequence)
                                                .set("timerKeys", List.of()),
                                        CLOCKS))
                                .then());
    }

    /** Cancels a clock's pending reminder timers and the escalations of its unacknowledged urgent reminders. */
    private Mono<Void> cancelTimers(String tenantId, String clockId, List<String> timerKeys) {
        // The clock's timers as just read, and its reminders' escalations: independent deletes, made at once.
        Mono<Void> reminders = Flux.fromIterable(timerKeys)
                .flatMap(timers::cancel, TIMER_WRITES)
                .then();
        Mono<Void> escalations = mongo.find(
                        Query.query(Criteria.where("tenantId")
                                        .is(tenantId)
                                        .and("clockId")
                                        .is(clockId)
                                        .and("acknowledgedAt")
                                        .is(null)
                                        .and("urgent")
                                        .is(true))
                                .limit(50),
                        Document.class,
                        REMINDERS)
                .flatMap(reminder -> timers.cancel(escalationKey(reminder.getString("_id"))), TIMER_WRITES)
                .then();
        return Mono.when(reminders, escalations);
    }

    /** A reminder timer fired: tell the owner; an urgent reminder starts its escalation timer. */
    public Mono<Void> fire(TimerFiring firing) {
        Map<String, Object> data = new LinkedHashMap<>(firing.payload());
        String reminderId = Ids.derived("rem_", firing.tenantId() + "|" + firing.occurrenceId());
        data.put("reminderId", reminderId);
        data.put("late", firing.late());
        boolean urgent = Boolean.TRUE.equals(data.get("urgent"));
        Object caseId = data.get("caseId");
        Instant now = clock.instant();
        Document reminder = new Document("_id", reminderId)
                .append("tenantId", firing.tenantId())
                .append("clockId", data.get("clockId"))
                .append("caseId", caseId)
                .append("label", data.get("label"))
                .append("dueAt", data.get("dueAt"))
                .append("minutesBefore", data.get("minutesBefore"))
                .append("urgent", urgent)
                .append("remindAt", Date.from(firing.dueAt()))
                .append("firedAt", Date.from(now))
                .append("acknowledgedAt", null)
                .append("payload", new Document(data));
        Mono<Void> stored = mongo.insert(reminder, REMINDERS)
                .then()
                // The same occurrence fired again (its instance died before recording it): stored already.
                .onErrorResume(DuplicateKeyException.class, again -> Mono.empty());
        Mono<Void> escalation = urgent
                ? settings.forTenant(firing.tenantId())
                        .flatMap(tenantSettings -> timers.schedule(
                                escalationKey(reminderId),
                                ESCALATION_TIMER,
                                firing.tenantId(),
                                now.plus(tenantSettings.escalateAfter()),
                                Map.of("reminderId", reminderId)))
                : Mono.empty();
        ReminderFacts facts = ReminderFacts.of(data);
        return stored.then(escalation)
                .then(dispatch.dispatch(new Notification(
                        "reminder:" + firing.occurrenceId(),
                        firing.tenantId(),
                        DefaultRules.REMINDER_DUE,
                        caseId == null ? null : caseId.toString(),
                        null,
                        false,
                        urgent,
                        facts,
                        null,
                        null,
                        // The deadline's owner, as the timer stored it from the clock's event.
                        Notification.Owner.of(facts.ownerUserId(), facts.ownerRole()))));
    }

    /** The escalation timer of an urgent reminder fired: the supervisors hear of it unless it was acknowledged. */
    public Mono<Void> escalate(TimerFiring firing) {
        String reminderId = String.valueOf(firing.payload().get("reminderId"));
        return mongo.findOne(
                        Query.query(Criteria.where("_id")
                                .is(reminderId)
                                .and("tenantId")
                                .is(firing.tenantId())
                                .and("acknowledgedAt")
                                .is(null)),
                        Document.class,
                        REMINDERS)
                .flatMap(reminder -> {
                    Map<String, Object> data = new LinkedHashMap<>(reminder.get("payload", Document.class));
                    Object caseId = reminder.get("caseId");
                    return mongo.updateFirst(
                                    Query.query(Criteria.where("_id")
                                            .is(reminderId)
                                            .and("tenantId")
                                            .is(firing.tenantId())),
                                    new Update().set("escalatedAt", Date.from(clock.instant())),
                                    REMINDERS)
                            .then(dispatch.dispatch(new Notification(
                                    "escalation:" + reminderId,
                                    firing.tenantId(),
                                    DefaultRules.REMINDER_ESCALATED,
                                    caseId == null ? null : caseId.toString(),
                                    false,
                                    true,
                                    ReminderFacts.of(data),
                                    null)));
                });
    }

    /** Acknowledges a reminder, which stops its escalation. */
    public Mono<Reminder> acknowledge(String tenantId, String reminderId, String by) {
        return mongo.findAndModify(
                        Query.query(Criteria.where("_id")
                                .is(reminderId)
                                .and("tenantId")
                                .is(tenantId)),
                        new Update()
                                .set("acknowledgedAt", Date.from(clock.instant()))
                                .set("acknowledgedBy", by),
                        FindAndModifyOptions.options().returnNew(true),
                        Document.class,
                        REMINDERS)
                .switchIfEmpty(Mono.error(() -> new NotFound("reminder", reminderId)))
                .flatMap(acknowledged -> timers.cancel(escalationKey(reminderId))
                        .then(audit.record("reminder.acknowledged", "reminder", reminderId, Map.of()))
                        .thenReturn(reminder(acknowledged)));
    }

    public Mono<CursorPage<Reminder>> list(String tenantId, CursorPage.Request page) {
        return mongo.find(page.query(Criteria.where("tenantId").is(tenantId)), Document.class, REMINDERS)
                .map(ReminderStore::reminder)
                .collectList()
                .map(found -> page.page(found, Reminder::id));
    }

    private static Reminder reminder(Document d) {
        return new Reminder(
                d.getString("_id"),
                d.getString("caseId"),
                d.getString("clockId"),
                d.getString("label"),
                d.getString("dueAt"),
                d.get("minutesBefore") instanceof Number minutes ? minutes.longValue() : null,
                d.getBoolean("urgent", false),
                instant(d.getDate("firedAt")),
                instant(d.getDate("acknowledgedAt")),
                instant(d.getDate("escalatedAt")));
    }

    private static @Nullable Instant instant(@Nullable Date date) {
        return date == null ? null : date.toInstant();
    }

    static String escalationKey(String reminderId) {
        return "escalation:" + reminderId;
    }
}
