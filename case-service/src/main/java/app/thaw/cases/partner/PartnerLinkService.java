package app.thaw.cases.partner;

import java.util.Map;
import java.util.Optional;

import app.thaw.cases.access.CaseAccess;
import app.thaw.cases.events.CaseEventMapper;
import app.thaw.cases.problems.CaseProblems;
import app.thaw.platform.events.Traceparents;
import app.thaw.platform.problem.NotFound;
import app.thaw.platform.security.Caller;
import app.thaw.platform.security.CurrentCaller;
import app.thaw.platform.security.TenantIds;
import app.thaw.platform.security.ThawRoles;
import app.thaw.platform.tenancy.PartnerLink;
import app.thaw.platform.tenancy.PartnerLinks;
import app.thaw.platform.tenancy.TenantAccess;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A merchant's administrator links a partner bank and revokes the link. case-service owns the
 * links (ADR 60): each change is stored with its {@code thaw.partner.*} event in one write, and is
 * audited in both tenants.
 */
public class PartnerLinkService {

    private final PartnerLinks links;
    private final TenantAccess tenants;
    private final Traceparents traceparents;

    public PartnerLinkService(PartnerLinks links, TenantAccess tenants, Traceparents traceparents) {
        this.links = links;
        this.tenants = tenants;
        this.traceparents = traceparents;
    }

    public Mono<PartnerLink> link(String partnerTenantId) {
        return CurrentCaller.get().flatMap(caller -> {
            requireMerchantAdmin(caller);
            String partner = TenantIds.named(partnerTenantId);
            if (partner == null) {
                throw CaseProblems.invalid("partnerTenantId", "NotBlank", "must name the partner bank's tenant");
            }
            if (partner.equals(caller.tenantId())) {
                throw CaseProblems.invalid("partnerTenantId", "NotOwnTenant", "must be another tenant than your own");
            }
            return change(caller, partner, true);
        });
    }

    public Mono<PartnerLink> revoke(String partnerTenantId) {
        return CurrentCaller.get().flatMap(caller -> {
            requireMerchantAdmin(caller);
            return links.find(caller.tenantId(), partnerTenantId)
                    .filter(PartnerLink::active)
                    .switchIfEmpty(Mono.error(() -> new NotFound("active link to partner", partnerTenantId)))
                    .flatMap(active -> change(caller, partnerTenantId, false));
        });
    }

    /** The links in which the caller's tenant is the merchant or the partner, revoked ones included. */
    public Flux<PartnerLink> list() {
        return CurrentCaller.get().flatMapMany(caller -> links.of(caller.tenantId()));
    }

    private Mono<PartnerLink> change(Caller caller, String partner, boolean active) {
        String by = caller.tenantId() + "/" + CaseAccess.actor(caller);
        return Mono.fromSupplier(() -> Optional.ofNullable(traceparents.current()))
                .flatMap(traceparent -> links.change(
                        caller.tenantId(), partner, active, by, CaseEventMapper.SOURCE, traceparent.orElse(null)))
                .flatMap(link -> tenants.auditBothSides(
                                caller,
                                partner,
                                active ? "partner.linked" : "partner.unlinked",
                                "partner_link",
                                link.id(),
                                Map.of(
                                        "merchantTenantId",
                                        link.merchantTenantId(),
                                        "partnerTenantId",
                                        link.partnerTenantId(),
                                        "sequence",
                                        link.sequence()))
                        .thenReturn(link));
    }

    private static void requireMerchantAdmin(Caller caller) {
        if (!caller.hasRole(ThawRoles.MERCHANT_ADMIN)) {
            throw CaseProblems.forbidden("Only the merchant's administrators link or revoke a partner bank.");
        }
    }
}
