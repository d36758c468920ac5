package app.thaw.evidence.hold;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.thaw.evidence.casefile.Actors;
import app.thaw.evidence.casefile.CaseAccess;
import app.thaw.evidence.casefile.CaseCustody;
import app.thaw.evidence.casefile.CaseFile;
import app.thaw.evidence.casefile.CaseId;
import app.thaw.evidence.casefile.LegalHold;
import app.thaw.evidence.custody.CustodyAction;
import app.thaw.evidence.events.EvidenceEventMapper;
import app.thaw.platform.audit.AuditLog;
import app.thaw.platform.idempotency.IdempotentEffects;
import app.thaw.platform.problem.ThawProblem;
import app.thaw.platform.security.Caller;
import app.thaw.platform.security.ThawRoles;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Places and releases legal holds. Manual holds are for compliance officers and platform
 * administrators; compliance and judicial cases get one automatically. Every hold and release is
 * in the case's custody log, the audit log and a {@code thaw.evidence.hold_*} event.
 */
@Service
public class Holds {

    public static final String SYSTEM = "system";

    private final CaseAccess access;
    private final CaseCustody custody;
    private final EvidenceEventMapper events;
    private final AuditLog audit;
    private final Clock clock;

    Holds(CaseAccess access, CaseCustody custody, EvidenceEventMapper events, AuditLog audit, Clock clock) {
        this.access = access;
        this.custody = custody;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    public Mono<CaseFile> place(Caller caller, CaseId caseId, String reason) {
        requireHoldRole(caller);
        // Once per Idempotency-Key (ADR 56): a run repeated after a crash finds the hold the first run placed.
        return access.open(caller, caseId)
                .flatMap(file -> IdempotentEffects.once(
                        "legal-hold",
                        () -> UUID.randomUUID().toString(),
                        holdId -> Mono.justOrEmpty(file.hold(holdId) == null ? null : file),
                        holdId -> place(caller, file, holdId, reason)));
    }

    private Mono<CaseFile> place(Caller caller, CaseFile file, String holdId, String reason) {
        CaseId caseId = file.caseId();
        LegalHold hold = LegalHold.placed(holdId, reason, Actors.name(caller), clock.instant(), false);
        CaseFile next = file.placeHold(hold);
        // The entry is owed in the case file's own write (ADR 52): a crash before it is appended is repaired.
        CaseCustody.Owed owed = new CaseCustody.Owed(
                CustodyAction.HOLD_PLACED,
                "holdId",
                Actors.name(caller),
                hold.placedAt(),
                Map.of("holdId", hold.holdId(), "reason", reason));
        return custody.write(
                next,
                List.of(events.holdPlaced(next, hold)),
                owed,
                audit.record("evidence.hold_placed", "case", caseId.value(), Map.of("holdId", hold.holdId())));
    }

    public Mono<CaseFile> release(Caller caller, CaseId caseId, String holdId, String reason) {
        requireHoldRole(caller);
        return access.open(caller, caseId).flatMap(file -> {
            CaseFile next = file.releaseHold(holdId, Actors.name(caller), clock.instant(), reason);
            LegalHold released = java.util.Objects.requireNonNull(next.hold(holdId));
            CaseCustody.Owed owed = new CaseCustody.Owed(
                    CustodyAction.HOLD_RELEASED,
                    "holdId",
                    Actors.name(caller),
                    java.util.Objects.requireNonNull(released.releasedAt()),
                    Map.of("holdId", holdId, "reason", reason));
            return custody.write(
                    next,
                    List.of(events.holdReleased(next, released)),
                    owed,
                    audit.record("evidence.hold_released", "case", caseId.value(), Map.of("holdId", holdId)));
        });
    }

    /** The automatic hold of a compliance or judicial case, once. */
    Mono<CaseFile> placeAutomaticIfNeeded(CaseFile file) {
        if (!file.needsAutomaticHold()) {
            return Mono.just(file);
        }
        // One automatic hold per case and scenario: a repeated event cannot place a second.
        String holdId = "auto-" + file.scenario().toLowerCase(java.util.Locale.ROOT) + "-"
                + file.caseId().value();
        if (file.hold(holdId) != null) {
            return Mono.just(file);
        }
        String reason = "Automatic hold: the case's scenario is " + file.scenario();
        LegalHold hold = LegalHold.placed(holdId, reason, SYSTEM, clock.instant(), true);
        CaseFile next = file.placeHold(hold);
        CaseCustody.Owed owed = new CaseCustody.Owed(
                CustodyAction.HOLD_PLACED,
                "holdId",
                SYSTEM,
                hold.placedAt(),
                Map.of("holdId", holdId, "reason", reason, "automatic", "true"));
        return custody.write(
                next,
                List.of(events.holdPlaced(next, hold)),
                owed,
                audit.recordSystem(
                        next.tenantId(),
                        "evidence.hold_placed",
                        "case",
                        next.caseId().value(),
                        Map.of("holdId", holdId, "automatic", true)));
    }

    private static void requireHoldRole(Caller caller) {
        if (!caller.hasAnyRole(ThawRoles.COMPLIANCE_OFFICER, ThawRoles.PLATFORM_ADMIN)) {
            throw new ThawProblem(
                    HttpStatus.FORBIDDEN,
                    "forbidden",
                    "Only a compliance officer or a platform administrator places or releases legal holds.");
        }
    }
}
