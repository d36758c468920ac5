package app.thaw.cases.incident;

import java.util.LinkedHashMap;
import java.util.Map;

/** Turns each recorded event into its timeline line, to the second. */
final class TimelineLines {

    private TimelineLines() {}

    static TimelineEntry of(CaseEvent event) {
        Map<String, String> d = new LinkedHashMap<>();
        String type;
        String summary;
        switch (event) {
            case CaseEvent.Opened e -> {
                type = "opened";
                summary = "Case opened";
            }
            case CaseEvent.Triaged e -> {
                type = "triaged";
                summary = (e.overridden() ? "Triage overridden: " : "Triaged: ") + e.scenario() + " / " + e.scope();
                d.put("scenario", e.scenario().name());
                d.put("scope", e.scope().name());
                d.put("confidence", String.valueOf(e.confidence()));
                if (e.previousScenario() != null) {
                    d.put("previousScenario", e.previousScenario().name());
                }
                if (e.reason() != null) {
                    d.put("reason", e.reason());
                }
            }
            case CaseEvent.StatusChanged e -> {
                type = "status_changed";
                summary = e.from() + " → " + e.to();
                d.put("from", e.from().name());
                d.put("to", e.to().name());
                d.put("reason", e.reason());
            }
            case CaseEvent.ClockSet e -> {
                type = "clock_set";
                summary = e.clock().label() + " due " + e.clock().dueAt();
                clock(d, e.clock());
            }
            case CaseEvent.ClockPaused e -> {
                type = "clock_paused";
                summary = e.clock().label() + " paused, waiting on " + e.waitingOn();
                clock(d, e.clock());
            }
            case CaseEvent.ClockMet e -> {
                type = "clock_met";
                summary = e.clock().label() + " met";
                clock(d, e.clock());
            }
            case CaseEvent.ClockCancelled e -> {
                type = "clock_cancelled";
                summary = e.clock().label() + " cancelled: " + e.reason();
                clock(d, e.clock());
                d.put("reason", e.reason());
            }
            case CaseEvent.ClockBreached e -> {
                type = "clock_breached";
                summary = e.clock().label() + " breached";
                clock(d, e.clock());
            }
            case CaseEvent.TaskDue e -> {
                type = "task_due";
                summary = "Task due: " + e.task().title();
                d.put("taskId", e.task().id());
            }
            case CaseEvent.SupplementRequested e -> {
                type = "supplement_requested";
                summary = "Supplement requested: " + String.join(", ", e.items());
                d.put("acknowledgeBy", e.acknowledgeBy().toString());
                d.put("items", String.join(",", e.items()));
            }
            case CaseEvent.EscalationFlagged e -> {
                type = "escalation_flagged";
                summary = "Escalation to " + e.level() + ": " + e.reason();
                d.put("level", e.level().name());
            }
            case CaseEvent.Closed e -> {
                type = "closed";
                summary = "Case closed: " + e.outcome();
                d.put("outcome", e.outcome().name());
            }
            case CaseEvent.Noted e -> {
                type = e.type();
                summary = e.summary();
                d.putAll(e.details());
            }
        }
        return new TimelineEntry(IncidentCase.second(event.at()), type, event.actor(), summary, d);
    }

    private static void clock(Map<String, String> details, CaseClock clock) {
        details.put("clockId", clock.id());
        details.put("clock", clock.kind().name());
        details.put("dueAt", clock.dueAt().toString());
    }
}
