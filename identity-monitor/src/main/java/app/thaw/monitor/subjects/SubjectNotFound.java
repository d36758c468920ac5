package app.thaw.monitor.subjects;

import app.thaw.platform.problem.NotFound;

/** No such subject in the caller's tenant (also the answer for another tenant's subject). The platform's 404 {@code not_found}. */
public class SubjectNotFound extends NotFound {

    public SubjectNotFound(String id) {
        super("subject", id);
    }
}
