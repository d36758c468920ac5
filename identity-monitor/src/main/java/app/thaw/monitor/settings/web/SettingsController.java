package app.thaw.monitor.settings.web;

import java.time.DateTimeException;
import java.time.ZoneId;

import app.thaw.monitor.access.Roles;
import app.thaw.monitor.settings.SettingsService;
import app.thaw.monitor.settings.TenantSettings;
import app.thaw.platform.problem.InvalidTimeZone;
import app.thaw.platform.security.AllowedRoles;
import app.thaw.platform.security.CurrentCaller;
import app.thaw.platform.security.ThawRoles;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/monitor")
class SettingsController {

    private final SettingsService settings;

    SettingsController(SettingsService settings) {
        this.settings = settings;
    }

    @Operation(summary = "The caller's tenant's monitoring settings (defaults where it set none), with their version")
    @GetMapping("/settings")
    @AllowedRoles(AllowedRoles.ANY_USER)
    Mono<SettingsResponse> get() {
        return CurrentCaller.get()
                .map(caller -> Roles.require(caller, Roles.READER))
                .flatMap(caller -> settings.settings(caller.tenantId()))
                .map(v -> new SettingsResponse(v.value(), v.version()));
    }

    @Operation(summary = "Replace the tenant's monitoring settings; version must be the one last read (0 for defaults)")
    @PutMapping("/settings")
    @AllowedRoles({ThawRoles.PARTNER_BANK, ThawRoles.MERCHANT_ADMIN, ThawRoles.PLATFORM_ADMIN})
    Mono<SettingsResponse> put(@Valid @RequestBody SettingsRequest request) {
        try {
            ZoneId.of(request.timeZone());
        } catch (DateTimeException e) {
            return Mono.error(new InvalidTimeZone(request.timeZone()));
        }
        return CurrentCaller.get()
                .map(caller -> Roles.require(caller, Roles.SUBSCRIBER))
                .flatMap(caller -> settings.replace(caller.tenantId(), request.toSettings(), request.version()))
                .map(v -> new SettingsResponse(v.value(), v.version()));
    }

    @Operation(summary = "Set a tenant's plan quotas (platform administrators)")
    @PutMapping("/admin/plans/{tenantId}")
    @AllowedRoles(ThawRoles.PLATFORM_ADMIN)
    Mono<SettingsService.Plan> putPlan(@PathVariable String tenantId, @Valid @RequestBody PlanRequest request) {
        return settings.setPlan(tenantId, new SettingsService.Plan(request.maxSubjects()));
    }

    @Operation(summary = "The caller's tenant's plan quotas")
    @GetMapping("/plan")
    @AllowedRoles(AllowedRoles.ANY_USER)
    Mono<SettingsService.Plan> plan() {
        return CurrentCaller.get()
                .map(caller -> Roles.require(caller, Roles.READER))
                .flatMap(caller -> settings.plan(caller.tenantId()));
    }

    record PlanRequest(@NotNull @Min(0) Long maxSubjects) {}

    record SettingsResponse(TenantSettings settings, long version) {}

    record SettingsRequest(
            @NotBlank String timeZone,
            @DecimalMin("1") double maxTravelSpeedKmh,
            @DecimalMin("0") double minTravelDistanceKm,
            @Min(1) int unusualHourMinSignals,
            @DecimalMin("0") @DecimalMax("1") double unusualHourMaxShare,
            @Min(2) int otpBurstCount,
            @Min(1) @Max(1440) long otpBurstWindowMinutes,
            @Min(2) int creditApplicationsCount,
            @Min(1) @Max(10080) long creditApplicationsWindowMinutes,
            @Min(1) @Max(10080) long contactChangeWindowMinutes,
            @Min(1) @Max(43200) long alertWindowMinutes,
            @Min(2) int escalateAtDetectors,
            @Min(0) @Max(86400) long maxFutureSkewSeconds,
            @DecimalMin("0.5") @DecimalMax("1") double screeningThreshold,
            @Min(1) @Max(1000) long ruleTimeLimitMillis,
            @Min(0) long version) {

        TenantSettings toSettings() {
            return new TenantSettings(
                    timeZone,
                    maxTravelSpeedKmh,
                    minTravelDistanceKm,
                    unusualHourMinSignals,
                    unusualHourMaxShare,
                    otpBurstCount,
                    otpBurstWindowMinutes,
                    creditApplicationsCount,
                    creditApplicationsWindowMinutes,
                    contactChangeWindowMinutes,
                    alertWindowMinutes,
                    escalateAtDetectors,
                    maxFutureSkewSeconds,
                    screeningThreshold,
                    ruleTimeLimitMillis);
        }
    }
}
