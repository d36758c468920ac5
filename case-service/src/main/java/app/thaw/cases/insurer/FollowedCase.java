package app.thaw.cases.insurer;

import java.time.Instant;
import java.util.List;

import app.thaw.cases.incident.CaseClock;
import app.thaw.cases.incident.ChecklistItem;
import app.thaw.cases.incident.ChecklistStatus;
import app.thaw.cases.incident.IncidentCase;
import org.jspecify.annotations.Nullable;

/**
 * What an insurer reads of a case it follows: where it stands, its clocks, how far the evidence is
 * and how the restoration went. Deliberately no notice text, holder, account reference, platform
 * ticket or contact: the consent names the case, nothing else.
 */
public record FollowedCase(
        String caseId,
        String tenantId,
        String scenario,
        String status,
        Instant openedAt,
        Instant updatedAt,
        List<Clock> clocks,
        Progress checklist,
        Restoration restoration) {

    public record Clock(
            String kind,
            String state,
            Instant dueAt,
            @Nullable Instant metAt,
            @Nullable Instant breachedAt) {}

    /** Counts of the requirements by status, and each requirement's code and status (no evidence ids). */
    public record Progress(int total, int accepted, int received, int rejected, int missing, List<Item> items) {}

    public record Item(String code, String status) {}

    /**
     * @param stage    OPEN (not yet submitted), SUBMITTED (with the platform or bank), RESTORED, PARTIALLY_RESTORED,
     *                 REJECTED, ESCALATED_LEGAL
     * @param closedAt when the case was closed, once it is
     */
    public record Restoration(
            String stage,
            @Nullable String outcome,
            boolean escalated,
            @Nullable Instant closedAt) {}

    public static FollowedCase of(IncidentCase c) {
        List<Clock> clocks = c.clocks().stream().map(FollowedCase::clock).toList();
        List<ChecklistItem> checklist = c.checklist();
        Progress progress = new Progress(
                checklist.size(),
                count(checklist, ChecklistStatus.ACCEPTED),
                count(checklist, ChecklistStatus.RECEIVED),
                count(checklist, ChecklistStatus.REJECTED),
                count(checklist, ChecklistStatus.MISSING),
                checklist.stream()
                        .map(item -> new Item(item.code(), item.status().name()))
                        .toList());
        return new FollowedCase(
                c.id(),
                c.tenantId(),
                c.scenario().name(),
                c.status().name(),
                c.openedAt(),
                c.updatedAt(),
                clocks,
                progress,
                new Restoration(
                        stage(c),
                        c.outcome() == null ? null : c.outcome().name(),
                        c.escalation() != null,
                        c.closedAt()));
    }

    static String stage(IncidentCase c) {
        return switch (c.status()) {
            case OPEN, TRIAGED, GATHERING_EVIDENCE, SUPPLEMENT_REQUESTED -> "OPEN";
            case SUBMITTED, UNDER_REVIEW -> "SUBMITTED";
            case RESOLVED, CLOSED ->
                c.outcome() == null ? c.status().name() : c.outcome().name();
            case REJECTED -> "REJECTED";
            case ESCALATED_LEGAL -> "ESCALATED_LEGAL";
        };
    }

    private static Clock clock(CaseClock clock) {
        return new Clock(clock.kind().name(), clock.state().name(), clock.dueAt(), clock.metAt(), clock.breachedAt());
    }

    private static int count(List<ChecklistItem> checklist, ChecklistStatus status) {
        return (int) checklist.stream().filter(item -> item.status() == status).count();
    }
}
