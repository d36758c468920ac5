package app.thaw.notifications.events;

import java.time.Instant;
import java.util.List;

import app.thaw.notifications.templates.TemplateFacts;
import app.thaw.platform.events.EventType;
import org.jspecify.annotations.Nullable;

/**
 * notification-service's own records of other services' events (docs/events.md): the clocks
 * reminders follow, and each event a message is made of ({@link TemplateFacts}: what its templates
 * may name, what its webhooks pass on, and the staff owner a breached clock or a due task is told to).
 */
public final class ConsumedEvents {

    private ConsumedEvents() {}

    /**
     * @param ownerUserId the case's assignee: when present, the reminders go to that person alone
     * @param reference   the case's human number, which the reminders name it by (absent from a producer before it was sent)
     */
    @EventType("thaw.case.clock_set")
    public record ClockSet(
            String caseId,
            @Nullable String reference,
            String clockId,
            String clock,
            Instant dueAt,
            String ownerRole,
            @Nullable String ownerUserId,
            boolean urgent,
            String label) {}

    @EventType("thaw.case.clock_met")
    public record ClockMet(String caseId, String clockId) {}

    @EventType("thaw.case.clock_paused")
    public record ClockPaused(String caseId, String clockId) {}

    @EventType("thaw.case.clock_cancelled")
    public record ClockCancelled(String caseId, String clockId) {}

    // The events a message is made of: each record mirrors its example member for member (EventContractTests),
    // so a template may name, and a webhook passes on, every documented member. All are optional: a message with
    // a fact missing is still told (the template shows nothing for it) rather than refused as malformed.

    /** The holder of a case, as a case's events name them. */
    public record Holder(
            @Nullable String type,
            @Nullable String displayName,
            @Nullable String accountReference) {}

    /** A requirement of a triaged case's checklist, with its words in both languages. */
    public record Requirement(
            @Nullable String code,
            @Nullable String en,
            @Nullable String zh,
            @Nullable String reasonEn,
            @Nullable String reasonZh,
            @Nullable String status) {}

    @EventType("thaw.case.opened")
    public record Opened(
            @Nullable String caseId,
            @Nullable String scenario,
            @Nullable Boolean drill,
            @Nullable Boolean restricted,
            @Nullable String reference,
            @Nullable Holder holder,
            @Nullable String platform,
            @Nullable String scope,
            @Nullable Instant openedAt,
            @Nullable String sourceAlertId)
            implements TemplateFacts {

        @Override
        public @Nullable String holderName() {
            return holder == null ? null : holder.displayName();
        }
    }

    @EventType("thaw.case.triaged")
    public record Triaged(
            @Nullable String caseId,
            @Nullable String scenario,
            @Nullable Boolean drill,
            @Nullable Boolean restricted,
            @Nullable String scope,
            @Nullable Double confidence,
            @Nullable String previousScenario,
            @Nullable Boolean overridden,
            @Nullable String reference,
            @Nullable Holder holder,
            @Nullable List<Requirement> checklist)
            implements TemplateFacts {

        @Override
        public @Nullable String holderName() {
            return holder == null ? null : holder.displayName();
        }
    }

    @EventType("thaw.case.status_changed")
    public record StatusChanged(
            @Nullable String caseId,
            @Nullable String scenario,
            @Nullable Boolean drill,
            @Nullable Boolean restricted,
            @Nullable String reference,
            @Nullable String from,
            @Nullable String to,
            @Nullable String reason,
            @Nullable String actor)
            implements TemplateFacts {}

    /**
     * A clock ran out: its owner and the supervisors are told. The owner is optional here: a breach
     * without one still reaches the supervisors rather than stopping as a malformed event.
     *
     * @param ownerUserId the case's assignee: when present, that person alone hears of it as owner
     */
    @EventType("thaw.case.clock_breached")
    public record ClockBreached(
            @Nullable String caseId,
            @Nullable String scenario,
            @Nullable Boolean drill,
            @Nullable Boolean restricted,
            @Nullable String reference,
            @Nullable String clockId,
            @Nullable String clock,
            @Nullable Instant dueAt,
            @Nullable String ownerRole,
            @Nullable String ownerUserId)
            implements TemplateFacts {}

    /** A playbook task fell due: whoever holds its role is told. */
    @EventType("thaw.case.task_due")
    public record TaskDue(
            @Nullable String caseId,
            @Nullable String scenario,
            @Nullable Boolean drill,
            @Nullable Boolean restricted,
            @Nullable String reference,
            @Nullable String taskId,
            @Nullable String title,
            @Nullable String ownerRole,
            @Nullable Instant dueAt)
            implements TemplateFacts {}

    @EventType("thaw.case.supplement_requested")
    public record SupplementRequested(
            @Nullable String caseId,
            @Nullable String scenario,
            @Nullable Boolean drill,
            @Nullable Boolean restricted,
            @Nullable String reference,
            @Nullable Instant requestedAt,
            @Nullable List<String> items,
            @Nullable Instant acknowledgeBy)
            implements TemplateFacts {}

    @EventType("thaw.case.escalation_flagged")
    public record EscalationFlagged(
            @Nullable String caseId,
            @Nullable String scenario,
            @Nullable Boolean drill,
            @Nullable Boolean restricted,
            @Nullable String reference,
            @Nullable String level,
            @Nullable String reason)
            implements TemplateFacts {}

    @EventType("thaw.case.closed")
    public record Closed(
            @Nullable String caseId,
            @Nullable String scenario,
            @Nullable Boolean drill,
            @Nullable Boolean restricted,
            @Nullable String reference,
            @Nullable Instant closedAt,
            @Nullable String outcome)
            implements TemplateFacts {}

    @EventType("thaw.evidence.received")
    public record EvidenceReceived(
            @Nullable String caseId,
            @Nullable String evidenceId,
            @Nullable String requirementCode,
            @Nullable String sha256,
            @Nullable Long size,
            @Nullable String contentType,
            @Nullable String fileName,
            @Nullable String uploadedBy,
            @Nullable Boolean expired,
            @Nullable Boolean linked)
            implements TemplateFacts {}

    @EventType("thaw.evidence.verified")
    public record EvidenceVerified(
            @Nullable String caseId,
            @Nullable String evidenceId,
            @Nullable String requirementCode,
            @Nullable String verifiedBy)
            implements TemplateFacts {}

    @EventType("thaw.evidence.rejected")
    public record EvidenceRejected(
            @Nullable String caseId,
            @Nullable String evidenceId,
            @Nullable String requirementCode,
            @Nullable String reasonCode,
            @Nullable String note,
            @Nullable String verifiedBy)
            implements TemplateFacts {}

    @EventType("thaw.evidence.hold_placed")
    public record HoldPlaced(
            @Nullable String caseId,
            @Nullable String holdId,
            @Nullable String reason,
            @Nullable String by) implements TemplateFacts {}

    @EventType("thaw.evidence.hold_released")
    public record HoldReleased(
            @Nullable String caseId,
            @Nullable String holdId,
            @Nullable String reason,
            @Nullable String by) implements TemplateFacts {}

    @EventType("thaw.evidence.consent_granted")
    public record ConsentGranted(
            @Nullable String caseId,
            @Nullable String consentId,
            @Nullable String insurerTenantId,
            @Nullable String by) implements TemplateFacts {}

    @EventType("thaw.evidence.consent_revoked")
    public record ConsentRevoked(
            @Nullable String caseId,
            @Nullable String consentId,
            @Nullable String insurerTenantId,
            @Nullable String by) implements TemplateFacts {}

    @EventType("thaw.alert.raised")
    public record AlertRaised(
            @Nullable String alertId,
            @Nullable String subjectId,
            @Nullable String subjectLabel,
            @Nullable String subjectType,
            @Nullable String severity,
            @Nullable String detector,
            @Nullable String kind,
            @Nullable List<String> signalIds,
            @Nullable Integer count,
            @Nullable Instant raisedAt,
            @Nullable String listEntryId,
            @Nullable Double score,
            @Nullable List<String> matchedFields,
            @Nullable String listId,
            @Nullable String listVersion)
            implements TemplateFacts {}

    /** The events a message is made of: a message is told of each (the rules say to whom and how). */
    public static final List<Class<? extends TemplateFacts>> NOTIFIED = List.of(
            Opened.class,
            Triaged.class,
            StatusChanged.class,
            ClockBreached.class,
            TaskDue.class,
            SupplementRequested.class,
            EscalationFlagged.class,
            Closed.class,
            EvidenceReceived.class,
            EvidenceVerified.class,
            EvidenceRejected.class,
            HoldPlaced.class,
            HoldReleased.class,
            ConsentGranted.class,
            ConsentRevoked.class,
            AlertRaised.class);
}
