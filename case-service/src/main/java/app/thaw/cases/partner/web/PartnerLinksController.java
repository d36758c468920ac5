package app.thaw.cases.partner.web;

import java.time.Instant;

import app.thaw.cases.partner.PartnerLinkService;
import app.thaw.platform.security.AllowedRoles;
import app.thaw.platform.security.TenantIds;
import app.thaw.platform.security.ThawRoles;
import app.thaw.platform.tenancy.PartnerLink;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
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
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/cases/partner-links")
class PartnerLinksController {

    private final PartnerLinkService links;

    PartnerLinksController(PartnerLinkService links) {
        this.links = links;
    }

    record LinkRequest(
            @NotBlank
            @Size(max = TenantIds.MAX_LENGTH)
            @Pattern(regexp = TenantIds.PATTERN, message = TenantIds.PATTERN_MESSAGE)
            String partnerTenantId) {}

    record LinkResponse(
            String merchantTenantId,
            String partnerTenantId,
            boolean active,
            long sequence,
            @Nullable Instant linkedAt,
            Instant changedAt,
            String changedBy) {

        static LinkResponse of(PartnerLink link) {
            return new LinkResponse(
                    link.merchantTenantId(),
                    link.partnerTenantId(),
                    link.active(),
                    link.sequence(),
                    link.linkedAt(),
                    link.changedAt(),
                    link.changedBy());
        }
    }

    @PostMapping
    @AllowedRoles(ThawRoles.MERCHANT_ADMIN)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary =
                    "Merchant admins: link a partner bank's tenant; while linked it opens and works this tenant's cases (audited in both)")
    Mono<LinkResponse> link(@Valid @RequestBody LinkRequest request) {
        return links.link(request.partnerTenantId()).map(LinkResponse::of);
    }

    @PostMapping("/{partnerTenantId}/revoke")
    @AllowedRoles(ThawRoles.MERCHANT_ADMIN)
    @Operation(
            summary =
                    "Merchant admins: revoke the link; from then on the bank gets 403 partner_not_linked for this tenant")
    Mono<LinkResponse> revoke(@PathVariable String partnerTenantId) {
        return links.revoke(partnerTenantId).map(LinkResponse::of);
    }

    @GetMapping
    @AllowedRoles(AllowedRoles.ANY_USER)
    @Operation(
            summary =
                    "The links in which the caller's tenant is the merchant or the partner bank, revoked ones included")
    Flux<LinkResponse> list() {
        return links.list().map(LinkResponse::of);
    }
}
