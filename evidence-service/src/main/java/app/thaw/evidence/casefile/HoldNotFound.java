package app.thaw.evidence.casefile;

import app.thaw.platform.problem.ThawProblem;
import org.springframework.http.HttpStatus;

/** No legal hold by that id on the case. */
public class HoldNotFound extends ThawProblem {

    public HoldNotFound(String id) {
        super(HttpStatus.NOT_FOUND, "not_found", "No legal hold " + id + " on this case.");
    }
}
