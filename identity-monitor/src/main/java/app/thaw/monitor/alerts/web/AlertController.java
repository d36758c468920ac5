package app.thaw.monitor.alerts.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import app.thaw.monitor.access.Roles;
import app.thaw.monitor.alerts.Alert;
import app.thaw.monitor.alerts.AlertKind;
import app.thaw.monitor.alerts.AlertService;
import app.thaw.monitor.alerts.AlertState;
import app.thaw.monitor.detection.Severity;
import app.thaw.platform.security.AllowedRoles;
import app.thaw.platform.security.CurrentCaller;
import app.thaw.platform.security.TenantIds;
import app.thaw.platform.security.ThawRoles;
import app.thaw.platform.store.CursorPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/monitor/alerts")
// Every move of an alert takes this list; reads name their own (AllowedRoles.ANY_USER).
@AllowedRoles({
    ThawRoles.PARTNER_BANK,
    ThawRoles.MERCHANT_ADMIN,
    ThawRoles.STAFF_AGENT,
    ThawRoles.STAFF_SUPERVISOR,
    ThawRoles.COMPLIANCE_OFFICER,
    ThawRoles.PLATFORM_ADMIN
})
class AlertController {

    static final String TENANT =
            "The tenant whose alerts to work, for Thaw staff (staff_agent, staff_supervisor, compliance_officer, "
                    + "platform_admin); omitted, empty or the caller's own, the caller's tenant. Anyone else naming another tenant gets 404. "
                    + "Any non-empty value must be " + TenantIds.RULE
                    + ", or the answer is 400 validation_failed naming tenantId.";
    static final String WRITE_ACROSS =
            "Thaw staff may name another tenant (tenantId), audited (monitor.cross_tenant_write); "
                    + "the role rules are the same, and the alert's events carry its own tenant.";

    private final AlertService alerts;

    AlertController(AlertService alerts) {
        this.alerts = alerts;
    }

    /**
     * The alerts as answered: a sanctions hit with the standing screening decision for its (subject,
     * entry), if an analyst made one — "not a match" or "true match", who, when, why, the evidence.
     */
    private Mono<List<AlertResponse>> withDecisions(List<Alert> page) {
        return alerts.standingDecisions(page)
                .map(byAlert -> page.stream()
                        .map(alert -> AlertResponse.of(alert, byAlert.get(alert.id())))
                        .toList());
    }

    @Operation(
            summary =
                    "The tenant's alerts, newest first, filtered by state, severity, kind or subject, paged by cursor",
            description =
                    "Thaw staff may name another tenant (tenantId); each such list is audited (monitor.cross_tenant_list). "
                            + "Anyone else naming another tenant gets 404.")
    @GetMapping
    @AllowedRoles(AllowedRoles.ANY_USER)
    Mono<CursorPage<AlertResponse>> list(
            @Parameter(description = TENANT) @RequestParam(required = false) @Nullable String tenantId,
            @RequestParam(required = false) @Nullable AlertState state,
            @RequestParam(required = false) @Nullable Severity severity,
            @RequestParam(required = false) @Nullable AlertKind kind,
            @RequestParam(required = false) @Nullable String subjectId,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable Integer limit) {
        CursorPage.Request page = CursorPage.Request.of(cursor, limit);
        return CurrentCaller.get()
                .map(caller -> Roles.require(caller, Roles.READER))
                .flatMapMany(caller -> alerts.page(
                        caller,
                        TenantIds.named(tenantId),
                        state,
                        severity,
                        kind,
                        subjectId,
                        page.cursor(),
                        page.limit() + 1))
                .collectList()
                .flatMap(this::withDecisions)
                .map(all -> page.page(all, AlertResponse::id));
    }

    @Operation(
            summary = "One alert with the signals behind it",
            description = "Thaw staff may name another tenant (tenantId), audited (monitor.cross_tenant_read).")
    @GetMapping("/{id}")
    @AllowedRoles(AllowedRoles.ANY_USER)
    Mono<AlertResponse> get(
            @PathVariable String id,
            @Parameter(description = TENANT) @RequestParam(required = false) @Nullable String tenantId) {
        return CurrentCaller.get()
                .map(caller -> Roles.require(caller, Roles.READER))
                .flatMap(caller -> alerts.get(caller, TenantIds.named(tenantId), id))
                .flatMap(alert -> withDecisions(List.of(alert)))
                .map(List::getFirst);
    }

    @Operation(summary = "Acknowledge a new alert", description = WRITE_ACROSS)
    @PostMapping("/{id}/acknowledge")
    Mono<AlertResponse> acknowledge(
            @PathVariable String id,
            @Parameter(description = TENANT) @RequestParam(required = false) @Nullable String tenantId,
            @Valid @RequestBody TransitionRequest request) {
        return move(id, tenantId, request, AlertState.ACKNOWLEDGED);
    }

    @Operation(
            summary =
                    "Dismiss an alert; dismissing a sanctions hit (compliance officers) clears the name for that entry",
            description = WRITE_ACROSS)
    @PostMapping("/{id}/dismiss")
    Mono<AlertResponse> dismiss(
            @PathVariable String id,
            @Parameter(description = TENANT) @RequestParam(required = false) @Nullable String tenantId,
            @Valid @RequestBody TransitionRequest request) {
        return move(id, tenantId, request, AlertState.DISMISSED);
    }

    @Operation(
            summary = "Escalate an alert: it becomes HIGH and is announced so a case opens",
            description = WRITE_ACROSS)
    @PostMapping("/{id}/escalate")
    Mono<AlertResponse> escalate(
            @PathVariable String id,
            @Parameter(description = TENANT) @RequestParam(required = false) @Nullable String tenantId,
            @Valid @RequestBody TransitionRequest request) {
        return move(id, tenantId, request, AlertState.ESCALATED);
    }

    private Mono<AlertResponse> move(
            String id, @Nullable String tenantId, TransitionRequest request, AlertState wanted) {
        return CurrentCaller.get()
                .map(caller -> Roles.require(caller, Roles.ALERT_WORKER))
                .flatMap(caller -> alerts.transition(
                        caller, TenantIds.named(tenantId), id, request.version(), wanted, request.reason()))
                .flatMap(alert -> withDecisions(List.of(alert)))
                .map(List::getFirst);
    }

    record TransitionRequest(
            @Min(1) long version,
            @Nullable @Size(max = 1000) String reason) {}

    record AlertResponse(
            String id,
            String subjectId,
            String subjectLabel,
            String subjectType,
            AlertKind kind,
            AlertState state,
            Severity severity,
            Map<String, Integer> detectors,
            List<String> signalIds,
            int count,
            Instant firstAt,
            Instant lastAt,
            Instant windowEndsAt,
            List<String> reasons,
            List<ReasonCodeResponse> reasonCodes,
            Alert.@Nullable Sanction sanction,
            long version,
            app.thaw.monitor.screening.AllowList.@Nullable StoredDecision screeningDecision) {

        static AlertResponse of(Alert alert, app.thaw.monitor.screening.AllowList.@Nullable StoredDecision decision) {
            return new AlertResponse(
                    alert.id(),
                    alert.subjectId(),
                    alert.subjectLabel(),
                    alert.subjectType(),
                    alert.kind(),
                    alert.state(),
                    alert.severity(),
                    alert.detectorsInOrder(),
                    alert.signalIds(),
                    alert.count(),
                    alert.firstAt(),
                    alert.lastAt(),
                    alert.windowEndsAt(),
                    alert.reasons(),
                    alert.reasonCodes().stream()
                            .map(reason -> new ReasonCodeResponse(reason.code(), reason.args()))
                            .toList(),
                    alert.sanction(),
                    alert.version(),
                    decision);
        }
    }

    /**
     * One of {@code reasons} as a code and its arguments, at the same position: for clients that word
     * it in their own language (identity-monitor's messages {@code monitor.reason.<code>}).
     *
     * @param code the reason's code; null when an older sentence could not be read back into one
     * @param args the values the sentence names, as written in it
     */
    record ReasonCodeResponse(@Nullable String code, List<String> args) {}
}
