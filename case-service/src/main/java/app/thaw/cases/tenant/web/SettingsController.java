package app.thaw.cases.tenant.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import app.thaw.cases.access.CaseAccess;
import app.thaw.cases.incident.Party;
import app.thaw.cases.problems.CaseProblems;
import app.thaw.cases.tenant.TenantPolicies;
import app.thaw.cases.tenant.TenantSettings;
import app.thaw.platform.security.AllowedRoles;
import app.thaw.platform.security.CurrentCaller;
import app.thaw.platform.security.ThawRoles;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/cases/settings")
class SettingsController {

    private final TenantPolicies policies;

    SettingsController(TenantPolicies policies) {
        this.policies = policies;
    }

    @GetMapping
    @AllowedRoles(AllowedRoles.ANY_USER)
    @Operation(
            summary =
                    "The caller's tenant settings for cases: calendar, time zone and clock numbers (unset members use the defaults)")
    Mono<ResponseEntity<TenantSettings>> get() {
        return CurrentCaller.get()
                .flatMap(caller -> policies.settings(caller.tenantId()))
                .map(settings -> ResponseEntity.ok()
                        .eTag(CaseProblems.etag(settings.version()))
                        .body(settings));
    }

    record SettingsRequest(
            @Size(min = 2, max = 20) @Nullable String country,
            @Size(max = 20) @Nullable String subdivision,
            @Size(max = 60) @Nullable String timeZone,
            @Size(max = 400) @Nullable List<LocalDate> extraHolidays,
            @Size(max = 400) @Nullable List<LocalDate> extraWorkingDays,
            @Min(1) @Max(1440) @Nullable Integer goldenMinutes,
            @Min(1) @Max(1440) @Nullable Integer takeoverFreezeMinutes,
            @Min(1) @Max(1440) @Nullable Integer takeoverProofMinutes,
            @Min(1) @Max(1440) @Nullable Integer takeoverContactMinutes,
            @Min(1) @Max(10080) @Nullable Integer partnerReviewMinutes,
            @Min(1) @Max(720) @Nullable Integer supplementAckHours,
            @Min(1) @Max(60) @Nullable Integer resolutionBusinessDays,
            @Min(1) @Max(60) @Nullable Integer firstFollowUpBusinessDays,
            @Min(1) @Max(60) @Nullable Integer nextFollowUpBusinessDays,
            @Nullable Set<String> pauseWhileWaitingOn,
            @Min(1) @Max(10) @Nullable Integer whyDepth,
            @DecimalMin("0") @DecimalMax("1") @Nullable Double autoTriageConfidence) {}

    @PutMapping
    @AllowedRoles({
        ThawRoles.MERCHANT_ADMIN,
        ThawRoles.PARTNER_BANK,
        ThawRoles.STAFF_SUPERVISOR,
        ThawRoles.PLATFORM_ADMIN
    })
    @Operation(
            summary =
                    "Tenant admins: set the tenant's calendar (country, region, IANA time zone, own days off and working days) and case numbers; If-Match guards concurrent edits")
    Mono<ResponseEntity<TenantSettings>> put(
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
            @Valid @RequestBody SettingsRequest r) {
        return CurrentCaller.get()
                .flatMap(caller -> {
                    if (!CaseAccess.tenantAdmin(caller)) {
                        throw CaseProblems.forbidden("Only the tenant's administrators change its settings.");
                    }
                    Set<Party> pause = r.pauseWhileWaitingOn() == null
                            ? null
                            : r.pauseWhileWaitingOn().stream()
                                    .map(p -> CaseProblems.code(Party.class, p, "pauseWhileWaitingOn"))
                                    .collect(java.util.stream.Collectors.toUnmodifiableSet());
                    TenantSettings next = new TenantSettings(
                            caller.tenantId(),
                            r.country(),
                            r.subdivision(),
                            r.timeZone(),
                            r.extraHolidays(),
                            r.extraWorkingDays(),
                            r.goldenMinutes(),
                            r.takeoverFreezeMinutes(),
                            r.takeoverProofMinutes(),
                            r.takeoverContactMinutes(),
                            r.partnerReviewMinutes(),
                            r.supplementAckHours(),
                            r.resolutionBusinessDays(),
                            r.firstFollowUpBusinessDays(),
                            r.nextFollowUpBusinessDays(),
                            pause,
                            r.whyDepth(),
                            r.autoTriageConfidence(),
                            0);
                    Long expected = CaseProblems.ifMatch(ifMatch);
                    Mono<Long> version = expected != null
                            ? Mono.just(expected)
                            : policies.settings(caller.tenantId()).map(TenantSettings::version);
                    return version.flatMap(v -> policies.update(next, v));
                })
                .map(settings -> ResponseEntity.ok()
                        .eTag(CaseProblems.etag(settings.version()))
                        .body(settings));
    }
}
