package app.thaw.monitor.tenants;

import java.util.LinkedHashMap;
import java.util.Map;

import app.thaw.monitor.subscription.PlanCatalogue;
import app.thaw.platform.audit.AuditLog;
import reactor.core.publisher.Mono;

/**
 * Onboarding as the API offers it: the request checked against its rules and the plan catalogue before
 * Keycloak is asked anything, the steps, and one audit entry per run that made something (in the
 * platform admin's log and in the new tenant's), naming what was made. No password or secret is audited.
 */
public class TenantService {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(TenantService.class);

    private final TenantOnboarding onboarding;
    private final PlanCatalogue catalogue;
    private final AuditLog audit;

    public TenantService(TenantOnboarding onboarding, PlanCatalogue catalogue, AuditLog audit) {
        this.onboarding = onboarding;
        this.catalogue = catalogue;
        this.audit = audit;
    }

    public Mono<TenantOnboarding.Onboarded> onboard(TenantRequest request) {
        TenantRequest.Valid valid = request.validated(catalogue.codes());
        long started = System.nanoTime();
        return onboarding
                .onboard(valid)
                .doOnNext(done -> log.info(
                        "Tenant {} ({}) onboarded in {} ms; made: {}",
                        done.tenantId(),
                        done.kind(),
                        (System.nanoTime() - started) / 1_000_000,
                        done.created().isEmpty() ? "nothing, all was there" : String.join(", ", done.created())))
                .doOnError(failure -> log.warn(
                        "Onboarding of tenant {} stopped after {} ms: {}",
                        valid.tenantId(),
                        (System.nanoTime() - started) / 1_000_000,
                        failure.getMessage()))
                .flatMap(done -> {
                    if (done.created().isEmpty()) {
                        return Mono.just(done);
                    }
                    Map<String, Object> details = new LinkedHashMap<>();
                    details.put("kind", done.kind());
                    details.put("name", done.name());
                    details.put("admin", done.admin().username());
                    details.put("plan", done.plan());
                    details.put("created", String.join(",", done.created()));
                    if (done.client() != null) {
                        details.put("clientId", done.client().clientId());
                    }
                    return audit.record("tenant.onboarded", "tenant", done.tenantId(), details)
                            .then(audit.recordIn(
                                    done.tenantId(), "tenant.onboarded", "tenant", done.tenantId(), details))
                            .thenReturn(done);
                });
    }
}
