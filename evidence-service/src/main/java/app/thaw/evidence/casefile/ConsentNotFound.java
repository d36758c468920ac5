package app.thaw.evidence.casefile;

import app.thaw.platform.problem.ThawProblem;
import org.springframework.http.HttpStatus;

/** No consent by that id on the case. */
public class ConsentNotFound extends ThawProblem {

    public ConsentNotFound(String id) {
        super(HttpStatus.NOT_FOUND, "not_found", "No consent " + id + " on this case.");
    }
}
