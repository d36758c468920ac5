package app.thaw.monitor.subjects.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import app.thaw.monitor.access.Roles;
import app.thaw.monitor.baseline.BaselineView;
import app.thaw.monitor.baseline.Baselines;
import app.thaw.monitor.protection.IdentifierType;
import app.thaw.monitor.subjects.PlainIdentifier;
import app.thaw.monitor.subjects.Subject;
import app.thaw.monitor.subjects.SubjectService;
import app.thaw.monitor.subjects.SubjectType;
import app.thaw.platform.security.AllowedRoles;
import app.thaw.platform.security.CurrentCaller;
import app.thaw.platform.security.ThawRoles;
import app.thaw.platform.store.CursorPage;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/monitor/subjects")
class SubjectController {

    private final SubjectService subjects;
    private final Baselines baselines;

    SubjectController(SubjectService subjects, Baselines baselines) {
        this.subjects = subjects;
        this.baselines = baselines;
    }

    @Operation(summary = "Enrol a person or company with identifiers (stored hashed and encrypted); screens its names")
    @PostMapping
    @AllowedRoles({ThawRoles.PARTNER_BANK, ThawRoles.MERCHANT_ADMIN, ThawRoles.PLATFORM_ADMIN, ThawRoles.INSURER})
    Mono<ResponseEntity<SubjectResponse>> enrol(@Valid @RequestBody EnrolRequest request) {
        return CurrentCaller.get()
                .map(caller -> Roles.require(caller, Roles.ENROLLER))
                .flatMap(caller -> subjects.enrol(
                        caller,
                        request.type(),
                        request.identifiers().stream()
                                .map(i -> new PlainIdentifier(i.type(), i.value()))
                                .toList()))
                .map(enrolled -> ResponseEntity.created(URI.create(
                                "/api/v1/monitor/subjects/" + enrolled.subject().id()))
                        .body(SubjectResponse.of(enrolled.subject(), enrolled.sanctionsHits())));
    }

    @Operation(summary = "List the tenant's subjects (masked), paged by cursor")
    @GetMapping
    @AllowedRoles(AllowedRoles.ANY_USER)
    Mono<CursorPage<SubjectResponse>> list(
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable Integer limit) {
        CursorPage.Request page = CursorPage.Request.of(cursor, limit);
        return CurrentCaller.get()
                .map(caller -> Roles.require(caller, Roles.READER))
                .flatMapMany(caller -> subjects.page(caller, page.cursor(), page.limit() + 1))
                .map(subject -> SubjectResponse.of(subject, null))
                .collectList()
                .map(all -> page.page(all, SubjectResponse::id));
    }

    @Operation(summary = "One subject (masked)")
    @GetMapping("/{id}")
    @AllowedRoles(AllowedRoles.ANY_USER)
    Mono<SubjectResponse> get(@PathVariable String id) {
        return CurrentCaller.get()
                .map(caller -> Roles.require(caller, Roles.READER))
                .flatMap(caller -> subjects.get(caller, id))
                .map(subject -> SubjectResponse.of(subject, null));
    }

    @Operation(summary = "Find subjects by an identifier (sent in the body so it never lands in a URL or access log)")
    @PostMapping("/lookup")
    @AllowedRoles({ThawRoles.PARTNER_BANK, ThawRoles.MERCHANT_ADMIN, ThawRoles.PLATFORM_ADMIN})
    Mono<List<SubjectResponse>> lookup(@Valid @RequestBody IdentifierRequest request) {
        return CurrentCaller.get()
                .map(caller -> Roles.require(caller, Roles.SUBSCRIBER))
                .flatMapMany(caller -> subjects.lookup(caller, request.type(), request.value()))
                .map(subject -> SubjectResponse.of(subject, null))
                .collectList();
    }

    @Operation(
            summary =
                    "A subject's baseline: known devices, usual places, active hours (in the tenant's zone), institutions")
    @GetMapping("/{id}/baseline")
    @AllowedRoles(AllowedRoles.ANY_USER)
    Mono<BaselineView> baseline(@PathVariable String id) {
        return CurrentCaller.get()
                .map(caller -> Roles.require(caller, Roles.READER))
                .flatMap(caller ->
                        subjects.get(caller, id).flatMap(subject -> baselines.load(caller.tenantId(), subject.id())))
                .map(BaselineView::of);
    }

    @Operation(summary = "A subject's identifiers in clear (audited)")
    @GetMapping("/{id}/identifiers")
    @AllowedRoles({ThawRoles.PARTNER_BANK, ThawRoles.MERCHANT_ADMIN, ThawRoles.COMPLIANCE_OFFICER})
    Mono<List<IdentifierRequest>> reveal(@PathVariable String id) {
        return CurrentCaller.get()
                .map(caller -> Roles.require(caller, Roles.REVEAL))
                .flatMap(caller -> subjects.reveal(caller, id))
                .map(values -> values.stream()
                        .map(v -> new IdentifierRequest(v.type(), v.value()))
                        .toList());
    }

    @Operation(summary = "Place or lift a legal hold (compliance officers); version must be current")
    @PutMapping("/{id}/legal-hold")
    @AllowedRoles({ThawRoles.COMPLIANCE_OFFICER, ThawRoles.PLATFORM_ADMIN})
    Mono<SubjectResponse> legalHold(@PathVariable String id, @Valid @RequestBody HoldRequest request) {
        return CurrentCaller.get()
                .map(caller -> Roles.require(caller, Roles.COMPLIANCE))
                .flatMap(caller ->
                        subjects.setLegalHold(caller, id, request.version(), request.hold(), request.reason()))
                .map(subject -> SubjectResponse.of(subject, null));
    }

    @Operation(summary = "Erase a subject, its baseline and its signals (refused under legal hold)")
    @DeleteMapping("/{id}")
    @AllowedRoles({ThawRoles.PARTNER_BANK, ThawRoles.MERCHANT_ADMIN, ThawRoles.PLATFORM_ADMIN})
    Mono<ResponseEntity<Void>> erase(@PathVariable String id) {
        return CurrentCaller.get()
                .map(caller -> Roles.require(caller, Roles.SUBSCRIBER))
                .flatMap(caller -> subjects.erase(caller, id))
                .then(Mono.just(ResponseEntity.noContent().build()));
    }

    record IdentifierRequest(
            @NotNull IdentifierType type,
            @NotBlank @Size(max = 200) String value) {

        @Override
        public String toString() {
            return "IdentifierRequest[" + type + "]";
        }
    }

    record EnrolRequest(
            @NotNull SubjectType type,
            @NotEmpty @Size(max = 20) List<@Valid IdentifierRequest> identifiers) {}

    record HoldRequest(
            @NotNull Boolean hold,
            @Nullable @Size(max = 500) String reason,
            @Min(1) long version) {}

    record MaskedIdentifier(IdentifierType type, String masked) {}

    record SubjectResponse(
            String id,
            SubjectType type,
            String label,
            List<MaskedIdentifier> identifiers,
            boolean legalHold,
            long version,
            Instant createdAt,
            @Nullable Integer sanctionsHits) {

        static SubjectResponse of(Subject subject, @Nullable Integer hits) {
            return new SubjectResponse(
                    subject.id(),
                    subject.type(),
                    subject.label(),
                    subject.identifiers().stream()
                            .map(v -> new MaskedIdentifier(v.type(), v.masked()))
                            .toList(),
                    subject.legalHold(),
                    subject.version(),
                    subject.createdAt(),
                    hits);
        }
    }
}
