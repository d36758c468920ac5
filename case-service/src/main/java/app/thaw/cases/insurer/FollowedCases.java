package app.thaw.cases.insurer;

import java.util.Map;

import app.thaw.cases.casework.CaseStore;
import app.thaw.cases.incident.IncidentCase;
import app.thaw.cases.problems.CaseProblems;
import app.thaw.platform.problem.NotFound;
import app.thaw.platform.security.Caller;
import app.thaw.platform.security.CurrentCaller;
import app.thaw.platform.security.ThawRoles;
import app.thaw.platform.tenancy.TenantAccess;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * An insurer's view of the cases it follows. A case exists for it only while the holder's consent
 * is active and the case is not a COMPLIANCE_HOLD; otherwise 404 (from the moment evidence-service
 * reports the withdrawal). Each read is audited in both tenants.
 */
public class FollowedCases {

    private final InsurerFollows follows;
    private final CaseStore store;
    private final TenantAccess tenants;

    public FollowedCases(InsurerFollows follows, CaseStore store, TenantAccess tenants) {
        this.follows = follows;
        this.store = store;
        this.tenants = tenants;
    }

    public Flux<FollowedCase> list() {
        return CurrentCaller.get().flatMapMany(caller -> {
            requireInsurer(caller);
            return follows.following(caller.tenantId())
                    .distinct(InsurerFollows.Consent::caseId)
                    .concatMap(consent -> store.find(consent.caseTenantId(), consent.caseId()))
                    .filter(c -> !c.restricted())
                    .concatMap(c -> audited(caller, c, "case.insurer_list"));
        });
    }

    public Mono<FollowedCase> get(String caseId) {
        return CurrentCaller.get().flatMap(caller -> {
            requireInsurer(caller);
            return follows.activeConsent(caller.tenantId(), caseId)
                    .flatMap(consent -> store.find(consent.caseTenantId(), caseId))
                    .filter(c -> !c.restricted())
                    .switchIfEmpty(Mono.error(() -> new NotFound("followed case", caseId)))
                    .flatMap(c -> audited(caller, c, "case.insurer_read"));
        });
    }

    private Mono<FollowedCase> audited(Caller caller, IncidentCase c, String action) {
        return tenants.auditBothSides(caller, c.tenantId(), action, "case", c.id(), Map.of("caseTenant", c.tenantId()))
                .thenReturn(FollowedCase.of(c));
    }

    private static void requireInsurer(Caller caller) {
        if (!caller.hasRole(ThawRoles.INSURER)) {
            throw CaseProblems.forbidden(
                    "Only insurers follow cases here; a case's own users read it under /api/v1/cases/{id}.");
        }
    }
}
