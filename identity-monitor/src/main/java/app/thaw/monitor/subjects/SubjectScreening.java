package app.thaw.monitor.subjects;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import app.thaw.monitor.alerts.Alert;
import app.thaw.monitor.alerts.AlertService;
import app.thaw.monitor.protection.IdentifierProtector;
import app.thaw.monitor.protection.IdentifierType;
import app.thaw.monitor.protection.ProtectedValue;
import app.thaw.monitor.screening.ScreeningService;
import app.thaw.monitor.screening.matching.ScreeningIndex;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Sanctions screening of subjects: a subject's hit (score at or over the tenant's threshold, not on
 * its allow-list for that entry) raises one SANCTIONS_HIT alert per subject and entry, which
 * case-service turns into a COMPLIANCE_HOLD review case: a hit is a reason to look, never a verdict.
 * Runs on enrolment, on request, and for every subject of every tenant when a list changes.
 * Screening itself (lists, matching, decisions) knows no subject; the subjects own this step.
 */
@Component
public class SubjectScreening {

    private static final Logger log = LoggerFactory.getLogger(SubjectScreening.class);
    private static final int RESCREEN_PAGE = 200;

    private final ScreeningService screening;
    private final AlertService alerts;
    private final Subjects subjects;
    private final IdentifierProtector protector;

    SubjectScreening(
            ScreeningService screening, AlertService alerts, Subjects subjects, IdentifierProtector protector) {
        this.screening = screening;
        this.alerts = alerts;
        this.subjects = subjects;
        this.protector = protector;
    }

    /** Screens an enrolled subject's names (given in clear by the caller that has them); the count of new alerts. */
    public Mono<Integer> screen(Subject subject, Map<IdentifierType, List<String>> names) {
        if (names.isEmpty()) {
            return Mono.just(0);
        }
        return screening
                .screenParty(
                        subject.tenantId(), subject.id(), names, subject.type().listedAs())
                .flatMapMany(Flux::fromIterable)
                .concatMap(hit -> alerts.raiseSanctionsHit(
                        subject.tenantId(),
                        subject.id(),
                        subject.label(),
                        subject.type().name(),
                        new Alert.Sanction(
                                hit.entryId(),
                                hit.listName(),
                                hit.matchedName(),
                                hit.score(),
                                hit.matchedFields(),
                                hit.listId(),
                                hit.listVersion(),
                                hit.entryFingerprint())))
                .filter(Boolean::booleanValue)
                .count()
                .map(Long::intValue);
    }

    /** Screens a stored subject again, decrypting its names. */
    public Mono<Integer> rescreen(Subject subject) {
        Map<IdentifierType, List<String>> names = new LinkedHashMap<>();
        for (ProtectedValue name : subject.names()) {
            names.computeIfAbsent(name.type(), t -> new ArrayList<>())
                    .add(protector.reveal(subject.tenantId(), subject.id(), name));
        }
        return screen(subject, names);
    }

    /**
     * Reads every list again (blocking I/O, on boundedElastic) and, if one changed, screens every
     * subject of every tenant against them, a page at a time.
     */
    public Mono<Refresh> refresh() {
        return refreshWith(screening::reload);
    }

    /** Reads one list again (from its official url where one is configured), as {@link #refresh()} does. */
    public Mono<Refresh> refresh(String listId) {
        return refreshWith(() -> screening.reload(listId));
    }

    private Mono<Refresh> refreshWith(Callable<Boolean> reload) {
        return Mono.fromCallable(reload)
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(changed -> {
                    ScreeningIndex index = screening.index();
                    Mono<Long> rescreened = changed ? rescreenAll() : Mono.just(0L);
                    return rescreened.map(n -> new Refresh(
                            index.list().version(), index.list().entries().size(), index.nameCount(), changed, n));
                });
    }

    Mono<Long> rescreenAll() {
        return rescreenFrom(null, 0L);
    }

    private Mono<Long> rescreenFrom(@Nullable String cursor, long done) {
        return subjects.allAfter(cursor, RESCREEN_PAGE).collectList().flatMap(page -> {
            if (page.isEmpty()) {
                log.info("Re-screened {} subjects against the changed sanctions list", done);
                return Mono.just(done);
            }
            return Flux.fromIterable(page)
                    .concatMap(subject -> rescreen(subject).onErrorResume(failure -> {
                        log.warn(
                                "Re-screening subject {} failed; it is screened again at the next change",
                                subject.id(),
                                failure);
                        return Mono.just(0);
                    }))
                    .then(Mono.defer(() -> rescreenFrom(page.getLast().id(), done + page.size())));
        });
    }

    /** What a refresh found. */
    public record Refresh(String version, int entries, int names, boolean changed, long subjectsRescreened) {}
}
