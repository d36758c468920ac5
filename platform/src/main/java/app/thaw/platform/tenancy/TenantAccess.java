package app.thaw.platform.tenancy;

import java.util.Map;

import app.thaw.platform.audit.AuditLog;
import app.thaw.platform.security.Caller;
import app.thaw.platform.security.ThawRoles;
import reactor.core.publisher.Mono;

/**
 * The one answer to "may this caller act on this tenant's data" (ADR 60), asked by every service
 * before it reads or writes another tenant's object. Its own tenant: yes. Thaw staff: through their
 * role. A partner bank: while the tenant has linked it. Anyone else: no — the data does not exist
 * for them. What a role may do inside the reach (read only, COMPLIANCE_HOLD) stays with each service.
 */
public class TenantAccess {

    private final PartnerLinks links;
    private final AuditLog audit;

    public TenantAccess(PartnerLinks links, AuditLog audit) {
        this.links = links;
        this.audit = audit;
    }

    public static boolean staff(Caller caller) {
        return caller.hasAnyRole(
                ThawRoles.STAFF_AGENT,
                ThawRoles.STAFF_SUPERVISOR,
                ThawRoles.COMPLIANCE_OFFICER,
                ThawRoles.PLATFORM_ADMIN);
    }

    /** How {@code caller} reaches {@code tenantId}'s data. */
    public Mono<Reach> reach(Caller caller, String tenantId) {
        if (tenantId.equals(caller.tenantId())) {
            return Mono.just(Reach.OWN);
        }
        if (staff(caller)) {
            return Mono.just(Reach.STAFF);
        }
        if (caller.hasRole(ThawRoles.PARTNER_BANK)) {
            return links.linked(tenantId, caller.tenantId()).map(linked -> linked ? Reach.PARTNER : Reach.NONE);
        }
        return Mono.just(Reach.NONE);
    }

    /** The merchants whose data a partner bank reaches now (none for anyone else). */
    public reactor.core.publisher.Flux<String> partnerOf(Caller caller) {
        return caller.hasRole(ThawRoles.PARTNER_BANK)
                ? links.merchantsOf(caller.tenantId())
                : reactor.core.publisher.Flux.empty();
    }

    /**
     * Records a cross-tenant act in the caller's tenant and in {@code tenantId}'s, so each reads it in
     * its own log; nothing for an act in the caller's own tenant.
     */
    public Mono<Void> auditBothSides(
            Caller caller,
            String tenantId,
            String action,
            String objectType,
            String objectId,
            Map<String, Object> details) {
        if (tenantId.equals(caller.tenantId())) {
            return Mono.empty();
        }
        Map<String, Object> withTenant = new java.util.HashMap<>(details);
        withTenant.put("otherTenant", tenantId);
        return audit.record(action, objectType, objectId, withTenant)
                .then(audit.recordIn(tenantId, action, objectType, objectId, withTenant));
    }
}
