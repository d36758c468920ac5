package app.thaw.platform.plans;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import app.thaw.platform.problem.FieldViolation;
import app.thaw.platform.problem.ThawProblem;
import io.swagger.v3.oas.annotations.Hidden;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code GET /internal/usage/{tenantId}?month=yyyy-MM}: this service's metered use of a tenant in a
 * month (default: this one), for identity-monitor's {@code /api/v1/subscription} and the statements.
 * Service tokens only (the platform's rule for {@code /internal/**}); the gateway routes nothing here.
 */
@Hidden
@RestController
class InternalUsageController {

    private final Quotas quotas;
    private final TenantPlans plans;
    private final Clock clock;

    InternalUsageController(Quotas quotas, TenantPlans plans, Clock clock) {
        this.quotas = quotas;
        this.plans = plans;
        this.clock = clock;
    }

    @GetMapping("/internal/usage/{tenantId}")
    Mono<Map<String, Object>> usage(
            @PathVariable String tenantId, @RequestParam(required = false) @Nullable String month) {
        YearMonth asked;
        try {
            asked = month == null ? YearMonth.from(clock.instant().atOffset(ZoneOffset.UTC)) : YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw new ThawProblem(
                    HttpStatus.BAD_REQUEST,
                    "validation_failed",
                    "The parameter 'month' is invalid: must be yyyy-MM.",
                    Map.of("errors", List.of(new FieldViolation("month", "Format", "must be yyyy-MM"))),
                    null);
        }
        return Mono.zip(plans.planOf(tenantId), quotas.usage(tenantId, asked))
                .map(found -> Map.of(
                        "tenantId", tenantId, "month", asked.toString(), "plan", found.getT1(), "used", found.getT2()));
    }
}
