package app.thaw.evidence.casefile;

import java.util.Map;
import java.util.Set;

import app.thaw.platform.audit.AuditLog;
import app.thaw.platform.problem.NotFound;
import app.thaw.platform.problem.ThawProblem;
import app.thaw.platform.security.Caller;
import app.thaw.platform.security.ThawRoles;
import app.thaw.platform.tenancy.Reach;
import app.thaw.platform.tenancy.TenantAccess;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Who may touch a case's evidence. The case's tenant comes from case-service's events, never from
 * the request. The holder's own people (merchant roles) reach only their tenant's cases; staff
 * reach every tenant's, and each such cross-tenant access is audited in both tenants; a partner bank reaches the
 * cases of the merchants that linked it while the link lasts, audited in both tenants (the
 * platform's {@link TenantAccess}, ADR 60; this service learns links from {@code thaw.partner.*}). Anyone else, and any case
 * this service does not know, gets 404: another tenant's case is indistinguishable from none.
 * A compliance case ({@value #RESTRICTED_SCENARIO}) is for compliance officers and platform
 * administrators only (docs/domain.md §12, journey 3, as in case-service): everyone else, its own tenant
 * included, gets 404 for it and its evidence, in the API and on the dashboard, and the refused
 * attempt is audited.
 */
@Component
public class CaseAccess {

    public static final String RESTRICTED_SCENARIO = "COMPLIANCE_HOLD";
    public static final Set<String> RESTRICTED = Set.of(RESTRICTED_SCENARIO);

    private final CaseFiles cases;
    private final AuditLog audit;
    private final TenantAccess tenants;

    public CaseAccess(CaseFiles cases, AuditLog audit, TenantAccess tenants) {
        this.cases = cases;
        this.audit = audit;
        this.tenants = tenants;
    }

    /**
     * The tenants {@code caller} reaches, as the platform's {@link TenantAccess} says: staff every
     * tenant (by role; each access is audited once found), a partner bank its own and those of the
     * merchants that linked it, anyone else its own. Reads by id name this scope in their query.
     */
    public Mono<TenantScope> scopeOf(Caller caller) {
        if (TenantAccess.staff(caller)) {
            return Mono.just(TenantScope.everyTenant());
        }
        return Flux.concat(Mono.just(caller.tenantId()), tenants.partnerOf(caller))
                .collectList()
                .map(TenantScope::of);
    }

    /** The case if {@code caller} may work on its evidence. */
    public Mono<CaseFile> open(Caller caller, CaseId caseId) {
        return scopeOf(caller)
                .flatMap(scope -> cases.find(scope, caseId))
                .flatMap(file -> tenants.reach(caller, file.tenantId())
                        .filter(reach -> reach == Reach.STAFF
                                || reach == Reach.PARTNER
                                || reach == Reach.OWN && (caller.hasAnyRole(Actors.MERCHANT) || Actors.isStaff(caller)))
                        .map(reach -> new Reached(file, reach)))
                .switchIfEmpty(Mono.error(() -> notFound(caseId)))
                .flatMap(reached -> RESTRICTED.contains(reached.file().scenario()) && !seesRestricted(caller)
                        ? audited(
                                        caller,
                                        reached,
                                        "evidence.restricted_access_refused",
                                        caseId,
                                        Map.of(
                                                "scenario",
                                                reached.file().scenario(),
                                                "caseTenant",
                                                reached.file().tenantId()))
                                .then(Mono.<Reached>error(notFound(caseId)))
                        : Mono.just(reached))
                .flatMap(reached -> switch (reached.reach()) {
                    case PARTNER ->
                        tenants.auditBothSides(
                                        caller,
                                        reached.file().tenantId(),
                                        "evidence.partner_access",
                                        "case",
                                        caseId.value(),
                                        Map.of("caseTenant", reached.file().tenantId()))
                                .thenReturn(reached.file());
                    case STAFF ->
                        tenants.auditBothSides(
                                        caller,
                                        reached.file().tenantId(),
                                        "evidence.cross_tenant_access",
                                        "case",
                                        caseId.value(),
                                        Map.of("caseTenant", reached.file().tenantId()))
                                .thenReturn(reached.file());
                    default -> Mono.just(reached.file());
                });
    }

    /** An act on the case's data: across tenants in both tenants' logs (the platform's rule), else in the caller's. */
    private Mono<Void> audited(
            Caller caller, Reached reached, String action, CaseId caseId, Map<String, Object> details) {
        return reached.reach().crossTenant()
                ? tenants.auditBothSides(caller, reached.file().tenantId(), action, "case", caseId.value(), details)
                : audit.record(action, "case", caseId.value(), details);
    }

    private record Reached(CaseFile file, Reach reach) {}

    /** Whether {@code caller} may see compliance cases. */
    public static boolean seesRestricted(Caller caller) {
        return caller.hasAnyRole(ThawRoles.COMPLIANCE_OFFICER, ThawRoles.PLATFORM_ADMIN);
    }

    public static ThawProblem notFound(CaseId caseId) {
        return new NotFound("case", caseId.value());
    }
}
