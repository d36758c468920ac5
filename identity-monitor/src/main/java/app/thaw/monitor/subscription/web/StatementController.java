package app.thaw.monitor.subscription.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import app.thaw.monitor.access.Roles;
import app.thaw.monitor.subscription.StatementService;
import app.thaw.monitor.subscription.SubscriptionService;
import app.thaw.platform.problem.FieldViolation;
import app.thaw.platform.problem.ThawProblem;
import app.thaw.platform.security.AllowedRoles;
import app.thaw.platform.security.Caller;
import app.thaw.platform.security.CurrentCaller;
import app.thaw.platform.security.TenantIds;
import app.thaw.platform.security.ThawRoles;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Statements for billing and partners (ADR 63), JSON or CSV ({@code format=csv} or {@code Accept: text/csv}),
 * and the platform admins' referral and share-rate settings (audited).
 */
@RestController
class StatementController {

    private static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");
    private static final String[] STATEMENT_READERS = {
        ThawRoles.MERCHANT_ADMIN, ThawRoles.PARTNER_BANK, ThawRoles.INSURER, ThawRoles.PLATFORM_ADMIN
    };
    private static final String[] PARTNERS = {ThawRoles.PARTNER_BANK, ThawRoles.INSURER, ThawRoles.PLATFORM_ADMIN};

    private final StatementService statements;
    private final SubscriptionService subscriptions;
    private final Clock clock;

    StatementController(StatementService statements, SubscriptionService subscriptions, Clock clock) {
        this.statements = statements;
        this.subscriptions = subscriptions;
        this.clock = clock;
    }

    @Operation(
            summary =
                    "A tenant's monthly usage statement: plan in force at the month's end, its fee, each metered item's limit, "
                            + "use and overage (JSON, or CSV with format=csv / Accept: text/csv). Platform admins name any tenant with tenantId")
    @AllowedRoles({ThawRoles.MERCHANT_ADMIN, ThawRoles.PARTNER_BANK, ThawRoles.INSURER, ThawRoles.PLATFORM_ADMIN})
    @GetMapping("/api/v1/subscription/statement")
    Mono<ResponseEntity<Object>> statement(
            @RequestParam(required = false) @Nullable String month,
            @RequestParam(required = false) @Nullable String tenantId,
            @RequestParam(required = false) @Nullable String format,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) @Nullable String accept) {
        return answer(
                STATEMENT_READERS,
                month(month),
                tenantId,
                csv(format, accept),
                statements::statement,
                statement -> csvResponse(
                        StatementService.csv(statement),
                        "statement-" + statement.tenantId() + "-" + statement.month()));
    }

    @Operation(
            summary =
                    "A partner's monthly statement: the subscribers it referred, their plans, fees and usage, and its share at "
                            + "its rate (JSON or CSV). Platform admins name any partner with tenantId")
    @AllowedRoles({ThawRoles.PARTNER_BANK, ThawRoles.INSURER, ThawRoles.PLATFORM_ADMIN})
    @GetMapping("/api/v1/subscription/partner-statement")
    Mono<ResponseEntity<Object>> partnerStatement(
            @RequestParam(required = false) @Nullable String month,
            @RequestParam(required = false) @Nullable String tenantId,
            @RequestParam(required = false) @Nullable String format,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) @Nullable String accept) {
        return answer(
                PARTNERS,
                month(month),
                tenantId,
                csv(format, accept),
                statements::partnerStatement,
                statement -> csvResponse(
                        StatementService.csv(statement),
                        "partner-statement-" + statement.partnerTenantId() + "-" + statement.month()));
    }

    /**
     * A month's statement of the caller's tenant (platform admins: {@code tenantId}'s), read by
     * {@code read}, as JSON or, when {@code csv}, as the CSV file {@code asCsv} makes of it.
     */
    private <S> Mono<ResponseEntity<Object>> answer(
            String[] roles,
            YearMonth asked,
            @Nullable String tenantId,
            boolean csv,
            java.util.function.BiFunction<String, YearMonth, Mono<S>> read,
            java.util.function.Function<S, ResponseEntity<Object>> asCsv) {
        return CurrentCaller.get()
                .map(caller -> Roles.require(caller, roles))
                .flatMap(caller -> read.apply(tenantOf(caller, tenantId), asked))
                .map(statement ->
                        csv ? asCsv.apply(statement) : ResponseEntity.ok().body(statement));
    }

    record Referral(@NotBlank String referredBy) {}

    @Operation(summary = "Platform admins: record the partner that referred a tenant (audited)")
    @AllowedRoles(ThawRoles.PLATFORM_ADMIN)
    @PutMapping("/api/v1/monitor/admin/subscriptions/{tenantId}/referral")
    Mono<Map<String, String>> refer(@PathVariable String tenantId, @Valid @RequestBody Referral request) {
        String tenant = Objects.requireNonNull(TenantIds.named(tenantId));
        String partner = referredBy(request.referredBy());
        return CurrentCaller.get()
                .map(caller -> Roles.require(caller, new String[] {ThawRoles.PLATFORM_ADMIN}))
                .flatMap(caller -> subscriptions.refer(tenant, partner))
                .thenReturn(Map.of("tenantId", tenant, "referredBy", partner));
    }

    record ShareRate(@NotNull BigDecimal shareRate) {}

    @Operation(
            summary =
                    "Platform admins: set the share of its referred subscribers' fees a partner earns, 0 to 1 (audited)")
    @AllowedRoles(ThawRoles.PLATFORM_ADMIN)
    @PutMapping("/api/v1/monitor/admin/partners/{tenantId}/share")
    Mono<Map<String, Object>> share(@PathVariable String tenantId, @Valid @RequestBody ShareRate request) {
        String partner = Objects.requireNonNull(TenantIds.named(tenantId));
        return CurrentCaller.get()
                .map(caller -> Roles.require(caller, new String[] {ThawRoles.PLATFORM_ADMIN}))
                .flatMap(caller -> subscriptions.setShareRate(partner, request.shareRate()))
                .map(rate -> Map.of("tenantId", partner, "shareRate", rate));
    }

    private static String referredBy(String value) {
        if (!TenantIds.isValid(value)) {
            throw new ThawProblem(
                    HttpStatus.BAD_REQUEST,
                    "validation_failed",
                    "The field 'referredBy' is invalid: " + TenantIds.PATTERN_MESSAGE,
                    Map.of("errors", List.of(new FieldViolation("referredBy", "Pattern", TenantIds.PATTERN_MESSAGE))),
                    null);
        }
        return value;
    }

    /** The caller's own tenant; another only for platform admins (anyone else: 403). */
    private static String tenantOf(Caller caller, @Nullable String named) {
        String tenant = TenantIds.named(named);
        if (tenant == null || tenant.equals(caller.tenantId())) {
            return caller.tenantId();
        }
        if (!caller.hasRole(ThawRoles.PLATFORM_ADMIN)) {
            throw new ThawProblem(
                    HttpStatus.FORBIDDEN, "forbidden", "Only platform administrators read another tenant's statement.");
        }
        return tenant;
    }

    private YearMonth month(@Nullable String month) {
        YearMonth now = YearMonth.from(clock.instant().atOffset(ZoneOffset.UTC));
        if (month == null || month.isEmpty()) {
            return now;
        }
        YearMonth asked;
        try {
            asked = YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw invalidMonth("Format", "must be a month as yyyy-MM");
        }
        if (asked.isAfter(now)) {
            throw invalidMonth("PastOrPresent", "must not be a month to come");
        }
        return asked;
    }

    private static ThawProblem invalidMonth(String rule, String message) {
        return new ThawProblem(
                HttpStatus.BAD_REQUEST,
                "validation_failed",
                "The parameter 'month' is invalid: " + message,
                Map.of("errors", List.of(new FieldViolation("month", rule, message))),
                null);
    }

    private static boolean csv(@Nullable String format, @Nullable String accept) {
        if (format != null && !format.isEmpty()) {
            if (!format.equals("csv") && !format.equals("json")) {
                throw new ThawProblem(
                        HttpStatus.BAD_REQUEST,
                        "validation_failed",
                        "The parameter 'format' is invalid: must be json or csv",
                        Map.of("errors", List.of(new FieldViolation("format", "OneOf", "must be json or csv"))),
                        null);
            }
            return format.equals("csv");
        }
        return accept != null && accept.contains("text/csv");
    }

    private static ResponseEntity<Object> csvResponse(String body, String name) {
        return ResponseEntity.ok()
                .contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + ".csv\"")
                .body(body);
    }
}
