package app.thaw.evidence.casefile;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import app.thaw.evidence.content.UploadProperties;
import app.thaw.evidence.custody.CustodyAction;
import app.thaw.evidence.custody.CustodyEntry;
import app.thaw.evidence.custody.CustodyLog;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Keeps a hold's or a consent's change to the case file and its custody entry consistent although
 * they are two writes (ADR 52, as the items' {@code UploadCustody} does for uploads, ADR 57). The case file's
 * write also records the entry it owes ({@value #OWED}: action, actor, time, details); the entry is
 * appended, then the debt is settled. An instance that dies in between leaves the debt, and the
 * repair — a loop every {@code reaper-interval}, and every custody verification of the case — appends the owed entry
 * (unless the chain has it already: the instance died after the append) and settles it. Debts
 * younger than the grace are left to their request, which may still be on its way to the log.
 */
@Service
public class CaseCustody {

    /** The case file's member listing the custody entries its last writes still owe. */
    public static final String OWED = "custodyOwed";

    private static final Logger log = LoggerFactory.getLogger(CaseCustody.class);
    private static final int BATCH = 500;

    private final CustodyLog custody;
    private final CaseFiles cases;
    private final UploadProperties settings;
    private final Clock clock;

    CaseCustody(CustodyLog custody, CaseFiles cases, UploadProperties settings, Clock clock) {
        this.custody = custody;
        this.cases = cases;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * An entry a case file's write owes: {@code action} on the object {@code details} names under
     * {@code refKey} (a hold's {@code holdId}, a consent's {@code consentId}).
     */
    public record Owed(CustodyAction action, String refKey, String actor, Instant at, Map<String, String> details) {

        public Owed {
            details = Map.copyOf(details);
            if (!details.containsKey(refKey)) {
                throw new IllegalArgumentException("The owed entry's details must name " + refKey);
            }
        }

        /** What the entry is about: its action and object, one debt per pair. */
        public String ref() {
            return action.name() + ":" + details.get(refKey);
        }
    }

    /**
     * A hold's or a consent's change written whole: the case file with its events and the entry it
     * owes, then that entry, then {@code audited} (the act's audit); the saved case file.
     */
    public Mono<CaseFile> write(
            CaseFile next, java.util.List<app.thaw.platform.events.ThawEvent> events, Owed owed, Mono<Void> audited) {
        return cases.update(next, events, owed)
                .flatMap(saved -> record(saved, owed).then(audited).thenReturn(saved));
    }

    /** The entry the saved case file owes, then the debt settled. */
    public Mono<CustodyEntry> record(CaseFile saved, Owed owed) {
        return custody.caseAction(saved.tenantId(), saved.caseId().value(), owed.action(), owed.actor(), owed.details())
                .flatMap(entry ->
                        cases.settle(saved.tenantId(), saved.caseId(), owed).thenReturn(entry));
    }

    /** Appends the entries writes died before appending, for debts older than the grace, of every case. */
    public Mono<Long> repairAll() {
        return repair(null, null);
    }

    /** As {@link #repairAll()}, for one case. */
    public Mono<Long> repair(CaseFile file) {
        return repair(file.tenantId(), file.caseId());
    }

    private Mono<Long> repair(@Nullable String tenantId, @Nullable CaseId caseId) {
        Instant before = clock.instant().minus(settings.custodyGrace());
        return cases.owing(tenantId, caseId, before, BATCH)
                .concatMap(file -> Flux.fromIterable(file.owed())
                        .filter(owed -> owed.at().isBefore(before))
                        .concatMap(owed -> custody.holds(
                                        file.tenantId(),
                                        file.caseId().value(),
                                        owed.action(),
                                        owed.refKey(),
                                        owed.details().get(owed.refKey()))
                                .flatMap(found ->
                                        found ? Mono.<Void>empty() : owedEntry(file.tenantId(), file.caseId(), owed))
                                .then(cases.settle(file.tenantId(), file.caseId(), owed))
                                .thenReturn(1L)))
                .count();
    }

    private Mono<Void> owedEntry(String tenantId, CaseId caseId, Owed owed) {
        log.warn(
                "Case {} recorded {} without its custody entry (its request died in between); recording it now",
                caseId,
                owed.ref());
        Map<String, String> details = new LinkedHashMap<>(owed.details());
        details.put("happenedAt", owed.at().toString());
        details.put("recordedLate", "true");
        return custody.caseAction(tenantId, caseId.value(), owed.action(), owed.actor(), details)
                .then();
    }
}
