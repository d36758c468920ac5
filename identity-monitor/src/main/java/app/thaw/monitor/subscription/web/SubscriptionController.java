package app.thaw.monitor.subscription.web;

import app.thaw.monitor.access.Roles;
import app.thaw.monitor.subscription.Plan;
import app.thaw.monitor.subscription.SubscriptionService;
import app.thaw.platform.security.AllowedRoles;
import app.thaw.platform.security.CurrentCaller;
import app.thaw.platform.security.TenantIds;
import app.thaw.platform.security.ThawRoles;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
class SubscriptionController {

    private final SubscriptionService subscriptions;

    SubscriptionController(SubscriptionService subscriptions) {
        this.subscriptions = subscriptions;
    }

    @Operation(summary = "The caller's tenant's plan, its monthly quotas, this month's usage and when the quotas reset")
    @GetMapping("/api/v1/subscription")
    @AllowedRoles(AllowedRoles.ANY_USER)
    Mono<SubscriptionService.View> subscription() {
        return CurrentCaller.get().flatMap(caller -> subscriptions.view(caller.tenantId()));
    }

    record PlanChange(@NotBlank String plan) {}

    record PlanResponse(String tenantId, String plan) {}

    @Operation(summary = "Platform admins: move a tenant to another plan of the catalogue (audited)")
    @PutMapping("/api/v1/monitor/admin/subscriptions/{tenantId}")
    @AllowedRoles(ThawRoles.PLATFORM_ADMIN)
    Mono<PlanResponse> change(@PathVariable String tenantId, @Valid @RequestBody PlanChange request) {
        return CurrentCaller.get()
                .map(caller -> Roles.require(caller, new String[] {ThawRoles.PLATFORM_ADMIN}))
                .flatMap(caller -> subscriptions.change(
                        java.util.Objects.requireNonNull(TenantIds.named(tenantId)), request.plan(), caller.subject()))
                .map((Plan plan) -> new PlanResponse(tenantId, plan.code()));
    }
}
