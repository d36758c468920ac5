package app.thaw.evidence.consent.web;

import java.time.Instant;
import java.util.List;

import app.thaw.evidence.casefile.CaseId;
import app.thaw.evidence.casefile.InsurerConsent;
import app.thaw.evidence.consent.Consents;
import app.thaw.platform.security.AllowedRoles;
import app.thaw.platform.security.CurrentCaller;
import app.thaw.platform.security.ThawRoles;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/evidence/cases/{caseId}/consents")
class ConsentsController {

    private final Consents consents;

    ConsentsController(Consents consents) {
        this.consents = consents;
    }

    record ConsentRequest(@NotBlank @Size(max = 100) String insurerTenantId) {}

    record ConsentResponse(
            String consentId,
            String insurerTenantId,
            String grantedBy,
            Instant grantedAt,
            boolean active,
            @Nullable String revokedBy,
            @Nullable Instant revokedAt) {

        static ConsentResponse of(InsurerConsent consent) {
            return new ConsentResponse(
                    consent.consentId(),
                    consent.insurerTenantId(),
                    consent.grantedBy(),
                    consent.grantedAt(),
                    consent.active(),
                    consent.revokedBy(),
                    consent.revokedAt());
        }
    }

    @Operation(summary = "List the insurer consents of the case (the holder's own users)")
    @GetMapping
    @AllowedRoles({ThawRoles.MERCHANT_ADMIN, ThawRoles.MERCHANT_MEMBER, ThawRoles.PARTNER_BANK})
    Mono<List<ConsentResponse>> list(@PathVariable String caseId) {
        return CurrentCaller.get()
                .flatMap(caller -> consents.list(caller, new CaseId(caseId)))
                .map(file -> file.consents().stream().map(ConsentResponse::of).toList());
    }

    @Operation(summary = "Let an insurer (its tenant id) fetch this case's dossier, until revoked")
    @PostMapping
    @AllowedRoles({ThawRoles.MERCHANT_ADMIN, ThawRoles.MERCHANT_MEMBER, ThawRoles.PARTNER_BANK})
    @ResponseStatus(HttpStatus.CREATED)
    Mono<ConsentResponse> grant(@PathVariable String caseId, @Valid @RequestBody ConsentRequest request) {
        return CurrentCaller.get()
                .flatMap(caller -> consents.grant(caller, new CaseId(caseId), request.insurerTenantId()))
                .map(ConsentResponse::of);
    }

    @Operation(summary = "Revoke an insurer's consent: from now on the insurer gets 404 for this case")
    @PostMapping("/{consentId}/revoke")
    @AllowedRoles({ThawRoles.MERCHANT_ADMIN, ThawRoles.MERCHANT_MEMBER, ThawRoles.PARTNER_BANK})
    Mono<List<ConsentResponse>> revoke(@PathVariable String caseId, @PathVariable String consentId) {
        return CurrentCaller.get()
                .flatMap(caller -> consents.revoke(caller, new CaseId(caseId), consentId))
                .map(file -> file.consents().stream().map(ConsentResponse::of).toList());
    }
}
