package app.thaw.monitor.rules;

import app.thaw.platform.problem.ThawProblem;
import org.springframework.http.HttpStatus;

/** No such rule in the caller's tenant. */
public class RuleNotFound extends ThawProblem {

    public RuleNotFound(String id) {
        super(HttpStatus.NOT_FOUND, "not_found", "There is no rule " + id + ".");
    }
}
