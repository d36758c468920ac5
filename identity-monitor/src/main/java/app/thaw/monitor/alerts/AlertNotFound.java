package app.thaw.monitor.alerts;

import app.thaw.platform.problem.NotFound;

/** No such alert in the caller's tenant. The platform's 404 {@code not_found}. */
public class AlertNotFound extends NotFound {

    public AlertNotFound(String id) {
        super("alert", id);
    }
}
