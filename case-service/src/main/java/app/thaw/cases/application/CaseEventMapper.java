package app.thaw.cases.application;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import app.thaw.cases.incident.CaseClock;
import app.thaw.cases.incident.CaseEvent;
import app.thaw.cases.incident.IncidentCase;
import app.thaw.platform.events.ThawEvent;
import app.thaw.platform.privacy.AccountNumbers;
import org.jspecify.annotations.Nullable;

/** Turns a case's recorded events into the {@code thaw.case.*} events of docs/events.md. */
public final class CaseEventMapper {

    public static final String SOURCE = "/thaw/case-service";

    private CaseEventMapper() {
    }

    public static List<ThawEvent> toThaw(IncidentCase c, List<CaseEvent> events, @Nullable String traceparent) {
        return events.stream().map(event -> toThaw(c, event, traceparent)).flatMap(Optional::stream).toList();
    }

    static Optional<ThawEvent> toThaw(IncidentCase c, CaseEvent event, @Nullable String traceparent) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("caseId", c.id());
        data.put("scenario", c.scenario().name());
        data.put("drill", c.drill());
        data.put("restricted", c.restricted());
        String type;
        switch (event) {
            case CaseEvent.Opened e -> {
                type = "opened";
                data.put("reference", c.reference());
                data.put("holder", Map.of("type", c.holder().type().name(), "displayName", c.holder().displayName(),
                        // Masked: the account number itself never leaves the case (docs/events.md).
                        "accountReference", AccountNumbers.masked(c.holder().accountReference())));
                data.put("platform", c.platform());
                data.put("scope", c.scope().name());
                data.put("openedAt", c.openedAt().toString());
                if (c.sourceAlertId() != null) {
                    data.put("sourceAlertId", c.sourceAlertId());
                }
            }
            case CaseEvent.Triaged e -> {
                type = "triaged";
                data.put("scenario", e.scenario().name());
                data.put("scope", e.scope().name());
                data.put("confidence", e.confidence());
                if (e.previousScenario() != null) {
                    data.put("previousScenario", e.previousScenario().name());
                }
                data.put("overridden", e.overridden());
                data.put("reference", c.reference());
                data.put("holder", Map.of("displayName", c.holder().displayName()));
                // The checklist the message to the holder lists: what to prepare, in both languages.
                data.put("checklist", c.checklist().stream().map(item -> Map.<String, Object>of("code", item.code(),
                        "en", app.thaw.cases.checklist.ChecklistCatalogue.label(item.code(), "en"),
                        "zh", app.thaw.cases.checklist.ChecklistCatalogue.label(item.code(), "zh"),
                        "reasonEn", item.reasonEn(), "reasonZh", item.reasonZh(), "status", item.status().name())).toList());
            }
            case CaseEvent.StatusChanged e -> {
                type = "status_changed";
                data.put("from", e.from().name());
                data.put("to", e.to().name());
                data.put("reason", e.reason());
                data.put("actor", e.actor());
            }
            case CaseEvent.ClockSet e -> {
                type = "clock_set";
                clock(data, e.clock());
                data.put("dueAt", e.clock().dueAt().toString());
                data.put("ownerRole", e.clock().ownerRole());
                data.put("urgent", e.clock().urgent());
                data.put("label", e.clock().label());
            }
            case CaseEvent.ClockPaused e -> {
                type = "clock_paused";
                clock(data, e.clock());
                data.put("waitingOn", e.waitingOn().name());
            }
            case CaseEvent.ClockMet e -> {
                type = "clock_met";
                clock(data, e.clock());
                data.put("metAt", String.valueOf(e.clock().metAt()));
            }
            case CaseEvent.ClockCancelled e -> {
                type = "clock_cancelled";
                clock(data, e.clock());
                data.put("reason", e.reason());
            }
            case CaseEvent.ClockBreached e -> {
                type = "clock_breached";
                clock(data, e.clock());
                data.put("dueAt", e.clock().dueAt().toString());
                data.put("ownerRole", e.clock().ownerRole());
            }
            case CaseEvent.TaskDue e -> {
                type = "task_due";
                data.put("taskId", e.task().id());
                data.put("title", e.task().title());
                data.put("ownerRole", e.task().ownerRole());
                data.put("dueAt", e.dueAt().toString());
            }
            case CaseEvent.SupplementRequested e -> {
                type = "supplement_requested";
                data.put("requestedAt", e.at().toString());
                data.put("items", e.items());
                data.put("acknowledgeBy", e.acknowledgeBy().toString());
            }
            case CaseEvent.EscalationFlagged e -> {
                type = "escalation_flagged";
                data.put("level", e.level().name());
                data.put("reason", e.reason());
            }
            case CaseEvent.Closed e -> {
                type = "closed";
                data.put("closedAt", e.at().toString());
                data.put("outcome", e.outcome().name());
            }
            case CaseEvent.Noted e -> {
                return Optional.empty();
            }
        }
        return Optional.of(ThawEvent.of(SOURCE, "thaw.case." + type, c.id(), c.tenantId(), event.at(), traceparent, data));
    }

    private static void clock(Map<String, Object> data, CaseClock clock) {
        data.put("clockId", clock.id());
        data.put("clock", clock.kind().name());
    }
}
