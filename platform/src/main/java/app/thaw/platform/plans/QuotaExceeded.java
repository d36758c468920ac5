package app.thaw.platform.plans;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import app.thaw.platform.problem.ThawProblem;
import org.springframework.http.HttpStatus;

/**
 * 429 {@code quota_exceeded} (docs/problems.md): the tenant's plan allows no more of an item this
 * month; names the plan, the quota, its limit, the use and when it resets, with {@code Retry-After}
 * until then. The same problem identity-monitor answers for signals.
 */
public class QuotaExceeded extends ThawProblem {

    public static final String CODE = "quota_exceeded";

    public QuotaExceeded(String plan, String quota, long limit, long used, Instant resetsAt, Instant now) {
        super(
                HttpStatus.TOO_MANY_REQUESTS,
                CODE,
                "Your plan " + plan + " allows " + limit + " " + quota + " a month; " + used
                        + " are used. The quota resets at " + resetsAt + "; or change the plan.",
                Map.of("quota", quota, "limit", limit, "used", used, "plan", plan, "resetsAt", resetsAt.toString()),
                Duration.between(now, resetsAt));
    }
}
