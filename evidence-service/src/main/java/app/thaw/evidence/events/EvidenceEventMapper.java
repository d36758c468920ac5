package app.thaw.evidence.events;

import java.time.Clock;
import java.util.List;

import app.thaw.evidence.casefile.CaseFile;
import app.thaw.evidence.casefile.InsurerConsent;
import app.thaw.evidence.casefile.LegalHold;
import app.thaw.evidence.item.EvidenceItem;
import app.thaw.evidence.item.RequirementCode;
import app.thaw.evidence.item.Verdict;
import app.thaw.platform.events.ThawEvent;
import app.thaw.platform.events.Traceparents;
import app.thaw.platform.privacy.AccountNumbers;
import org.springframework.stereotype.Component;

/**
 * Makes the {@code thaw.evidence.*} events of a change, carrying the current trace. Their
 * {@code sequence} is the version the change gives the item (or, for holds, the case file): it
 * only grows per subject, and the events of one change share it.
 */
@Component
public class EvidenceEventMapper {

    public static final String SOURCE = "/thaw/evidence-service";

    private final Clock clock;
    private final Traceparents traceparents;

    public EvidenceEventMapper(Clock clock, Traceparents traceparents) {
        this.clock = clock;
        this.traceparents = traceparents;
    }

    public ThawEvent received(EvidenceItem item) {
        return received(item, item.requirementCode(), false);
    }

    /** The same file now also proves {@code requirement}: {@code .received} for that requirement. */
    public ThawEvent linked(EvidenceItem item, RequirementCode requirement) {
        return received(item, requirement, true);
    }

    private ThawEvent received(EvidenceItem item, RequirementCode requirement, boolean linked) {
        return itemEvent(
                item,
                new EvidenceEvents.Received(
                        item.caseId().value(),
                        item.id().value(),
                        requirement,
                        item.sha256(),
                        // A holder may name a file after the account it proves: identifiers leave the service masked.
                        item.size(),
                        item.contentType(),
                        AccountNumbers.maskedInText(item.fileName()),
                        item.uploadedBy(),
                        item.expired(),
                        linked));
    }

    /** {@code .verified} or {@code .rejected} for every requirement the file proves, as the verdict says. */
    public List<ThawEvent> decidedForEach(EvidenceItem item, Verdict verdict) {
        return item.requirements().stream()
                .map(requirement -> decided(item, requirement, verdict))
                .toList();
    }

    private ThawEvent decided(EvidenceItem item, RequirementCode requirement, Verdict verdict) {
        String caseId = item.caseId().value();
        String evidenceId = item.id().value();
        if (verdict.accepted()) {
            return itemEvent(item, new EvidenceEvents.Verified(caseId, evidenceId, requirement, verdict.by()));
        }
        if (verdict.reason() == null) {
            throw new IllegalStateException("A rejection without a reason code: " + evidenceId);
        }
        return itemEvent(
                item,
                new EvidenceEvents.Rejected(
                        caseId,
                        evidenceId,
                        requirement,
                        verdict.reason(),
                        verdict.note() == null ? "" : AccountNumbers.maskedInText(verdict.note()),
                        verdict.by()));
    }

    public ThawEvent holdPlaced(CaseFile file, LegalHold hold) {
        return caseFileEvent(
                file,
                new EvidenceEvents.HoldPlaced(file.caseId().value(), hold.holdId(), hold.reason(), hold.placedBy()));
    }

    public ThawEvent holdReleased(CaseFile file, LegalHold hold) {
        return caseFileEvent(
                file,
                new EvidenceEvents.HoldReleased(
                        file.caseId().value(),
                        hold.holdId(),
                        hold.reason(),
                        hold.releasedBy() == null ? "" : hold.releasedBy()));
    }

    public ThawEvent consentGranted(CaseFile file, InsurerConsent consent) {
        return caseFileEvent(
                file,
                new EvidenceEvents.ConsentGranted(
                        file.caseId().value(), consent.consentId(), consent.insurerTenantId(), consent.grantedBy()));
    }

    public ThawEvent consentRevoked(CaseFile file, InsurerConsent consent) {
        return caseFileEvent(
                file,
                new EvidenceEvents.ConsentRevoked(
                        file.caseId().value(),
                        consent.consentId(),
                        consent.insurerTenantId(),
                        consent.revokedBy() == null ? "" : consent.revokedBy()));
    }

    private ThawEvent itemEvent(EvidenceItem item, Object data) {
        return ThawEvent.of(
                SOURCE,
                item.id().value(),
                item.tenantId(),
                clock.instant(),
                item.version(),
                traceparents.current(),
                data);
    }

    private ThawEvent caseFileEvent(CaseFile file, Object data) {
        return ThawEvent.of(
                SOURCE,
                file.caseId().value(),
                file.tenantId(),
                clock.instant(),
                file.version(),
                traceparents.current(),
                data);
    }
}
