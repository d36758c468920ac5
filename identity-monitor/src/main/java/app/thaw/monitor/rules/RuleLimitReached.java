package app.thaw.monitor.rules;

import java.util.Map;

import app.thaw.platform.problem.ThawProblem;
import org.springframework.http.HttpStatus;

/** The tenant already has as many rules as allowed. */
public class RuleLimitReached extends ThawProblem {

    public static final String CODE = "rule_limit_reached";

    public RuleLimitReached(int limit) {
        super(
                HttpStatus.UNPROCESSABLE_CONTENT,
                CODE,
                "A tenant may have at most " + limit + " rules; delete one first.",
                Map.of("limit", limit),
                null);
    }
}
