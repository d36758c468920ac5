package app.thaw.cases.analytics.web;

import app.thaw.cases.analytics.CaseAnalytics;
import app.thaw.platform.security.AllowedRoles;
import app.thaw.platform.security.TenantIds;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/cases")
class AnalyticsController {

    private final CaseAnalytics analytics;

    AnalyticsController(CaseAnalytics analytics) {
        this.analytics = analytics;
    }

    @GetMapping("/analytics")
    @AllowedRoles(AllowedRoles.ANY_USER)
    @Operation(
            summary =
                    "Outcome analytics of the caller's cases opened in [from, to) (UTC dates; default the last 365 days; drills left out): "
                            + "release rate, median and p90 days from detection to release, funds frozen and released by currency, golden 15 kept, "
                            + "clocks breached, by platform, scenario and month; checklist items most often rejected. Staff: every tenant, or tenantId's")
    Mono<CaseAnalytics.Analytics> analytics(
            @Parameter(description = "staff only: one tenant") @RequestParam(required = false) @Nullable
                    String tenantId,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to) {
        return Mono.defer(() -> analytics.compute(
                TenantIds.named(tenantId), CaseAnalytics.day(from, "from"), CaseAnalytics.day(to, "to")));
    }
}
