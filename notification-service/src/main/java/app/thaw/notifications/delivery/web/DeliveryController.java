package app.thaw.notifications.delivery.web;

import java.time.Instant;
import java.util.List;

import app.thaw.notifications.access.Access;
import app.thaw.notifications.access.TenantAdmins;
import app.thaw.notifications.delivery.Delivery;
import app.thaw.notifications.delivery.DeliveryAttempt;
import app.thaw.notifications.delivery.DeliveryLogService;
import app.thaw.platform.security.AllowedRoles;
import app.thaw.platform.security.CurrentCaller;
import app.thaw.platform.security.TenantIds;
import app.thaw.platform.store.CursorPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/notifications")
class DeliveryController {

    static final String TENANT =
            "The tenant whose deliveries to read, for Thaw staff (staff_agent, staff_supervisor, compliance_officer, "
                    + "platform_admin); omitted, empty or the caller's own, the caller's tenant. Anyone else naming another tenant gets 404. "
                    + "Any non-empty value must be " + TenantIds.RULE
                    + ", or the answer is 400 validation_failed naming tenantId.";

    private final DeliveryLogService log;

    DeliveryController(DeliveryLogService log) {
        this.log = log;
    }

    @Operation(
            summary = "The delivery log: every (event, recipient, channel) delivery of the tenant, by page",
            description =
                    "Thaw staff may name another tenant (tenantId); each such read is audited, and deliveries about another "
                            + "tenant's restricted case are left out unless the caller is a compliance officer or platform admin.")
    @GetMapping("/deliveries")
    @AllowedRoles(AllowedRoles.ANY_USER)
    Mono<CursorPage<DeliveryResponse>> list(
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable Integer limit,
            @Parameter(description = TENANT) @RequestParam(required = false) @Nullable String tenantId) {
        CursorPage.Request page = CursorPage.Request.of(cursor, limit);
        return CurrentCaller.get()
                .flatMap(caller -> log.list(caller, TenantIds.named(tenantId), page))
                .map(found -> found.map(DeliveryResponse::of));
    }

    @Operation(
            summary = "One delivery with every attempt: status, latency and the provider's response",
            description = "Thaw staff may name another tenant (tenantId), audited.")
    @GetMapping("/deliveries/{id}")
    @AllowedRoles(AllowedRoles.ANY_USER)
    Mono<DeliveryDetail> get(
            @PathVariable String id,
            @Parameter(description = TENANT) @RequestParam(required = false) @Nullable String tenantId) {
        return CurrentCaller.get()
                .flatMap(caller -> log.get(caller, TenantIds.named(tenantId), id))
                .map(DeliveryDetail::of);
    }

    @Operation(summary = "Replay a delivery now (e.g. a webhook an endpoint missed), whatever its earlier outcome")
    @PostMapping("/deliveries/{id}/replay")
    @TenantAdmins
    Mono<DeliveryDetail> replay(@PathVariable String id) {
        return CurrentCaller.get()
                .map(Access::requireAdmin)
                .flatMap(caller -> log.replay(caller.tenantId(), id))
                .map(DeliveryDetail::of);
    }

    @Operation(summary = "The first successful delivery to the client for a case (what closes the golden 15 minutes)")
    @GetMapping("/cases/{caseId}/first-delivery")
    @AllowedRoles(AllowedRoles.ANY_USER)
    Mono<FirstDeliveryResponse> firstDelivery(
            @PathVariable String caseId,
            @Parameter(description = TENANT) @RequestParam(required = false) @Nullable String tenantId) {
        return CurrentCaller.get()
                .flatMap(caller -> log.firstForCase(caller, TenantIds.named(tenantId), caseId))
                .map(first -> new FirstDeliveryResponse(
                        first.caseId(), first.deliveryId(), first.channel(), first.deliveredAt()));
    }

    record FirstDeliveryResponse(
            String caseId,
            String deliveryId,
            String channel,
            @Nullable Instant deliveredAt) {}

    record DeliveryResponse(
            String id,
            String eventId,
            String eventType,
            @Nullable String caseId,
            String channel,
            String target,
            String recipientKind,
            String status,
            int attempts,
            boolean urgent,
            @Nullable Instant createdAt,
            @Nullable Instant nextAttemptAt,
            @Nullable Instant deliveredAt,
            @Nullable String lastResponse) {

        static DeliveryResponse of(Delivery d) {
            return new DeliveryResponse(
                    d.id(),
                    d.eventId(),
                    d.eventType(),
                    d.caseId(),
                    d.channel().name(),
                    d.target(),
                    d.recipientKind().name(),
                    d.status().name(),
                    d.attempts(),
                    d.urgent(),
                    d.createdAt(),
                    d.nextAttemptAt(),
                    d.deliveredAt(),
                    d.lastResponse());
        }
    }

    record DeliveryDetail(
            DeliveryResponse delivery,
            @Nullable String subject,
            @Nullable String text,
            List<DeliveryAttempt> attempts) {

        static DeliveryDetail of(DeliveryLogService.Entry entry) {
            return new DeliveryDetail(
                    DeliveryResponse.of(entry.delivery()),
                    entry.delivery().subject(),
                    entry.delivery().text(),
                    entry.attempts());
        }
    }
}
