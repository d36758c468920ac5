package app.thaw.cases.casework.web;

import java.time.Instant;
import java.util.List;

import app.thaw.cases.incident.CaseClock;
import app.thaw.cases.incident.CaseTask;
import app.thaw.cases.incident.ChecklistItem;
import app.thaw.cases.incident.ContactEntry;
import app.thaw.cases.incident.Escalation;
import app.thaw.cases.incident.IncidentCase;
import app.thaw.cases.incident.Money;
import app.thaw.cases.incident.NoticeFacts;
import app.thaw.cases.incident.Readiness;
import app.thaw.cases.incident.Review;
import app.thaw.cases.incident.TriageSuggestion;
import org.jspecify.annotations.Nullable;

/** A case as the API shows it (never the stored document). */
public record CaseResponse(
        String id,
        String tenantId,
        String reference,
        long version,
        boolean drill,
        boolean restricted,
        String scenario,
        boolean needsPerson,
        @Nullable String materialsGrade,
        String scope,
        String status,
        @Nullable String outcome,
        Holder holder,
        String platform,
        Notice notice,
        @Nullable Money frozenAmount,
        Instant detectedAt,
        Instant openedAt,
        String openedBy,
        @Nullable String assignee,
        @Nullable String sourceAlertId,
        @Nullable String releaseReference,
        @Nullable Triage triage,
        Playbook playbook,
        List<ChecklistItem> checklist,
        Readiness readiness,
        List<CaseTask> tasks,
        List<CaseClock> clocks,
        List<ContactEntry> contacts,
        @Nullable String waitingOn,
        List<String> supplementItems,
        @Nullable Escalation escalation,
        @Nullable Review review,
        @Nullable Instant nextClockDueAt,
        Instant updatedAt,
        @Nullable Instant closedAt) {

    public record Holder(String type, String displayName, String accountReference) {}

    public record Notice(String text, @Nullable String reference) {}

    public record Playbook(@Nullable String id, int version) {}

    /** The automatic suggestion intake made, with what it read from the notice. */
    public record Triage(
            @Nullable String scenario,
            boolean needsPerson,
            String scope,
            double confidence,
            List<TriageSuggestion.MatchedPhrase> matched,
            @Nullable String materialsGrade,
            NoticeFacts facts) {

        public static @Nullable Triage of(@Nullable TriageSuggestion s) {
            return s == null
                    ? null
                    : new Triage(
                            s.scenario() == null ? null : s.scenario().name(),
                            s.needsPerson(),
                            s.scope().name(),
                            s.confidence(),
                            s.matched(),
                            s.materialsGrade() == null
                                    ? null
                                    : s.materialsGrade().name(),
                            s.facts());
        }
    }

    public static CaseResponse of(IncidentCase c) {
        return new CaseResponse(
                c.id(),
                c.tenantId(),
                c.reference(),
                c.version(),
                c.drill(),
                c.restricted(),
                c.scenario().name(),
                c.needsPerson(),
                c.materialsGrade() == null ? null : c.materialsGrade().name(),
                c.scope().name(),
                c.status().name(),
                c.outcome() == null ? null : c.outcome().name(),
                new Holder(
                        c.holder().type().name(),
                        c.holder().displayName(),
                        c.holder().accountReference()),
                c.platform(),
                new Notice(c.notice().text(), c.notice().reference()),
                c.frozenAmount(),
                c.detectedAt(),
                c.openedAt(),
                c.openedBy(),
                c.assignee(),
                c.sourceAlertId(),
                c.releaseReference(),
                Triage.of(c.triageSuggestion()),
                new Playbook(c.playbookId(), c.playbookVersion()),
                c.checklist(),
                c.readiness(),
                c.tasks(),
                c.clocks(),
                c.contacts(),
                c.waitingOn() == null ? null : c.waitingOn().name(),
                c.supplementItems(),
                c.escalation(),
                c.review(),
                c.nextClockDueAt(),
                c.updatedAt(),
                c.closedAt());
    }

    /** A page of cases and the cursor to the next, if there is one. */
    public record Page(List<CaseResponse> items, @Nullable String nextCursor) {}
}
