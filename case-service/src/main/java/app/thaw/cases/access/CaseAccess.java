package app.thaw.cases.access;

import java.util.Map;

import app.thaw.cases.incident.IncidentCase;
import app.thaw.cases.problems.CaseProblems;
import app.thaw.platform.audit.AuditLog;
import app.thaw.platform.problem.NotFound;
import app.thaw.platform.security.Caller;
import app.thaw.platform.security.ThawRoles;
import app.thaw.platform.tenancy.Reach;
import app.thaw.platform.tenancy.TenantAccess;
import reactor.core.publisher.Mono;

/**
 * Who may see and change which case. A tenant sees its own cases; staff see every tenant's
 * through their role, and each such access is audited; a partner bank sees and works the cases of
 * the merchants that linked it, while linked, audited in both tenants (the platform's
 * {@link TenantAccess}, ADR 60). COMPLIANCE_HOLD cases are visible only to
 * compliance officers and platform admins: to anyone else they do not exist (404), and the
 * attempt is audited. Insurers read; they never change a case.
 */
public class CaseAccess {

    private final AuditLog audit;
    private final TenantAccess tenants;

    public CaseAccess(AuditLog audit, TenantAccess tenants) {
        this.audit = audit;
        this.tenants = tenants;
    }

    public TenantAccess tenants() {
        return tenants;
    }

    public AuditLog auditLog() {
        return audit;
    }

    /** Thaw staff, who reach every tenant through their role: the platform's rule ({@link TenantAccess#staff}). */
    public static boolean staff(Caller caller) {
        return TenantAccess.staff(caller);
    }

    public static boolean seesRestricted(Caller caller) {
        return caller.hasAnyRole(ThawRoles.COMPLIANCE_OFFICER, ThawRoles.PLATFORM_ADMIN);
    }

    public static boolean writer(Caller caller) {
        return staff(caller)
                || caller.hasAnyRole(ThawRoles.MERCHANT_ADMIN, ThawRoles.MERCHANT_MEMBER, ThawRoles.PARTNER_BANK);
    }

    public static boolean tenantAdmin(Caller caller) {
        return caller.hasAnyRole(
                ThawRoles.MERCHANT_ADMIN, ThawRoles.PARTNER_BANK, ThawRoles.STAFF_SUPERVISOR, ThawRoles.PLATFORM_ADMIN);
    }

    public static String actor(Caller caller) {
        return caller.username() != null ? caller.username() : caller.subject();
    }

    public static void requireWriter(Caller caller) {
        if (!writer(caller)) {
            throw CaseProblems.forbidden("Your roles allow reading cases, not changing them.");
        }
    }

    public static void requireStaff(Caller caller) {
        if (!staff(caller)) {
            throw CaseProblems.forbidden("Only Thaw staff may do this.");
        }
    }

    /** The case if {@code caller} may see it (and change it, when {@code write}); 404 otherwise. */
    public Mono<IncidentCase> check(Caller caller, IncidentCase c, boolean write) {
        return tenants.reach(caller, c.tenantId()).flatMap(reach -> {
            if (!reach.reaches()) {
                return Mono.error(new NotFound("case", c.id()));
            }
            if (c.restricted() && !seesRestricted(caller)) {
                return audited(
                                caller,
                                reach,
                                c.tenantId(),
                                "case.restricted_access_refused",
                                "case",
                                c.id(),
                                Map.of("caseTenant", c.tenantId(), "write", write))
                        .then(Mono.error(new NotFound("case", c.id())));
            }
            if (write && !writer(caller)) {
                return Mono.error(CaseProblems.forbidden("Your roles allow reading cases, not changing them."));
            }
            if (reach == Reach.PARTNER) {
                return tenants.auditBothSides(
                                caller,
                                c.tenantId(),
                                write ? "case.partner_write" : "case.partner_read",
                                "case",
                                c.id(),
                                Map.of("caseTenant", c.tenantId()))
                        .thenReturn(c);
            }
            if (reach == Reach.STAFF) {
                return tenants.auditBothSides(
                                caller,
                                c.tenantId(),
                                write ? "case.cross_tenant_write" : "case.cross_tenant_read",
                                "case",
                                c.id(),
                                Map.of("caseTenant", c.tenantId()))
                        .thenReturn(c);
            }
            return Mono.just(c);
        });
    }

    /**
     * Records an act on {@code tenantId}'s data: across tenants in both (the platform's
     * {@link TenantAccess#auditBothSides}), so the case's tenant reads it in its own log; in the
     * caller's own tenant otherwise.
     */
    private Mono<Void> audited(
            Caller caller,
            Reach reach,
            String tenantId,
            String action,
            String objectType,
            String objectId,
            Map<String, Object> details) {
        return reach.crossTenant()
                ? tenants.auditBothSides(caller, tenantId, action, objectType, objectId, details)
                : audit.record(action, objectType, objectId, details);
    }

    /**
     * Audits a staff member's list of cases ({@code case.cross_tenant_list}): of one named tenant
     * other than the caller's, in both tenants (that tenant reads it in its own log); of every tenant
     * ({@code tenantId} null), in the caller's; of the caller's own tenant, not at all.
     */
    public Mono<Void> auditStaffList(
            Caller caller, @org.jspecify.annotations.Nullable String tenantId, Map<String, Object> details) {
        if (caller.tenantId().equals(tenantId)) {
            return Mono.empty();
        }
        Map<String, Object> withFilter = new java.util.HashMap<>(details);
        withFilter.put("tenantFilter", tenantId == null ? "*" : tenantId);
        return tenantId == null
                ? audit.record("case.cross_tenant_list", "case", "*", withFilter)
                : tenants.auditBothSides(caller, tenantId, "case.cross_tenant_list", "case", "*", withFilter);
    }

    /**
     * The tenant a new case opens in: the caller's own, or the one {@code onBehalfOfTenant} names
     * for staff and for a partner bank that tenant has linked. Anyone else naming another tenant is
     * refused: a bank without the link with 403 {@code partner_not_linked}, others with 403
     * {@code forbidden}. An act for another tenant is audited in both.
     */
    public Mono<String> opensIn(Caller caller, @org.jspecify.annotations.Nullable String onBehalfOfTenant) {
        if (onBehalfOfTenant == null || onBehalfOfTenant.equals(caller.tenantId())) {
            return Mono.just(caller.tenantId());
        }
        return tenants.reach(caller, onBehalfOfTenant).flatMap(reach -> switch (reach) {
            case STAFF, OWN -> Mono.just(onBehalfOfTenant);
            case PARTNER ->
                tenants.auditBothSides(
                                caller, onBehalfOfTenant, "case.partner_open", "tenant", onBehalfOfTenant, Map.of())
                        .thenReturn(onBehalfOfTenant);
            case NONE ->
                Mono.error(
                        caller.hasRole(ThawRoles.PARTNER_BANK)
                                ? CaseProblems.partnerNotLinked(onBehalfOfTenant, caller.tenantId())
                                : CaseProblems.forbidden(
                                        "Only Thaw staff, or a partner bank the tenant has linked, may open a case for another tenant."));
        });
    }
}
