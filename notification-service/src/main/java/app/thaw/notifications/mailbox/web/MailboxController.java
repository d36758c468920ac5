package app.thaw.notifications.mailbox.web;

import app.thaw.notifications.access.Access;
import app.thaw.notifications.access.TenantAdmins;
import app.thaw.notifications.mailbox.MailboxService;
import app.thaw.platform.security.CurrentCaller;
import app.thaw.platform.store.CursorPage;
import io.swagger.v3.oas.annotations.Operation;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/notifications/mailbox")
class MailboxController {

    private final MailboxService mailbox;

    MailboxController(MailboxService mailbox) {
        this.mailbox = mailbox;
    }

    @Operation(
            summary =
                    "Development mailbox (administrators): e-mails and SMS captured instead of sent when no SMTP server or SMS provider is configured")
    @GetMapping
    @TenantAdmins
    Mono<CursorPage<MailboxService.Captured>> list(
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable Integer limit) {
        CursorPage.Request page = CursorPage.Request.of(cursor, limit);
        return CurrentCaller.get().map(Access::requireAdmin).flatMap(caller -> mailbox.list(caller.tenantId(), page));
    }
}
