package app.thaw.monitor.subscription;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import app.thaw.platform.problem.ThawProblem;
import org.springframework.http.HttpStatus;

/** 429: the tenant's plan allows no more of an item this month; names the quota, the limit and when it resets. */
public class QuotaExceeded extends ThawProblem {

    public static final String CODE = "quota_exceeded";

    public QuotaExceeded(String plan, MeteredItem item, long limit, long used, Instant resetsAt, Instant now) {
        super(
                HttpStatus.TOO_MANY_REQUESTS,
                CODE,
                "Your plan " + plan + " allows " + limit + " " + item.key() + " a month; " + used
                        + " are used. The quota resets at " + resetsAt + "; or change the plan.",
                Map.of(
                        "quota",
                        item.key(),
                        "limit",
                        limit,
                        "used",
                        used,
                        "plan",
                        plan,
                        "resetsAt",
                        resetsAt.toString()),
                Duration.between(now, resetsAt));
    }
}
