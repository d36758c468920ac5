package app.thaw.monitor.alerts;

import app.thaw.platform.problem.ThawProblem;
import org.springframework.http.HttpStatus;

/** No such alert in the caller's tenant. */
public class AlertNotFound extends ThawProblem {

    public AlertNotFound(String id) {
        super(HttpStatus.NOT_FOUND, "not_found", "There is no alert " + id + ".");
    }
}
