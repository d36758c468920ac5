package app.thaw.monitor.access;

import app.thaw.platform.problem.ThawProblem;
import org.springframework.http.HttpStatus;

/** A caller who is not Thaw staff named another tenant: to it, that tenant's data does not exist. */
public class TenantNotFound extends ThawProblem {

    public TenantNotFound(String tenantId) {
        super(HttpStatus.NOT_FOUND, "not_found", "There is no tenant " + tenantId + ".");
    }
}
