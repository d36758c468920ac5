package app.thaw.cases.events;

import java.time.Instant;

import app.thaw.platform.events.EventType;
import org.jspecify.annotations.Nullable;

/**
 * case-service's own records of the events it consumes: only the members it reads (docs/events.md
 * promises each; the contract test checks it). Members it does not know are ignored.
 */
public final class ConsumedEvents {

    private ConsumedEvents() {}

    /** What every evidence event says: which file, for which requirement of which case. */
    public sealed interface EvidenceFact {
        String caseId();

        String evidenceId();

        String requirementCode();
    }

    @EventType("thaw.evidence.received")
    public record EvidenceReceived(String caseId, String evidenceId, String requirementCode) implements EvidenceFact {}

    @EventType("thaw.evidence.verified")
    public record EvidenceVerified(String caseId, String evidenceId, String requirementCode) implements EvidenceFact {}

    @EventType("thaw.evidence.rejected")
    public record EvidenceRejected(
            String caseId,
            String evidenceId,
            String requirementCode,
            String reasonCode,
            @Nullable String note) implements EvidenceFact {}

    /** @param firstForCase the first successful delivery to the client for this case: it meets the golden 15 minutes */
    @EventType("thaw.notification.delivered")
    public record NotificationDelivered(
            @Nullable String caseId, String recipientKind, Instant deliveredAt, boolean firstForCase) {}

    /** Only what decides whether a case opens is required; the rest fills the case's notice when present. */
    @EventType("thaw.alert.raised")
    public record AlertRaised(
            String alertId,
            String kind,
            String severity,
            @Nullable String subjectId,
            @Nullable String subjectLabel,
            @Nullable String subjectType,
            @Nullable String detector,
            @Nullable Integer count,
            @Nullable Instant raisedAt,
            @Nullable String listEntryId,
            @Nullable Double score) {}

    /** The holder let an insurer follow the case (evidence-service owns consents). */
    @EventType("thaw.evidence.consent_granted")
    public record ConsentGranted(String caseId, String consentId, String insurerTenantId) {}

    /** The holder withdrew it: terminal. */
    @EventType("thaw.evidence.consent_revoked")
    public record ConsentRevoked(String caseId, String consentId, String insurerTenantId) {}
}
