package app.thaw.evidence.casefile;

import app.thaw.platform.problem.NotFound;

/** No consent by that id on the case. */
public class ConsentNotFound extends NotFound {

    public ConsentNotFound(String id) {
        super("consent", id);
    }
}
