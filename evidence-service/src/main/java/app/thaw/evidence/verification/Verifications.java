package app.thaw.evidence.verification;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

import app.thaw.evidence.casefile.Actors;
import app.thaw.evidence.casefile.EvidenceProperties;
import app.thaw.evidence.custody.CustodyAction;
import app.thaw.evidence.events.EvidenceEventMapper;
import app.thaw.evidence.item.DocumentMetadata;
import app.thaw.evidence.item.EvidenceId;
import app.thaw.evidence.item.EvidenceItem;
import app.thaw.evidence.item.EvidenceItems;
import app.thaw.evidence.item.ItemAccess;
import app.thaw.evidence.item.ItemCustody;
import app.thaw.evidence.item.RejectionReason;
import app.thaw.evidence.item.Verdict;
import app.thaw.platform.audit.AuditLog;
import app.thaw.platform.problem.ThawProblem;
import app.thaw.platform.security.Caller;
import app.thaw.platform.security.ThawRoles;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Staff verdicts: accept, or reject with a reason code and a note, together with what the
 * document says (type, name, expiry date; a past expiry date is flagged). The verdict, its event
 * ({@code thaw.evidence.verified} / {@code .rejected}) and the version are one write.
 */
@Service
public class Verifications {

    private final ItemAccess access;
    private final EvidenceItems items;
    private final ItemCustody custody;
    private final EvidenceEventMapper events;
    private final AuditLog audit;
    private final EvidenceProperties properties;
    private final Clock clock;

    Verifications(
            ItemAccess access,
            EvidenceItems items,
            ItemCustody custody,
            EvidenceEventMapper events,
            AuditLog audit,
            EvidenceProperties properties,
            Clock clock) {
        this.access = access;
        this.items = items;
        this.custody = custody;
        this.events = events;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    /** A verdict as staff give it; {@code reason} only for a rejection. */
    public record Decision(
            boolean accept,
            @Nullable RejectionReason reason,
            @Nullable String note,
            DocumentMetadata metadata,
            @Nullable Long expectedVersion) {}

    public Mono<EvidenceItem> decide(Caller caller, EvidenceId id, Decision decision) {
        if (!caller.hasAnyRole(ThawRoles.STAFF_AGENT, ThawRoles.STAFF_SUPERVISOR, ThawRoles.COMPLIANCE_OFFICER)) {
            return Mono.error(
                    new ThawProblem(HttpStatus.FORBIDDEN, "forbidden", "Only staff give verdicts on evidence."));
        }
        return access.open(caller, id).flatMap(opened -> {
            EvidenceItem item = opened.item();
            if (decision.expectedVersion() != null && decision.expectedVersion() != item.version()) {
                return Mono.error(new ThawProblem(
                        HttpStatus.CONFLICT,
                        "version_conflict",
                        "Evidence " + id + " is at version " + item.version() + ", not " + decision.expectedVersion()
                                + "."));
            }
            String by = Actors.name(caller);
            Verdict verdict = decision.accept()
                    ? Verdict.accept(by, clock.instant(), decision.note())
                    : Verdict.reject(
                            java.util.Objects.requireNonNull(decision.reason()), decision.note(), by, clock.instant());
            LocalDate today = LocalDate.now(
                    clock.withZone(properties.forTenant(item.tenantId()).timeZone()));
            EvidenceItem decided = item.decide(verdict, decision.metadata(), today);
            return items.update(decided, events.decidedForEach(decided, decided.verdict()))
                    .flatMap(saved -> custody.record(
                                    saved,
                                    verdict.accepted() ? CustodyAction.VERIFIED : CustodyAction.REJECTED,
                                    by,
                                    verdict.reason() == null
                                            ? Map.of()
                                            : Map.of(
                                                    "reasonCode",
                                                    verdict.reason().name()))
                            .then(audit.record(
                                    verdict.accepted() ? "evidence.verified" : "evidence.rejected",
                                    "evidence",
                                    id.value(),
                                    Map.of("caseId", saved.caseId().value())))
                            .thenReturn(saved));
        });
    }
}
