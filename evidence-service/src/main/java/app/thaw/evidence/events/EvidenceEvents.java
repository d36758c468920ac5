package app.thaw.evidence.events;

import app.thaw.evidence.item.RejectionReason;
import app.thaw.evidence.item.RequirementCode;
import app.thaw.platform.events.EventType;

/** The {@code thaw.evidence.*} events, one record each (docs/events.md). */
public final class EvidenceEvents {

    private EvidenceEvents() {}

    /**
     * @param expired a past expiry date was recorded
     * @param linked  an existing file was linked to this requirement (the same content uploaded for a second one)
     */
    @EventType("thaw.evidence.received")
    public record Received(
            String caseId,
            String evidenceId,
            RequirementCode requirementCode,
            String sha256,
            long size,
            String contentType,
            String fileName,
            String uploadedBy,
            boolean expired,
            boolean linked) {}

    /** Sent once for each requirement the file proves. */
    @EventType("thaw.evidence.verified")
    public record Verified(String caseId, String evidenceId, RequirementCode requirementCode, String verifiedBy) {}

    /** Sent once for each requirement the file proves; {@code note} is empty when the reviewer wrote none. */
    @EventType("thaw.evidence.rejected")
    public record Rejected(
            String caseId,
            String evidenceId,
            RequirementCode requirementCode,
            RejectionReason reasonCode,
            String note,
            String verifiedBy) {}

    /** The hold covers the case: the subject is the case id. */
    @EventType("thaw.evidence.hold_placed")
    public record HoldPlaced(String caseId, String holdId, String reason, String by) {}

    @EventType("thaw.evidence.hold_released")
    public record HoldReleased(String caseId, String holdId, String reason, String by) {}

    /** The holder let an insurer follow the case (subject: the case id). */
    @EventType("thaw.evidence.consent_granted")
    public record ConsentGranted(String caseId, String consentId, String insurerTenantId, String by) {}

    /** The holder withdrew it; a revoked consent never comes back. */
    @EventType("thaw.evidence.consent_revoked")
    public record ConsentRevoked(String caseId, String consentId, String insurerTenantId, String by) {}
}
