package app.thaw.cases.events;

import java.time.Instant;
import java.util.List;

import app.thaw.cases.incident.CaseStatus;
import app.thaw.cases.incident.ChecklistStatus;
import app.thaw.cases.incident.ClockKind;
import app.thaw.cases.incident.EntityType;
import app.thaw.cases.incident.EscalationLevel;
import app.thaw.cases.incident.FreezeScope;
import app.thaw.cases.incident.Outcome;
import app.thaw.cases.incident.Party;
import app.thaw.cases.incident.Scenario;
import app.thaw.platform.events.EventType;
import org.jspecify.annotations.Nullable;

/**
 * The {@code thaw.case.*} events, one record each (docs/events.md). Every one starts with what
 * every case event carries: {@code caseId}, {@code scenario}, {@code drill}, and {@code restricted}
 * (COMPLIANCE_HOLD: consumers must not disclose the reason to the holder), and carries the case's
 * {@code reference} (the human case number a message names the case by, never the id).
 */
public final class CaseEvents {

    private CaseEvents() {}

    @EventType("thaw.case.opened")
    public record Opened(
            String caseId,
            Scenario scenario,
            boolean drill,
            boolean restricted,
            String reference,
            Holder holder,
            String platform,
            FreezeScope scope,
            Instant openedAt,
            @Nullable String sourceAlertId) {}

    /** @param accountReference masked to its last four characters: the number itself never leaves the case */
    public record Holder(EntityType type, String displayName, String accountReference) {}

    @EventType("thaw.case.triaged")
    public record Triaged(
            String caseId,
            Scenario scenario,
            boolean drill,
            boolean restricted,
            FreezeScope scope,
            double confidence,
            @Nullable Scenario previousScenario,
            boolean overridden,
            String reference,
            HolderName holder,
            List<Requirement> checklist) {}

    public record HolderName(String displayName) {}

    /** A requirement of the case's checklist, labelled in both languages for the message to the holder. */
    public record Requirement(
            String code, String en, String zh, String reasonEn, String reasonZh, ChecklistStatus status) {}

    @EventType("thaw.case.status_changed")
    public record StatusChanged(
            String caseId,
            Scenario scenario,
            boolean drill,
            boolean restricted,
            String reference,
            CaseStatus from,
            CaseStatus to,
            @Nullable String reason,
            String actor) {}

    /**
     * @param clockId     stable per clock instance: moving a deadline or reassigning the case re-sends it
     * @param ownerUserId the case's assignee (a user id, the token subject), who alone gets its reminders
     */
    @EventType("thaw.case.clock_set")
    public record ClockSet(
            String caseId,
            Scenario scenario,
            boolean drill,
            boolean restricted,
            String reference,
            String clockId,
            ClockKind clock,
            Instant dueAt,
            String ownerRole,
            @Nullable String ownerUserId,
            boolean urgent,
            String label) {}

    @EventType("thaw.case.clock_paused")
    public record ClockPaused(
            String caseId,
            Scenario scenario,
            boolean drill,
            boolean restricted,
            String reference,
            String clockId,
            ClockKind clock,
            Party waitingOn) {}

    @EventType("thaw.case.clock_met")
    public record ClockMet(
            String caseId,
            Scenario scenario,
            boolean drill,
            boolean restricted,
            String reference,
            String clockId,
            ClockKind clock,
            Instant metAt) {}

    @EventType("thaw.case.clock_cancelled")
    public record ClockCancelled(
            String caseId,
            Scenario scenario,
            boolean drill,
            boolean restricted,
            String reference,
            String clockId,
            ClockKind clock,
            String reason) {}

    @EventType("thaw.case.clock_breached")
    public record ClockBreached(
            String caseId,
            Scenario scenario,
            boolean drill,
            boolean restricted,
            String reference,
            String clockId,
            ClockKind clock,
            Instant dueAt,
            String ownerRole,
            @Nullable String ownerUserId) {}

    @EventType("thaw.case.task_due")
    public record TaskDue(
            String caseId,
            Scenario scenario,
            boolean drill,
            boolean restricted,
            String reference,
            String taskId,
            String title,
            String ownerRole,
            Instant dueAt) {}

    @EventType("thaw.case.supplement_requested")
    public record SupplementRequested(
            String caseId,
            Scenario scenario,
            boolean drill,
            boolean restricted,
            String reference,
            Instant requestedAt,
            List<String> items,
            Instant acknowledgeBy) {}

    @EventType("thaw.case.escalation_flagged")
    public record EscalationFlagged(
            String caseId,
            Scenario scenario,
            boolean drill,
            boolean restricted,
            String reference,
            EscalationLevel level,
            String reason) {}

    @EventType("thaw.case.closed")
    public record Closed(
            String caseId,
            Scenario scenario,
            boolean drill,
            boolean restricted,
            String reference,
            Instant closedAt,
            Outcome outcome) {}
}
