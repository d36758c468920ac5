package app.thaw.monitor.tenants.web;

import app.thaw.monitor.access.Roles;
import app.thaw.monitor.tenants.TenantOnboarding;
import app.thaw.monitor.tenants.TenantRequest;
import app.thaw.monitor.tenants.TenantService;
import app.thaw.platform.security.AllowedRoles;
import app.thaw.platform.security.CurrentCaller;
import app.thaw.platform.security.ThawRoles;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Platform admins onboard a tenant by API (ADR 64). */
@RestController
class TenantController {

    private final TenantService tenants;

    TenantController(TenantService tenants) {
        this.tenants = tenants;
    }

    @Operation(
            summary =
                    "Platform admins: onboard a tenant (MERCHANT, PARTNER_BANK or INSURER) in Keycloak — organization, "
                            + "first admin user with a temporary password, for a bank or insurer a client-credentials client "
                            + "(its secret answered here) — and its plan and referral (audited). Each step is looked up "
                            + "before it is made: the same request again completes the tenant; 201 when this run made "
                            + "something, 200 when all was there. A tenant that exists without a kind (made outside onboarding, "
                            + "as the realm file's demo tenants) is completed for the admin user it already holds. Accepts "
                            + "Idempotency-Key")
    @PostMapping("/api/v1/monitor/admin/tenants")
    @AllowedRoles(ThawRoles.PLATFORM_ADMIN)
    Mono<ResponseEntity<TenantOnboarding.Onboarded>> onboard(@RequestBody TenantRequest request) {
        return CurrentCaller.get()
                .map(caller -> Roles.require(caller, ThawRoles.PLATFORM_ADMIN))
                .flatMap(caller -> tenants.onboard(request))
                .map(done -> ResponseEntity.status(done.created().isEmpty() ? HttpStatus.OK : HttpStatus.CREATED)
                        .body(done));
    }
}
