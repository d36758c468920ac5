package app.thaw.monitor.access;

import app.thaw.platform.problem.NotFound;

/** A caller named a tenant it does not reach (the platform's TenantAccess): to it, that tenant's data does not exist. The platform's 404 {@code not_found}. */
public class TenantNotFound extends NotFound {

    public TenantNotFound(String id) {
        super("tenant", id);
    }
}
