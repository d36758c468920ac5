package app.thaw.cases.casework.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import app.thaw.cases.casework.CaseQuery;
import app.thaw.cases.casework.CaseService;
import app.thaw.cases.casework.OpenCase;
import app.thaw.cases.incident.CaseStatus;
import app.thaw.cases.incident.ContactChannel;
import app.thaw.cases.incident.ContactEntry;
import app.thaw.cases.incident.EntityType;
import app.thaw.cases.incident.FreezeScope;
import app.thaw.cases.incident.Money;
import app.thaw.cases.incident.Outcome;
import app.thaw.cases.incident.Party;
import app.thaw.cases.incident.Scenario;
import app.thaw.cases.incident.TimelineEntry;
import app.thaw.cases.problems.CaseProblems;
import app.thaw.platform.security.AllowedRoles;
import app.thaw.platform.security.CaseWriters;
import app.thaw.platform.security.TenantIds;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/cases")
// Every write takes the writers' roles; reads name their own (AllowedRoles.ANY_USER).
@CaseWriters
class CasesController {

    static final String TENANT =
            "Thaw staff only: one tenant's cases (staff otherwise see every tenant's); a list of another "
                    + "tenant's is audited (case.cross_tenant_list). Ignored for anyone else. Empty names no tenant; any other value must be "
                    + TenantIds.RULE + ", or the answer is 400 validation_failed naming tenantId.";

    private final CaseService cases;

    CasesController(CaseService cases) {
        this.cases = cases;
    }

    record HolderRequest(
            @NotBlank @Pattern(regexp = "(?i)INDIVIDUAL|ENTERPRISE", message = "must be INDIVIDUAL or ENTERPRISE")
            String type,

            @NotBlank @Size(max = 200) String displayName,
            @NotBlank @Size(max = 100) String accountReference) {}

    record AmountRequest(
            @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 15, fraction = 4)
            BigDecimal amount,

            @NotBlank @Pattern(regexp = "[A-Za-z]{3}", message = "must be an ISO 4217 code such as CNY or USD")
            String currency) {}

    record OpenRequest(
            @NotNull @Valid HolderRequest holder,
            @NotBlank @Size(max = 200) String platform,
            @NotBlank @Size(max = 20000) String noticeText,
            @Size(max = 100) @Nullable String noticeReference,
            @Valid @Nullable AmountRequest frozenAmount,
            @Nullable String scope,
            @Nullable Instant detectedAt,
            @Size(max = 200) @Nullable String assignee,
            // The tenant rule of staff's ?tenantId= (TenantIds): an empty or odd name would open a case in no real
            // tenant.
            @Size(max = TenantIds.MAX_LENGTH)
            @Pattern(regexp = TenantIds.PATTERN, message = TenantIds.PATTERN_MESSAGE)
            @Nullable
            String onBehalfOfTenant) {

        OpenCase command() {
            Money amount = null;
            if (frozenAmount != null) {
                try {
                    java.util.Currency.getInstance(frozenAmount.currency().toUpperCase(java.util.Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw CaseProblems.invalid("frozenAmount.currency", "Currency", "is not an ISO 4217 currency code");
                }
                amount = new Money(
                        frozenAmount.amount().toPlainString(),
                        frozenAmount.currency().toUpperCase(java.util.Locale.ROOT));
            }
            return new OpenCase(
                    onBehalfOfTenant,
                    CaseProblems.code(EntityType.class, holder.type(), "holder.type"),
                    holder.displayName().strip(),
                    holder.accountReference().strip(),
                    platform.strip(),
                    noticeText,
                    noticeReference,
                    amount,
                    CaseProblems.optionalCode(FreezeScope.class, scope, "scope"),
                    detectedAt,
                    assignee);
        }
    }

    @PostMapping
    @Operation(
            summary =
                    "Open a case (intake): holder, freezing platform, notice, amount and detection time; triage runs at once")
    Mono<ResponseEntity<CaseResponse>> open(@Valid @RequestBody OpenRequest request) {
        return CaseResponses.created(Mono.fromCallable(request::command).flatMap(cases::open));
    }

    @GetMapping
    @AllowedRoles(AllowedRoles.ANY_USER)
    @Operation(
            summary =
                    "The case queue, newest first, by cursor; filters: status, scenario, assignee, atRisk (a clock breached or due soon), drill, readiness")
    Mono<CaseResponse.Page> list(
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String scenario,
            @RequestParam(required = false) @Nullable String assignee,
            @RequestParam(required = false) @Nullable Boolean atRisk,
            @RequestParam(required = false) @Nullable Boolean drill,
            @Parameter(description = "READY, MISSING or REJECTED: the case's readiness to submit")
                    @RequestParam(required = false)
                    @Nullable
                    String readiness,
            @Parameter(description = TENANT) @RequestParam(required = false) @Nullable String tenantId,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable Integer limit) {
        return Mono.fromCallable(() -> new CaseQuery(
                        CaseProblems.optionalCode(CaseStatus.class, status, "status"),
                        CaseProblems.optionalCode(Scenario.class, scenario, "scenario"),
                        assignee,
                        atRisk,
                        drill,
                        TenantIds.named(tenantId),
                        cursor,
                        limit,
                        CaseProblems.optionalCode(
                                app.thaw.cases.incident.Readiness.State.class, readiness, "readiness")))
                .flatMap(cases::list)
                .map(page -> new CaseResponse.Page(
                        page.items().stream().map(CaseResponse::of).toList(), page.nextCursor()));
    }

    @GetMapping("/{id}")
    @AllowedRoles(AllowedRoles.ANY_USER)
    @Operation(summary = "One case, with its checklist, tasks, clocks, contacts and review; ETag carries its version")
    Mono<ResponseEntity<CaseResponse>> get(@PathVariable String id) {
        return CaseResponses.ok(cases.get(id));
    }

    record TransitionRequest(
            @NotBlank String to,
            @NotBlank @Size(max = 2000) String reason,
            @Size(max = 200) @Nullable String releaseReference,
            @Nullable String resolution,
            @Nullable List<@NotBlank @Size(max = 64) String> items) {}

    @PostMapping("/{id}/transitions")
    @Operation(
            summary =
                    "Move the case along its lifecycle (docs/domain.md §3); an illegal move is 409 naming the current and allowed states")
    Mono<ResponseEntity<CaseResponse>> transition(
            @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
            @Valid @RequestBody TransitionRequest request) {
        return CaseResponses.ok(Mono.fromCallable(() -> CaseProblems.code(CaseStatus.class, request.to(), "to"))
                .flatMap(to -> {
                    Outcome resolution = CaseProblems.optionalCode(Outcome.class, request.resolution(), "resolution");
                    return cases.change(
                            id,
                            CaseProblems.ifMatch(ifMatch),
                            (c, tenant, now, actor) -> c.transition(
                                    to,
                                    request.reason(),
                                    request.releaseReference(),
                                    resolution,
                                    request.items() == null ? List.of() : request.items(),
                                    tenant.policy(),
                                    tenant.calendar(),
                                    now,
                                    actor));
                }));
    }

    record AssignRequest(@Size(max = 200) @Nullable String assignee) {}

    @PostMapping("/{id}/assignment")
    @Operation(summary = "Assign the case to someone (or unassign it with no assignee)")
    Mono<ResponseEntity<CaseResponse>> assign(
            @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
            @Valid @RequestBody AssignRequest request) {
        return CaseResponses.changed(
                ifMatch,
                version ->
                        cases.change(id, version, (c, tenant, now, actor) -> c.assign(request.assignee(), now, actor)));
    }

    record TaskDoneRequest(@Size(max = 4000) @Nullable String note) {}

    @PostMapping("/{id}/tasks/{taskId}/done")
    @Operation(
            summary =
                    "Mark a playbook task done (meets its clock); the note records a deviation in its special-situations area")
    Mono<ResponseEntity<CaseResponse>> taskDone(
            @PathVariable String id,
            @PathVariable String taskId,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
            @Valid @RequestBody(required = false) @Nullable TaskDoneRequest request) {
        String note = request == null ? null : request.note();
        return CaseResponses.changed(
                ifMatch,
                version ->
                        cases.change(id, version, (c, tenant, now, actor) -> c.completeTask(taskId, note, now, actor)));
    }

    record ClockMetRequest(@NotBlank @Size(max = 300) String clockId) {}

    @PostMapping("/{id}/clocks/met")
    @Operation(summary = "Mark a clock met that no task or transition settles (e.g. a follow-up made by phone)")
    Mono<ResponseEntity<CaseResponse>> clockMet(
            @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
            @Valid @RequestBody ClockMetRequest request) {
        return CaseResponses.changed(
                ifMatch,
                version -> cases.change(
                        id, version, (c, tenant, now, actor) -> c.meetClock(request.clockId(), now, actor)));
    }

    record WaitingRequest(@Nullable String party) {}

    @PostMapping("/{id}/waiting")
    @Operation(
            summary =
                    "Record whom the case waits on (HOLDER, PLATFORM, AUTHORITY, US, or none); waiting on the holder pauses the tenant's pausable clocks")
    Mono<ResponseEntity<CaseResponse>> waiting(
            @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
            @RequestBody WaitingRequest request) {
        return CaseResponses.changed(ifMatch, version -> {
            Party party = CaseProblems.optionalCode(Party.class, request.party(), "party");
            return cases.change(id, version, (c, tenant, now, actor) -> c.waitOn(party, tenant.policy(), now, actor));
        });
    }

    record DelayReport(
            String caseId,
            Map<String, Long> secondsByParty,
            @Nullable String waitingOn) {}

    @GetMapping("/{id}/delay-report")
    @AllowedRoles(AllowedRoles.ANY_USER)
    @Operation(summary = "How long each party (holder, platform, authority, us) has held the case, in seconds")
    Mono<DelayReport> delayReport(@PathVariable String id) {
        return cases.get(id).map(c -> {
            Map<String, Long> seconds = new java.util.LinkedHashMap<>();
            c.delayByParty(cases.now()).forEach((party, held) -> seconds.put(party.name(), held.toSeconds()));
            return new DelayReport(
                    c.id(),
                    seconds,
                    c.waitingOn() == null ? null : c.waitingOn().name());
        });
    }

    record ContactRequest(
            @NotBlank String channel,
            @NotNull Instant at,
            @Size(max = 100) @Nullable String ticketNumber,
            @Size(max = 200) @Nullable String agent,
            @NotBlank @Size(max = 4000) String summary,
            @Size(max = 2000) @Nullable String nextStep,
            @Nullable Instant promisedReplyAt,
            @Min(1) @Max(365) @Nullable Integer statedCycleDays) {}

    @PostMapping("/{id}/contacts")
    @Operation(
            summary =
                    "Log a contact with the freezing platform; a promised reply time or stated cycle schedules the next follow-up")
    Mono<ResponseEntity<CaseResponse>> contact(
            @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
            @Valid @RequestBody ContactRequest request) {
        return CaseResponses.changed(ifMatch, version -> {
            ContactChannel channel = CaseProblems.code(ContactChannel.class, request.channel(), "channel");
            return cases.logContact(
                    id,
                    version,
                    contactId -> (c, tenant, now, actor) -> c.logContact(
                            new ContactEntry(
                                    contactId,
                                    channel,
                                    request.at(),
                                    request.ticketNumber(),
                                    request.agent(),
                                    request.summary(),
                                    request.nextStep(),
                                    request.promisedReplyAt(),
                                    request.statedCycleDays(),
                                    actor),
                            tenant.calendar(),
                            now,
                            actor));
        });
    }

    @GetMapping("/{id}/timeline")
    @AllowedRoles(AllowedRoles.ANY_USER)
    @Operation(summary = "The case's timeline, to the second, built from its events")
    Mono<List<TimelineEntry>> timeline(@PathVariable String id) {
        return cases.get(id).map(c -> c.timeline());
    }
}
