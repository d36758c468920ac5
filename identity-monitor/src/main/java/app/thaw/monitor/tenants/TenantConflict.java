package app.thaw.monitor.tenants;

import java.util.Map;

import app.thaw.platform.problem.ThawProblem;
import org.springframework.http.HttpStatus;

/**
 * 409 {@code tenant_conflict}: what the request would make exists already as something else — a
 * tenant of that id of another kind or name, an admin user name or e-mail, or the client, held by
 * another tenant; or a tenant without a kind that onboarding may not complete (no such admin user in
 * it, or one holding another kind's role). {@code field} names the request's field, {@code tenantId} the
 * tenant asked for.
 * Nothing of the request was changed in Keycloak by the step that found it.
 */
public class TenantConflict extends ThawProblem {

    public static final String CODE = "tenant_conflict";

    public TenantConflict(String tenantId, String field, String detail) {
        super(HttpStatus.CONFLICT, CODE, detail, Map.of("tenantId", tenantId, "field", field), null);
    }
}
