package app.thaw.notifications.reminders.web;

import java.util.Date;

import app.thaw.notifications.reminders.ReminderService;
import app.thaw.notifications.support.Page;
import app.thaw.notifications.support.PageRequest;
import app.thaw.platform.security.AllowedRoles;
import app.thaw.platform.security.CurrentCaller;
import io.swagger.v3.oas.annotations.Operation;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/notifications/reminders")
class ReminderController {

    private final ReminderService reminders;

    ReminderController(ReminderService reminders) {
        this.reminders = reminders;
    }

    @Operation(summary = "Reminders that have fired for the tenant's deadlines, by page")
    @GetMapping
    @AllowedRoles(AllowedRoles.ANY_USER)
    Mono<Page<ReminderResponse>> list(@RequestParam(required = false) @Nullable String cursor,
                                      @RequestParam(required = false) @Nullable Integer limit) {
        PageRequest page = PageRequest.of(cursor, limit);
        return CurrentCaller.tenantId().flatMap(tenant -> reminders.list(tenant, page)).map(found -> found.map(ReminderResponse::of));
    }

    @Operation(summary = "Acknowledge a reminder: an urgent one then does not escalate to the supervisor")
    @PostMapping("/{id}/acknowledge")
    @AllowedRoles(AllowedRoles.ANY_USER)
    Mono<ReminderResponse> acknowledge(@PathVariable String id) {
        return CurrentCaller.get().flatMap(caller -> reminders.acknowledge(caller.tenantId(), id, caller.subject())).map(ReminderResponse::of);
    }

    record ReminderResponse(String id, @Nullable String caseId, @Nullable String clockId, @Nullable String label, @Nullable String dueAt,
                            @Nullable Object minutesBefore, boolean urgent, @Nullable String firedAt, @Nullable String acknowledgedAt,
                            @Nullable String escalatedAt) {

        static ReminderResponse of(Document d) {
            return new ReminderResponse(d.getString("_id"), d.getString("caseId"), d.getString("clockId"), d.getString("label"),
                    d.getString("dueAt"), d.get("minutesBefore"), d.getBoolean("urgent", false), text(d.getDate("firedAt")),
                    text(d.getDate("acknowledgedAt")), text(d.getDate("escalatedAt")));
        }

        private static @Nullable String text(@Nullable Date date) {
            return date == null ? null : date.toInstant().toString();
        }
    }
}
