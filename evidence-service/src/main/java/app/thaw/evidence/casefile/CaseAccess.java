package app.thaw.evidence.casefile;

import java.util.Map;
import java.util.Set;

import app.thaw.evidence.domain.CaseFile;
import app.thaw.evidence.domain.CaseId;
import app.thaw.evidence.item.Actors;
import app.thaw.platform.audit.AuditLog;
import app.thaw.platform.problem.ThawProblem;
import app.thaw.platform.security.Caller;
import app.thaw.platform.security.ThawRoles;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Who may touch a case's evidence. The case's tenant comes from case-service's events, never from
 * the request. The holder's own people (merchant roles) reach only their tenant's cases; staff
 * reach every tenant's, and each such cross-tenant access is audited. Anyone else, and any case
 * this service does not know, gets 404: another tenant's case is indistinguishable from none.
 * A compliance case ({@value #RESTRICTED_SCENARIO}) is for compliance officers and platform
 * administrators only (docs/domain.md §12, journey 3, as in case-service): everyone else, its own tenant
 * included, gets 404 for it and its evidence, in the API and on the dashboard, and the refused
 * attempt is audited.
 */
@Component
public class CaseAccess implements app.thaw.evidence.item.ItemAccess.CaseOpener {

    public static final String RESTRICTED_SCENARIO = "COMPLIANCE_HOLD";
    public static final Set<String> RESTRICTED = Set.of(RESTRICTED_SCENARIO);

    private final CaseFiles cases;
    private final AuditLog audit;

    public CaseAccess(CaseFiles cases, AuditLog audit) {
        this.cases = cases;
        this.audit = audit;
    }

    /** The case if {@code caller} may work on its evidence. */
    @Override
    public Mono<CaseFile> open(Caller caller, CaseId caseId) {
        return cases.find(caseId)
                .filter(file -> Actors.isStaff(caller)
                        || caller.hasAnyRole(Actors.MERCHANT) && file.tenantId().equals(caller.tenantId()))
                .switchIfEmpty(Mono.error(() -> notFound(caseId)))
                .flatMap(file -> RESTRICTED.contains(file.scenario()) && !seesRestricted(caller)
                        ? audit.record("evidence.restricted_access_refused", "case", caseId.value(),
                                Map.of("scenario", file.scenario(), "caseTenant", file.tenantId()))
                        .then(Mono.<CaseFile>error(notFound(caseId)))
                        : Mono.just(file))
                .flatMap(file -> file.tenantId().equals(caller.tenantId()) ? Mono.just(file)
                        : audit.record("evidence.cross_tenant_access", "case", caseId.value(),
                        Map.of("caseTenant", file.tenantId())).thenReturn(file));
    }

    /** Whether {@code caller} may see compliance cases. */
    public static boolean seesRestricted(Caller caller) {
        return caller.hasAnyRole(ThawRoles.COMPLIANCE_OFFICER, ThawRoles.PLATFORM_ADMIN);
    }

    public static ThawProblem notFound(CaseId caseId) {
        return new ThawProblem(HttpStatus.NOT_FOUND, "not_found", "No case " + caseId + " here.");
    }
}
