package app.thaw.notifications.reminders.web;

import java.time.Instant;

import app.thaw.notifications.reminders.Reminder;
import app.thaw.notifications.reminders.ReminderService;
import app.thaw.platform.security.AllowedRoles;
import app.thaw.platform.security.CurrentCaller;
import app.thaw.platform.store.CursorPage;
import io.swagger.v3.oas.annotations.Operation;
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
    Mono<CursorPage<ReminderResponse>> list(
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable Integer limit) {
        CursorPage.Request page = CursorPage.Request.of(cursor, limit);
        return CurrentCaller.tenantId()
                .flatMap(tenant -> reminders.list(tenant, page))
                .map(found -> found.map(ReminderResponse::of));
    }

    @Operation(summary = "Acknowledge a reminder: an urgent one then does not escalate to the supervisor")
    @PostMapping("/{id}/acknowledge")
    @AllowedRoles(AllowedRoles.ANY_USER)
    Mono<ReminderResponse> acknowledge(@PathVariable String id) {
        return CurrentCaller.get()
                .flatMap(caller -> reminders.acknowledge(caller.tenantId(), id, caller.subject()))
                .map(ReminderResponse::of);
    }

    record ReminderResponse(
            String id,
            @Nullable String caseId,
            @Nullable String clockId,
            @Nullable String label,
            @Nullable String dueAt,
            @Nullable Object minutesBefore,
            boolean urgent,
            @Nullable String firedAt,
            @Nullable String acknowledgedAt,
            @Nullable String escalatedAt) {

        static ReminderResponse of(Reminder r) {
            return new ReminderResponse(
                    r.id(),
                    r.caseId(),
                    r.clockId(),
                    r.label(),
                    r.dueAt(),
                    r.minutesBefore(),
                    r.urgent(),
                    text(r.firedAt()),
                    text(r.acknowledgedAt()),
                    text(r.escalatedAt()));
        }

        private static @Nullable String text(@Nullable Instant at) {
            return at == null ? null : at.toString();
        }
    }
}
