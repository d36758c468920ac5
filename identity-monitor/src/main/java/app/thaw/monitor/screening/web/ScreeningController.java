package app.thaw.monitor.screening.web;

import java.util.List;

import app.thaw.monitor.access.Roles;
import app.thaw.monitor.screening.AllowList;
import app.thaw.monitor.screening.ScreeningService;
import app.thaw.monitor.subjects.SubjectScreening;
import app.thaw.monitor.subjects.SubjectService;
import app.thaw.monitor.subjects.SubjectType;
import app.thaw.platform.security.AllowedRoles;
import app.thaw.platform.security.CurrentCaller;
import app.thaw.platform.security.ThawRoles;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/monitor")
class ScreeningController {

    private final ScreeningService screening;
    private final SubjectService subjects;
    private final SubjectScreening subjectScreening;

    ScreeningController(ScreeningService screening, SubjectService subjects, SubjectScreening subjectScreening) {
        this.screening = screening;
        this.subjects = subjects;
        this.subjectScreening = subjectScreening;
    }

    @Operation(
            summary = "Screen a name against the sanctions list (no alert): hits with score, matched name and fields")
    @PostMapping("/screening/check")
    @AllowedRoles({ThawRoles.PARTNER_BANK, ThawRoles.MERCHANT_ADMIN, ThawRoles.PLATFORM_ADMIN})
    Mono<CheckResponse> check(@Valid @RequestBody CheckRequest request) {
        return CurrentCaller.get()
                .map(caller -> Roles.require(caller, Roles.SUBSCRIBER))
                .flatMap(caller -> screening.check(
                        caller.tenantId(),
                        request.name(),
                        request.type() == null
                                ? java.util.Set.of()
                                : request.type().listedAs()))
                .map(hits -> new CheckResponse(screening.index().list().version(), hits));
    }

    @Operation(summary = "Screen an enrolled subject again; hits not on the allow-list raise SANCTIONS_HIT alerts")
    @PostMapping("/subjects/{id}/screen")
    @AllowedRoles({ThawRoles.PARTNER_BANK, ThawRoles.MERCHANT_ADMIN, ThawRoles.PLATFORM_ADMIN})
    Mono<ScreenResponse> screenSubject(@PathVariable String id) {
        return CurrentCaller.get()
                .map(caller -> Roles.require(caller, Roles.SUBSCRIBER))
                .flatMap(caller -> subjects.get(caller, id))
                .flatMap(subjectScreening::rescreen)
                .map(ScreenResponse::new);
    }

    @Operation(
            summary = "Record a compliance decision about a subject and a list entry: NOT_A_MATCH (suppresses the pair "
                    + "until the entry changes) or TRUE_MATCH (kept with its evidence); audited")
    @PostMapping("/subjects/{id}/screening/decisions")
    @AllowedRoles({ThawRoles.COMPLIANCE_OFFICER, ThawRoles.PLATFORM_ADMIN})
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CREATED)
    Mono<AllowList.StoredDecision> decide(@PathVariable String id, @Valid @RequestBody DecisionRequest request) {
        return CurrentCaller.get()
                .map(caller -> Roles.require(caller, Roles.COMPLIANCE))
                .flatMap(caller -> subjects.get(caller, id)
                        .flatMap(subject -> screening.decide(
                                caller,
                                subject.tenantId(),
                                subject.id(),
                                request.listEntryId(),
                                request.decision(),
                                request.reason(),
                                request.evidence() == null ? List.of() : request.evidence(),
                                request.alertId())));
    }

    @Operation(summary = "A subject's screening decisions, newest first")
    @GetMapping("/subjects/{id}/screening/decisions")
    @AllowedRoles(AllowedRoles.ANY_USER)
    Mono<List<AllowList.StoredDecision>> decisions(@PathVariable String id) {
        return CurrentCaller.get()
                .map(caller -> Roles.require(caller, Roles.READER))
                .flatMap(caller -> subjects.get(caller, id))
                .flatMap(subject ->
                        screening.decisions(subject.tenantId(), subject.id()).collectList());
    }

    @Operation(
            summary =
                    "The sanctions lists in use: each list's name, version (SHA-256), publication date and entry count")
    @GetMapping("/screening/list")
    @AllowedRoles(AllowedRoles.ANY_USER)
    Mono<ListResponse> list() {
        return CurrentCaller.get()
                .map(caller -> Roles.require(caller, Roles.READER))
                .map(caller -> screening.index())
                .map(index -> new ListResponse(
                        index.list().source(),
                        index.list().version(),
                        index.list().entries().size(),
                        index.nameCount(),
                        index.list().loadedAt().toString(),
                        screening.lists()));
    }

    @Operation(
            summary =
                    "Read the sanctions list again now (platform administrators); a changed list re-screens every subject")
    @PostMapping("/admin/screening/refresh")
    @AllowedRoles(ThawRoles.PLATFORM_ADMIN)
    Mono<SubjectScreening.Refresh> refresh() {
        return subjectScreening.refresh();
    }

    /**
     * @param evidence what the decision rests on (document ids, notes): at most 20 items of at most 500 characters
     */
    record DecisionRequest(
            @NotBlank @Size(max = 200) String listEntryId,
            @jakarta.validation.constraints.NotNull AllowList.Decision decision,
            @NotBlank @Size(max = 1000) String reason,
            @Nullable @Size(max = 20) List<@NotBlank @Size(max = 500) String> evidence,
            @Nullable @Size(max = 100) String alertId) {}

    record CheckRequest(
            @NotBlank @Size(max = 300) String name,
            @Nullable SubjectType type) {}

    record CheckResponse(String listVersion, List<ScreeningService.Hit> hits) {}

    record ScreenResponse(int newAlerts) {}

    /** All lists together ({@code version} hashes the lists' versions), and each list ({@code lists}). */
    record ListResponse(
            String source,
            String version,
            int entries,
            int names,
            String loadedAt,
            List<app.thaw.monitor.screening.SanctionsLists.ListVersion> lists) {}
}
