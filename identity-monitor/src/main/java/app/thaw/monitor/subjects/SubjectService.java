package app.thaw.monitor.subjects;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import app.thaw.monitor.alerts.AlertService;
import app.thaw.monitor.baseline.Baselines;
import app.thaw.monitor.ids.Ids;
import app.thaw.monitor.metering.UsageMeter;
import app.thaw.monitor.protection.IdentifierProtector;
import app.thaw.monitor.protection.IdentifierType;
import app.thaw.monitor.signals.Signals;
import app.thaw.monitor.subscription.SubscriptionService;
import app.thaw.platform.audit.AuditLog;
import app.thaw.platform.idempotency.IdempotentEffects;
import app.thaw.platform.security.Caller;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Enrols, finds, holds and erases subjects of the caller's tenant. Plain identifiers exist only
 * in this call's memory: they are hashed, encrypted and masked before anything is stored, and
 * nothing here logs them.
 */
@Service
public class SubjectService {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SubjectService.class);

    private final Subjects store;
    private final IdentifierProtector protector;
    private final SubscriptionService subscriptions;
    private final SubjectScreening screening;
    private final UsageMeter meter;
    private final AuditLog audit;
    private final Baselines baselines;
    private final Signals signals;
    private final AlertService alerts;
    private final Clock clock;

    SubjectService(
            Subjects store,
            IdentifierProtector protector,
            SubscriptionService subscriptions,
            SubjectScreening screening,
            UsageMeter meter,
            AuditLog audit,
            Baselines baselines,
            Signals signals,
            AlertService alerts,
            Clock clock) {
        this.store = store;
        this.protector = protector;
        this.subscriptions = subscriptions;
        this.screening = screening;
        this.meter = meter;
        this.audit = audit;
        this.baselines = baselines;
        this.signals = signals;
        this.alerts = alerts;
        this.clock = clock;
    }

    /**
     * Enrols a subject within the tenant's plan, then screens its names. Once per
     * {@code Idempotency-Key} (ADR 56): a run repeated after its instance died finds the subject the
     * first run enrolled, screens its names again (alerts correlate, so none is raised twice) and
     * answers with it.
     */
    public Mono<Enrolled> enrol(Caller caller, SubjectType type, List<PlainIdentifier> identifiers) {
        String tenantId = caller.tenantId();
        return IdempotentEffects.once(
                "subject",
                () -> Ids.next("sub"),
                key -> Ids.keyed("sub", key),
                id -> store.find(tenantId, id)
                        .flatMap(subject -> screening
                                .screen(subject, namesOf(identifiers))
                                .map(hits -> new Enrolled(subject, hits))),
                id -> enrol(tenantId, id, type, identifiers));
    }

    private Mono<Enrolled> enrol(String tenantId, String id, SubjectType type, List<PlainIdentifier> identifiers) {
        return subscriptions
                .subjectLimit(tenantId)
                .flatMap(limit -> subscriptions
                        .reserveSubject(tenantId, limit)
                        .flatMap(reserved -> reserved ? Mono.just(limit) : Mono.error(new SubjectQuotaExceeded(limit))))
                // AEAD nonces come from SecureRandom, which may read /dev/urandom: off the event loop.
                .flatMap(plan -> Mono.fromCallable(() -> identifiers.stream()
                                .map(identifier ->
                                        protector.protect(tenantId, id, identifier.type(), identifier.value()))
                                .toList())
                        .subscribeOn(Schedulers.boundedElastic()))
                .map(protectedValues ->
                        new Subject(id, tenantId, type, protectedValues, false, null, 1, clock.instant()))
                .flatMap(subject -> store.insert(subject)
                        .onErrorResume(failure ->
                                subscriptions.releaseSubject(tenantId).then(Mono.error(failure))))
                .doOnNext(subject -> log.debug(
                        "Enrolled subject {} ({}, {} identifiers) for tenant {}",
                        subject.id(),
                        subject.label(),
                        subject.identifiers().size(),
                        tenantId))
                .flatMap(subject -> meter.add(tenantId, UsageMeter.Counter.SUBJECTS_ENROLLED, 1)
                        .then(audit.record("monitor.subject.enrolled", "subject", id, Map.of("type", type.name())))
                        .then(screening.screen(subject, namesOf(identifiers)))
                        .map(hits -> new Enrolled(subject, hits)));
    }

    public Mono<Subject> get(Caller caller, String id) {
        return store.find(caller.tenantId(), id).switchIfEmpty(Mono.error(() -> new SubjectNotFound(id)));
    }

    /** The tenant's subject, or empty: for work on the tenant's behalf (signal processing), not for a caller. */
    public Mono<Subject> find(String tenantId, String id) {
        return store.find(tenantId, id);
    }

    /** The tenant's subjects with any of these identifier hashes: how signals find their subjects. */
    public Flux<Subject> withHashes(String tenantId, List<String> hashes) {
        return store.byHashes(tenantId, hashes, Integer.MAX_VALUE);
    }

    public Flux<Subject> page(Caller caller, @Nullable String cursor, int limit) {
        return store.page(caller.tenantId(), cursor, limit);
    }

    /** Subjects of the caller's tenant with this identifier (matched by its keyed hash). */
    public Flux<Subject> lookup(Caller caller, IdentifierType type, String value) {
        return store.byHashes(caller.tenantId(), List.of(protector.hash(caller.tenantId(), type, value)), 20);
    }

    /** The identifiers in clear, for a caller allowed to see them; the read is audited. */
    public Mono<List<PlainIdentifier>> reveal(Caller caller, String id) {
        return get(caller, id)
                .map(subject -> subject.identifiers().stream()
                        .map(value -> new PlainIdentifier(
                                value.type(), protector.reveal(subject.tenantId(), subject.id(), value)))
                        .toList())
                .flatMap(values -> audit.record("monitor.subject.identifiers_revealed", "subject", id, Map.of())
                        .thenReturn(values));
    }

    public Mono<Subject> setLegalHold(Caller caller, String id, long version, boolean hold, @Nullable String reason) {
        return store.setHold(caller.tenantId(), id, version, hold, reason)
                .flatMap(subject -> audit.record(
                                hold ? "monitor.subject.hold_placed" : "monitor.subject.hold_released",
                                "subject",
                                id,
                                reason == null ? Map.of() : Map.of("reason", reason))
                        .thenReturn(subject));
    }

    /**
     * Erases the subject, its baseline and the signals matched to it, unless it is under legal hold.
     * Alerts stay (they are the tenant's record of what happened) but lose the subject's label.
     */
    public Mono<Void> erase(Caller caller, String id) {
        String tenantId = caller.tenantId();
        return get(caller, id)
                .doOnNext(Subject::checkErasable)
                .flatMap(subject -> store.deleteUnlessHeld(tenantId, id))
                .flatMap(deleted -> deleted ? Mono.just(true) : Mono.error(new SubjectUnderLegalHold(id)))
                .then(subscriptions.releaseSubject(tenantId))
                .then(baselines.erase(tenantId, id))
                .then(signals.eraseSubject(tenantId, id))
                .then(alerts.forgetSubjectLabel(tenantId, id))
                .then(audit.record("monitor.subject.erased", "subject", id, Map.of()));
    }

    private static Map<IdentifierType, List<String>> namesOf(List<PlainIdentifier> identifiers) {
        return identifiers.stream()
                .filter(i -> i.type().isName())
                .collect(java.util.stream.Collectors.groupingBy(
                        PlainIdentifier::type,
                        java.util.stream.Collectors.mapping(
                                PlainIdentifier::value, java.util.stream.Collectors.toList())));
    }

    /** A new subject and how many sanctions hits its screening raised. */
    public record Enrolled(Subject subject, int sanctionsHits) {}
}
