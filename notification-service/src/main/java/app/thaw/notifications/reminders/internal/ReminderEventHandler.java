package app.thaw.notifications.reminders.internal;

import java.time.Instant;
import java.util.Map;

import app.thaw.notifications.reminders.ReminderService;
import app.thaw.platform.events.EventHandler;
import app.thaw.platform.events.ThawEvent;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** case-service's clocks: set (or moved) schedules reminders; met, cancelled or paused clears them. */
@Component
class ReminderEventHandler implements EventHandler {

    private final ReminderService reminders;

    ReminderEventHandler(ReminderService reminders) {
        this.reminders = reminders;
    }

    @Override
    public boolean handles(String type) {
        return type.equals("thaw.case.clock_set") || type.equals("thaw.case.clock_met") || type.equals("thaw.case.clock_cancelled")
                || type.equals("thaw.case.clock_paused");
    }

    @Override
    public Mono<Void> handle(ThawEvent event) {
        Map<String, Object> data = event.data();
        String clockId = text(data, "clockId");
        if (clockId == null) {
            return Mono.empty();
        }
        return switch (event.type()) {
            case "thaw.case.clock_set" -> {
                String dueAt = text(data, "dueAt");
                yield dueAt == null ? Mono.empty() : reminders.set(new ReminderService.Deadline(event.tenantId(), clockId,
                        String.valueOf(data.getOrDefault("clock", "TASK_DUE")), caseId(event), event.time(), Instant.parse(dueAt), text(data, "ownerRole"),
                        text(data, "ownerUserId"), Boolean.TRUE.equals(data.get("urgent")), text(data, "label")));
            }
            case "thaw.case.clock_met" -> reminders.clear(event.tenantId(), clockId, "MET");
            case "thaw.case.clock_paused" -> reminders.clear(event.tenantId(), clockId, "PAUSED");
            default -> reminders.clear(event.tenantId(), clockId, "CANCELLED");
        };
    }

    private static @Nullable String caseId(ThawEvent event) {
        String caseId = text(event.data(), "caseId");
        return caseId != null ? caseId : event.subject();
    }

    private static @Nullable String text(Map<String, Object> data, String key) {
        Object value = data.get(key);
        return value == null ? null : value.toString();
    }
}
