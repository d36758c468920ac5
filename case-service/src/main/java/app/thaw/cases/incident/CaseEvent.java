package app.thaw.cases.incident;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** What happened to a case, as the aggregate records it; each becomes a {@code thaw.case.*} event and a timeline line. */
public sealed interface CaseEvent {

    Instant at();

    String actor();

    record Opened(Instant at, String actor) implements CaseEvent {}

    record Triaged(
            Instant at,
            String actor,
            Scenario scenario,
            FreezeScope scope,
            double confidence,
            @Nullable Scenario previousScenario,
            boolean overridden,
            @Nullable String reason)
            implements CaseEvent {}

    record StatusChanged(Instant at, String actor, CaseStatus from, CaseStatus to, String reason)
            implements CaseEvent {}

    record ClockSet(Instant at, String actor, CaseClock clock) implements CaseEvent {}

    record ClockPaused(Instant at, String actor, CaseClock clock, Party waitingOn) implements CaseEvent {}

    record ClockMet(Instant at, String actor, CaseClock clock) implements CaseEvent {}

    /** A clock cleared without being met, and why (the plan changed, the case was decided or closed, a contact re-planned the chase). */
    record ClockCancelled(Instant at, String actor, CaseClock clock, String reason) implements CaseEvent {

        public ClockCancelled(Instant at, String actor, CaseClock clock) {
            this(at, actor, clock, CancelCause.PLAIN);
        }
    }

    record ClockBreached(Instant at, String actor, CaseClock clock) implements CaseEvent {}

    record TaskDue(Instant at, String actor, CaseTask task, Instant dueAt) implements CaseEvent {}

    record SupplementRequested(Instant at, String actor, List<String> items, Instant acknowledgeBy)
            implements CaseEvent {}

    record EscalationFlagged(Instant at, String actor, EscalationLevel level, String reason) implements CaseEvent {}

    record Closed(Instant at, String actor, Outcome outcome) implements CaseEvent {}

    /** Recorded on the timeline only: facts that other services need not hear about. */
    record Noted(Instant at, String actor, String type, String summary, java.util.Map<String, String> details)
            implements CaseEvent {}
}
