package app.thaw.notifications.access;

import app.thaw.platform.problem.ThawProblem;
import org.springframework.http.HttpStatus;

/** Nothing of that kind with that id in the caller's tenant (another tenant's object answers the same). */
public class NotFound extends ThawProblem {

    public static final String CODE = "not_found";

    public NotFound(String what, String id) {
        super(HttpStatus.NOT_FOUND, CODE, "No " + what + " '" + id + "'");
    }
}
