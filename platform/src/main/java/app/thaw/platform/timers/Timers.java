package app.thaw.platform.timers;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Durable timers. {@link #schedule} stores a due-time document under the caller's key (scheduling
 * the same key again moves it); {@link #cancel} clears it. Every instance polls for due timers and
 * claims each with a lease in one atomic {@code findAndModify}, so two instances never fire the
 * same timer at once and a dead instance's claim lapses. A timer that fell due while the service
 * was down fires at start, marked late. A firing is recorded only by the claim that made it, so a
 * reschedule during a firing wins. Firing is at least once; handlers apply it at most once by
 * {@link TimerFiring#occurrenceId()}. See docs/adr/0006-outbox-and-timers.md.
 */
public class Timers implements SmartLifecycle {

    public static final String TIMERS = "timers";
    private static final Logger log = LoggerFactory.getLogger(Timers.class);

    private final ReactiveMongoTemplate mongo;
    private final Map<String, TimerHandler> handlers;
    private final TimersProperties settings;
    private final Clock clock;
    private final String instance = UUID.randomUUID().toString();
    private volatile @Nullable Disposable loop;

    public Timers(ReactiveMongoTemplate mongo, List<TimerHandler> handlers, TimersProperties settings, Clock clock) {
        this.mongo = mongo;
        this.handlers = handlers.stream().collect(Collectors.toUnmodifiableMap(TimerHandler::type, Function.identity()));
        this.settings = settings;
        this.clock = clock;
    }

    /** Schedules (or moves) the timer {@code key} to fire at {@code dueAt}. */
    public Mono<Void> schedule(String key, String type, String tenantId, Instant dueAt, Map<String, Object> payload) {
        Update update = new Update().set("type", type).set("tenantId", tenantId).set("dueAt", Date.from(dueAt))
                .set("payload", new Document(payload)).set("status", "SCHEDULED").set("leaseUntil", new Date(0))
                .set("scheduledAt", Date.from(clock.instant())).unset("claim").unset("firedAt").unset("late");
        return mongo.upsert(Query.query(Criteria.where("_id").is(key)), update, TIMERS).then();
    }

    /** Clears the timer {@code key} if it has not fired yet; true if there was one to cancel. */
    public Mono<Boolean> cancel(String key) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(key).and("status").is("SCHEDULED")),
                        new Update().set("status", "CANCELLED").set("cancelledAt", Date.from(clock.instant())).unset("claim"), TIMERS)
                .map(result -> result.getModifiedCount() > 0);
    }

    /** Fires every timer due now, one claim at a time; returns how many fired. */
    public Mono<Long> fireDue() {
        return claimNext()
                .expand(firing -> claimNext())
                .concatMap(this::fire)
                .filter(Boolean::booleanValue)
                .count();
    }

    private Mono<Document> claimNext() {
        Date now = Date.from(clock.instant());
        Query due = Query.query(Criteria.where("status").is("SCHEDULED").and("dueAt").lte(now).and("leaseUntil").lte(now))
                .with(Sort.by("dueAt"));
        return mongo.findAndModify(due, new Update().set("claim", instance + ":" + UUID.randomUUID())
                        .set("leaseUntil", Date.from(now.toInstant().plus(settings.lease()))),
                FindAndModifyOptions.options().returnNew(true), Document.class, TIMERS);
    }

    @SuppressWarnings("unchecked")
    private Mono<Boolean> fire(Document timer) {
        Instant now = clock.instant();
        Instant dueAt = timer.getDate("dueAt").toInstant();
        boolean late = Duration.between(dueAt, now).compareTo(settings.lateAfter()) > 0;
        Object payload = timer.get("payload");
        TimerFiring firing = new TimerFiring(timer.getString("_id"), timer.getString("type"), timer.getString("tenantId"),
                dueAt, now, late, payload instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of());
        TimerHandler handler = handlers.get(firing.type());
        Query held = Query.query(Criteria.where("_id").is(firing.key()).and("claim").is(timer.getString("claim")));
        if (handler == null) {
            log.error("No handler for timer type {} (timer {}); it stays due and is retried", firing.type(), firing.key());
            return release(held).thenReturn(false);
        }
        return handler.fire(firing)
                .then(mongo.updateFirst(held, new Update().set("status", "FIRED").set("firedAt", Date.from(now))
                        .set("late", late).unset("claim").set("leaseUntil", new Date(0)), TIMERS))
                .thenReturn(true)
                .onErrorResume(failure -> {
                    log.warn("Timer {} ({}) failed to fire; retrying in {}", firing.key(), firing.type(), settings.retryAfter(), failure);
                    return release(held).thenReturn(false);
                });
    }

    private Mono<Void> release(Query held) {
        return mongo.updateFirst(held, new Update().unset("claim")
                .set("leaseUntil", Date.from(clock.instant().plus(settings.retryAfter()))), TIMERS).then();
    }

    Mono<Void> createIndexes() {
        return mongo.indexOps(TIMERS).createIndex(new Index().on("status", Sort.Direction.ASC).on("dueAt", Sort.Direction.ASC)).then();
    }

    @Override
    public void start() {
        loop = createIndexes()
                .thenMany(Flux.interval(Duration.ZERO, settings.pollInterval()))
                .onBackpressureDrop()
                .concatMap(tick -> fireDue().onErrorResume(failure -> {
                    log.warn("Timer pass failed; trying again at the next tick", failure);
                    return Mono.just(0L);
                }), 1)
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable running = loop;
        if (running != null) {
            running.dispose();
        }
        loop = null;
    }

    @Override
    public boolean isAutoStartup() {
        return settings.enabled();
    }

    @Override
    public boolean isRunning() {
        return loop != null;
    }
}
