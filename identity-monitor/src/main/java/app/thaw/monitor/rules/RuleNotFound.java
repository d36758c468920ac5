package app.thaw.monitor.rules;

import app.thaw.platform.problem.NotFound;

/** No such rule in the caller's tenant. The platform's 404 {@code not_found}. */
public class RuleNotFound extends NotFound {

    public RuleNotFound(String id) {
        super("rule", id);
    }
}
