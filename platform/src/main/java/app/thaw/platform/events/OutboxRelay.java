package app.thaw.platform.events;

import static app.thaw.platform.events.EventOutbox.DEAD;
import static app.thaw.platform.events.EventOutbox.OUTBOX;
import static app.thaw.platform.events.EventOutbox.PENDING;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import app.thaw.platform.store.LeaseClaims;
import app.thaw.platform.timers.PeriodicPass;
import io.github.resilience4j.core.IntervalFunction;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Delivers the outbox, at least once. Each instance claims a batch of due entries by writing its
 * claim and a lease expiry onto them (so two instances never send the same entry at the same
 * moment; a crashed instance's claims lapse and another takes over), sends them, and records the
 * outcome: delivered (the entry leaves the outbox), retry later (exponential backoff with jitter), or
 * parked as a dead letter after {@code maxAttempts} or a final refusal. Dead letters can be replayed
 * ({@link #replay}).
 *
 * <p>On the embedded store every query not by {@code _id} scans its whole collection, so what the
 * relay scans often must stay as small as the work waiting (ADR 93): a delivered entry is removed
 * rather than kept, and each poll only claims due entries; the sweep of documents a crash left with
 * pending events, and the gauges, run every {@code sweepInterval}.
 */
public class OutboxRelay implements SmartLifecycle {

    public static final String DEAD_LETTERS = "dead_letters";
    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final ReactiveMongoTemplate mongo;
    private final EventOutbox outbox;
    private final EventTransport transport;
    private final EventsProperties.Relay settings;
    private final Clock clock;
    private final IntervalFunction backoff;
    private final LeaseClaims claims;
    private final Counter delivered;
    private final Counter failures;
    private final Counter parked;
    private final AtomicLong pendingCount = new AtomicLong();
    private final AtomicLong oldestPendingSeconds = new AtomicLong();
    private final AtomicLong deadLetterCount = new AtomicLong();
    private volatile @Nullable Disposable loop;
    private volatile @Nullable TopicReplay topicReplay;
    /** When this instance's loop last swept (monotonic nanos); the loop's other passes only deliver. */
    private volatile long lastSweep;

    private volatile boolean swept;

    public OutboxRelay(
            ReactiveMongoTemplate mongo,
            EventOutbox outbox,
            EventTransport transport,
            EventsProperties.Relay settings,
            Clock clock,
            MeterRegistry meters) {
        if (settings.timeout().compareTo(settings.lease()) >= 0) {
            throw new IllegalArgumentException("thaw.events.relay.timeout must be shorter than the lease, or two "
                    + "instances could send the same event at once");
        }
        this.mongo = mongo;
        this.outbox = outbox;
        this.transport = transport;
        this.settings = settings;
        this.clock = clock;
        this.claims = new LeaseClaims(mongo, OUTBOX, UUID.randomUUID().toString());
        this.backoff =
                IntervalFunction.ofExponentialRandomBackoff(settings.initialBackoff(), 2.0, 0.5, settings.maxBackoff());
        this.delivered = meters.counter("thaw.events.delivered");
        this.failures = meters.counter("thaw.events.delivery.failures");
        this.parked = meters.counter("thaw.events.parked");
        Gauge.builder("thaw.events.outbox.pending", pendingCount, AtomicLong::get)
                .register(meters);
        Gauge.builder("thaw.events.outbox.oldest.age", oldestPendingSeconds, AtomicLong::get)
                .baseUnit("seconds")
                .register(meters);
        Gauge.builder("thaw.events.dead_letters", deadLetterCount, AtomicLong::get)
                .register(meters);
    }

    /**
     * One pass: release stranded events, then deliver due entries until none is left.
     *
     * @return how many entries were handled (delivered, rescheduled or parked)
     */
    public Mono<Long> relayDue() {
        return outbox.sweep()
                .then(deliverBatches())
                .flatMap(handled -> refreshGauges().thenReturn(handled));
    }

    private Mono<Long> deliverBatches() {
        return claimBatch()
                .expand(batch -> batch.candidates() == settings.batchSize() ? claimBatch() : Mono.empty())
                .concatMap(batch -> Flux.fromIterable(batch.claimed()).flatMap(this::deliver, settings.concurrency()))
                .count();
    }

    private Mono<LeaseClaims.Batch> claimBatch() {
        Instant now = clock.instant();
        // In the order they became due, then were recorded, then their subject's sequence: a transport that keeps
        // order (Kafka, per partition) gets one subject's events in order.
        return claims.claimBatch(
                Criteria.where("status").is(PENDING).and("nextAttemptAt").lte(Date.from(now)),
                Sort.by("nextAttemptAt", "createdAt", "event.sequence"),
                settings.batchSize(),
                now,
                settings.lease(),
                settings.concurrency());
    }

    private Mono<Void> deliver(Document entry) {
        ThawEvent event = ThawEvent.fromDocument(entry.get("event", Document.class));
        int attempt = entry.getInteger("attempts", 0) + 1;
        String url = entry.getString("url");
        return transport
                .deliver(entry.getString("subscriber"), url == null ? null : URI.create(url), event)
                .flatMap(delivery -> switch (delivery.outcome()) {
                    case DELIVERED -> markDelivered(entry);
                    case REJECTED -> park(entry, attempt, delivery.detail());
                    case RETRY ->
                        attempt >= settings.maxAttempts()
                                ? park(entry, attempt, delivery.detail())
                                : reschedule(entry, attempt, delivery.detail());
                });
    }

    /**
     * A delivered entry leaves the outbox (only while this claim holds it), so the outbox holds what
     * is still to be sent, not the day's traffic that every claim's scan would read again (ADR 93).
     * Releasing the same event again afterwards sends it again: at least once, as after a crash;
     * consumers apply each event id once.
     */
    private Mono<Void> markDelivered(Document entry) {
        delivered.increment();
        return mongo.remove(held(entry), OUTBOX).then();
    }

    private Mono<Void> reschedule(Document entry, int attempt, String reason) {
        failures.increment();
        Instant next = clock.instant().plusMillis(backoff.apply(attempt));
        log.debug(
                "Delivery of {} to {} failed (attempt {}): {}; next at {}",
                entry.get("eventId"),
                entry.get("subscriber"),
                attempt,
                reason,
                next);
        return mongo.updateFirst(
                        held(entry),
                        new Update()
                                .set("attempts", attempt)
                                .set("nextAttemptAt", Date.from(next))
                                .set("lastError", reason)
                                .unset("claim")
                                .set("leaseUntil", new Date(0)),
                        OUTBOX)
                .then();
    }

    private Mono<Void> park(Document entry, int attempt, String reason) {
        failures.increment();
        parked.increment();
        log.warn(
                "Parking event {} ({}) for {} after {} attempt(s): {}",
                entry.get("eventId"),
                entry.get("event", Document.class).getString("type"),
                entry.get("subscriber"),
                attempt,
                reason);
        Document deadLetter = new Document(entry)
                .append("attempts", attempt)
                .append("lastError", reason)
                .append("parkedAt", Date.from(clock.instant()));
        deadLetter.remove("claim");
        deadLetter.remove("leaseUntil");
        return storeDeadLetter(mongo, deadLetter)
                .then(mongo.updateFirst(
                        held(entry),
                        new Update()
                                .set("status", DEAD)
                                .set("attempts", attempt)
                                .set("lastError", reason)
                                .unset("claim")
                                .set("leaseUntil", new Date(0)),
                        OUTBOX))
                .then();
    }

    /**
     * Keeps a dead letter for platform admins to list and replay, whichever transport parked it;
     * one parked before and replayed since is parked again, without the earlier replay.
     */
    static Mono<Void> storeDeadLetter(ReactiveMongoTemplate mongo, Document deadLetter) {
        return mongo.insert(deadLetter, DEAD_LETTERS)
                .onErrorResume(DuplicateKeyException.class, earlier -> mongo.save(deadLetter, DEAD_LETTERS))
                .then();
    }

    /** Only the instance that still holds the claim may record an outcome. */
    private static Query held(Document entry) {
        return LeaseClaims.held(entry);
    }

    /**
     * Puts a dead letter back for a fresh series of attempts; the dead letter keeps a record of it. One the relay
     * parked goes back into the outbox; one this service's Kafka consumer parked (origin {@code topic}) goes back
     * onto its topic ({@link #replayTopicsWith}).
     */
    public Mono<Boolean> replay(String deadLetterId, String replayedBy) {
        Date now = Date.from(clock.instant());
        return mongo.updateFirst(
                        Query.query(Criteria.where("_id")
                                .is(deadLetterId)
                                .and("status")
                                .is(DEAD)),
                        new Update()
                                .set("status", PENDING)
                                .set("attempts", 0)
                                .set("nextAttemptAt", now)
                                .set("leaseUntil", new Date(0))
                                .unset("lastError"),
                        OUTBOX)
                .flatMap(result -> result.getModifiedCount() == 0
                        ? replayFromTopic(deadLetterId, replayedBy)
                        : mongo.updateFirst(
                                        Query.query(Criteria.where("_id").is(deadLetterId)),
                                        new Update().set("replayedAt", now).set("replayedBy", replayedBy),
                                        DEAD_LETTERS)
                                .thenReturn(true));
    }

    private Mono<Boolean> replayFromTopic(String deadLetterId, String replayedBy) {
        TopicReplay replay = topicReplay;
        if (replay == null) {
            return Mono.just(false);
        }
        return mongo.findOne(
                        Query.query(Criteria.where("_id")
                                .is(deadLetterId)
                                .and("origin")
                                .is(KafkaEventConsumer.ORIGIN_TOPIC)
                                .and("replayedAt")
                                .exists(false)),
                        Document.class,
                        DEAD_LETTERS)
                .flatMap(deadLetter -> replay.replay(deadLetter, replayedBy))
                .defaultIfEmpty(false);
    }

    /** How dead letters this service's consumer parked from its topic are replayed (the Kafka transport). */
    public void replayTopicsWith(TopicReplay replay) {
        this.topicReplay = replay;
    }

    /** Sends a dead letter parked by a topic's consumer back to the topic; true once it is there again. */
    @FunctionalInterface
    public interface TopicReplay {
        Mono<Boolean> replay(Document deadLetter, String replayedBy);
    }

    /** Dead letters not replayed yet, oldest first, after the given id (cursor paging). */
    public Flux<DeadLetter> deadLetters(@Nullable String after, int limit) {
        Criteria criteria = Criteria.where("replayedAt").exists(false);
        if (after != null) {
            criteria = criteria.and("_id").gt(after);
        }
        return mongo.find(Query.query(criteria).with(Sort.by("_id")).limit(limit), Document.class, DEAD_LETTERS)
                .map(DeadLetter::of);
    }

    private Mono<Void> refreshGauges() {
        Query pending = Query.query(Criteria.where("status").is(PENDING));
        Query oldest = Query.query(Criteria.where("status").is(PENDING))
                .with(Sort.by("createdAt"))
                .limit(1);
        return Mono.when(
                mongo.count(pending, OUTBOX).doOnNext(pendingCount::set),
                mongo.findOne(oldest, Document.class, OUTBOX)
                        .map(entry -> Duration.between(
                                        entry.getDate("createdAt").toInstant(), clock.instant())
                                .toSeconds())
                        .defaultIfEmpty(0L)
                        .doOnNext(oldestPendingSeconds::set),
                mongo.count(Query.query(Criteria.where("replayedAt").exists(false)), DEAD_LETTERS)
                        .doOnNext(deadLetterCount::set));
    }

    @Override
    public void start() {
        // The indexes (for MongoDB) once, before the first pass; then a pass every pollInterval.
        Mono<Void> indexes = outbox.createIndexes()
                .then()
                .onErrorResume(failure -> {
                    log.warn("Creating the outbox indexes failed; relaying without them", failure);
                    return Mono.empty();
                })
                .cache();
        // A pass every pollInterval (sweep, deliver, gauges), and one as soon as this instance put new entries into
        // the outbox (deliver only): a committed event does not wait for the next poll.
        // Each poll claims due entries; the sweep and the gauges (scans of the watched collections and the outbox)
        // only every sweepInterval (ADR 93).
        swept = false;
        loop = PeriodicPass.everyOrWhen(
                "outbox relay pass",
                Duration.ZERO,
                settings.pollInterval(),
                () -> indexes.then(sweepDue() ? Mono.defer(this::sweepingPass) : deliverBatches()),
                outbox.released(),
                () -> indexes.then(deliverBatches()));
    }

    /** Whether the loop's next poll also sweeps: its first, then one every {@code sweepInterval}. */
    boolean sweepDue() {
        return !swept
                || System.nanoTime() - lastSweep >= settings.sweepInterval().toNanos();
    }

    private Mono<Long> sweepingPass() {
        swept = true;
        lastSweep = System.nanoTime();
        return relayDue();
    }

    @Override
    public void stop() {
        Disposable running = loop;
        if (running != null) {
            running.dispose();
        }
        loop = null;
    }

    /** An instance with {@code thaw.events.relay.enabled=false} only relays when asked ({@link #relayDue}). */
    @Override
    public boolean isAutoStartup() {
        return settings.enabled();
    }

    @Override
    public boolean isRunning() {
        return loop != null;
    }
}
