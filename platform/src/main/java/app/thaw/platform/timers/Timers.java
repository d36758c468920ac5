package app.thaw.platform.timers;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import app.thaw.platform.store.LeaseClaims;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Durable timers. {@link #schedule} stores a due-time document under the caller's key (scheduling
 * the same key again moves it); {@link #cancel} deletes it. The collection holds only pending
 * timers: a firing deletes its timer, so the scans stay as small as what is scheduled.
 *
 * <p>Each instance scans every {@code pollInterval} for the timers due within {@code lookAhead}
 * (one query, which the embedded store answers by scanning the collection) and keeps them in
 * memory until their time; timers it schedules itself within that window join at once. At its
 * time a timer is claimed with a lease by one conditional write on its {@code _id} that checks it
 * is still due and unclaimed ({@link LeaseClaims}), so two instances never fire it at once, a
 * cancelled or moved timer is not fired at its old time, and a dead instance's claim lapses. Up to
 * {@code concurrency} firings run at once. A timer that fell due while the service was down fires
 * at start, marked late. A firing is recorded (the timer deleted) only by the claim that made it,
 * so a reschedule during a firing wins. Firing is at least once; handlers apply it at most once by
 * {@link TimerFiring#occurrenceId()}. See docs/adr/0006-outbox-and-timers.md.
 */
public class Timers implements SmartLifecycle {

    public static final String TIMERS = "timers";
    private static final String SCHEDULED = "SCHEDULED";
    private static final Logger log = LoggerFactory.getLogger(Timers.class);

    private final ReactiveMongoTemplate mongo;
    private final java.util.function.Supplier<List<TimerHandler>> handlerLookup;
    private volatile @Nullable Map<String, TimerHandler> handlers;
    private final TimersProperties settings;
    private final Clock clock;
    private final LeaseClaims claims;
    /** Timers waiting in memory for their time, by key and time, so a second scan does not plan them twice. */
    private final Set<String> planned = ConcurrentHashMap.newKeySet();

    private volatile Sinks.@Nullable Many<Planned> scheduledHere;
    private volatile @Nullable Disposable loop;

    public Timers(ReactiveMongoTemplate mongo, List<TimerHandler> handlers, TimersProperties settings, Clock clock) {
        this(mongo, () -> handlers, settings, clock);
    }

    /**
     * Looks the handlers up when the first timer fires, not now: a handler may need a service
     * that schedules timers itself, and so depends on this; no {@code @Lazy} is needed for it.
     */
    public Timers(
            ReactiveMongoTemplate mongo,
            java.util.function.Supplier<List<TimerHandler>> handlers,
            TimersProperties settings,
            Clock clock) {
        this.mongo = mongo;
        this.handlerLookup = handlers;
        this.settings = settings;
        this.clock = clock;
        this.claims = new LeaseClaims(mongo, TIMERS, UUID.randomUUID().toString());
    }

    private Map<String, TimerHandler> handlers() {
        Map<String, TimerHandler> known = handlers;
        if (known == null) {
            known = handlerLookup.get().stream()
                    .collect(Collectors.toUnmodifiableMap(TimerHandler::type, Function.identity()));
            handlers = known;
        }
        return known;
    }

    /** A timer to claim at {@code at}: its due time, or when its lease lapses if that is later. */
    private record Planned(String key, Instant at) {

        String token() {
            return key + "@" + at;
        }
    }

    /** Schedules (or moves) the timer {@code key} to fire at {@code dueAt}. */
    public Mono<Void> schedule(String key, String type, String tenantId, Instant dueAt, Map<String, Object> payload) {
        Update update = new Update()
                .set("type", type)
                .set("tenantId", tenantId)
                .set("dueAt", Date.from(dueAt))
                .set("payload", new Document(payload))
                .set("status", SCHEDULED)
                .set(LeaseClaims.LEASE_UNTIL, new Date(0))
                .set("scheduledAt", Date.from(clock.instant()))
                .unset(LeaseClaims.CLAIM);
        return mongo.upsert(Query.query(Criteria.where("_id").is(key)), update, TIMERS)
                .doOnSuccess(stored -> planHere(new Planned(key, dueAt)))
                .then();
    }

    /** A timer this instance scheduled inside the look-ahead window fires without waiting for the next scan. */
    private void planHere(Planned timer) {
        Sinks.Many<Planned> sink = scheduledHere;
        if (sink != null && timer.at().isBefore(clock.instant().plus(settings.lookAhead()))) {
            sink.emitNext(timer, Sinks.EmitFailureHandler.busyLooping(Duration.ofSeconds(1)));
        }
    }

    /** Deletes the timer {@code key} if it has not fired yet; true if there was one to cancel. */
    public Mono<Boolean> cancel(String key) {
        return mongo.remove(
                        Query.query(Criteria.where("_id").is(key).and("status").is(SCHEDULED)), TIMERS)
                .map(result -> result.getDeletedCount() > 0);
    }

    /**
     * Fires every timer due now (for tests and tools; the running instance fires on its own):
     * claims them in batches, {@code concurrency} firings at a time; returns how many fired.
     */
    public Mono<Long> fireDue() {
        return claimDue()
                .expand(batch -> batch.candidates() == settings.batchSize() ? claimDue() : Mono.empty())
                .concatMap(batch -> Flux.fromIterable(batch.claimed()).flatMap(this::fire, settings.concurrency()))
                .filter(Boolean::booleanValue)
                .count();
    }

    private static Criteria due(Instant now) {
        return Criteria.where("status").is(SCHEDULED).and("dueAt").lte(Date.from(now));
    }

    private Mono<LeaseClaims.Batch> claimDue() {
        Instant now = clock.instant();
        return claims.claimBatch(
                due(now), Sort.by("dueAt"), settings.batchSize(), now, settings.lease(), settings.concurrency());
    }

    /** One scan: the timers due within the look-ahead (or whose lease lapses within it) not yet waiting in memory. */
    private Flux<Planned> lookAhead() {
        Instant horizon = clock.instant().plus(settings.lookAhead());
        return claims.candidates(due(horizon), horizon, Sort.by("dueAt"), settings.batchSize())
                .map(timer -> {
                    Instant dueAt = timer.getDate("dueAt").toInstant();
                    Instant leaseUntil = timer.getDate(LeaseClaims.LEASE_UNTIL).toInstant();
                    return new Planned(timer.getString("_id"), leaseUntil.isAfter(dueAt) ? leaseUntil : dueAt);
                });
    }

    /** At its time: claim it (still due, not claimed by anyone) and fire it. */
    private Mono<Boolean> claimAndFire(Planned timer) {
        Instant now = clock.instant();
        // The delay and the clock may disagree by a millisecond; a timer is not sent back to the next scan for that.
        Instant at = now.isBefore(timer.at()) ? timer.at() : now;
        return claims.claim(timer.key(), due(at), at, settings.lease())
                .flatMap(this::fire)
                .defaultIfEmpty(false)
                .onErrorResume(failure -> {
                    log.warn("Could not claim timer {}; the next scan finds it again", timer.key(), failure);
                    return Mono.just(false);
                })
                .doFinally(signal -> planned.remove(timer.token()));
    }

    @SuppressWarnings("unchecked")
    private Mono<Boolean> fire(Document timer) {
        Instant now = clock.instant();
        Instant dueAt = timer.getDate("dueAt").toInstant();
        boolean late = Duration.between(dueAt, now).compareTo(settings.lateAfter()) > 0;
        Object payload = timer.get("payload");
        TimerFiring firing = new TimerFiring(
                timer.getString("_id"),
                timer.getString("type"),
                timer.getString("tenantId"),
                dueAt,
                now,
                late,
                payload instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of());
        TimerHandler handler = handlers().get(firing.type());
        Query held = LeaseClaims.held(timer);
        if (handler == null) {
            log.error(
                    "No handler for timer type {} (timer {}); it stays due and is retried",
                    firing.type(),
                    firing.key());
            return release(held).thenReturn(false);
        }
        return handler.fire(firing)
                // Fired: gone, unless it was rescheduled meanwhile (that cleared the claim, and the new time stands).
                .then(mongo.remove(held, TIMERS))
                .thenReturn(true)
                .onErrorResume(failure -> {
                    log.warn(
                            "Timer {} ({}) failed to fire; retrying in {}",
                            firing.key(),
                            firing.type(),
                            settings.retryAfter(),
                            failure);
                    return release(held).thenReturn(false);
                });
    }

    private Mono<Void> release(Query held) {
        return mongo.updateFirst(
                        held,
                        new Update()
                                .unset(LeaseClaims.CLAIM)
                                .set(
                                        LeaseClaims.LEASE_UNTIL,
                                        Date.from(clock.instant().plus(settings.retryAfter()))),
                        TIMERS)
                .then();
    }

    Mono<Void> createIndexes() {
        return mongo.indexOps(TIMERS)
                .createIndex(new Index().on("status", Sort.Direction.ASC).on("dueAt", Sort.Direction.ASC))
                .then();
    }

    @Override
    public void start() {
        Sinks.Many<Planned> sink = Sinks.many().unicast().onBackpressureBuffer();
        Flux<Planned> scans = Flux.interval(Duration.ZERO, settings.pollInterval())
                .onBackpressureDrop()
                .concatMap(
                        tick -> lookAhead().onErrorResume(failure -> {
                            log.warn("Timer scan failed; trying again at the next tick", failure);
                            return Flux.empty();
                        }),
                        1);
        loop = createIndexes()
                .thenMany(Flux.merge(scans, sink.asFlux()))
                .filter(timer -> planned.add(timer.token()))
                // Waits in memory until its time; the look-ahead bounds how many wait.
                .flatMap(timer -> Mono.delay(wait(timer)).thenReturn(timer), Integer.MAX_VALUE)
                .flatMap(this::claimAndFire, settings.concurrency())
                .subscribe();
        scheduledHere = sink;
    }

    private Duration wait(Planned timer) {
        Duration wait = Duration.between(clock.instant(), timer.at());
        return wait.isNegative() ? Duration.ZERO : wait;
    }

    @Override
    public void stop() {
        scheduledHere = null;
        Disposable running = loop;
        if (running != null) {
            running.dispose();
        }
        loop = null;
        planned.clear();
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
