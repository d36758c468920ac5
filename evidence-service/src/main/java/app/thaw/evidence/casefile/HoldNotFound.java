package app.thaw.evidence.casefile;

import app.thaw.platform.problem.NotFound;

/** No legal hold by that id on the case. */
public class HoldNotFound extends NotFound {

    public HoldNotFound(String id) {
        super("legal hold", id);
    }
}
