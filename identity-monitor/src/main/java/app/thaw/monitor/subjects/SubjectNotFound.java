package app.thaw.monitor.subjects;

import app.thaw.platform.problem.ThawProblem;
import org.springframework.http.HttpStatus;

/** No such subject in the caller's tenant (also the answer for another tenant's subject). */
public class SubjectNotFound extends ThawProblem {

    public SubjectNotFound(String id) {
        super(HttpStatus.NOT_FOUND, "not_found", "There is no subject " + id + ".");
    }
}
