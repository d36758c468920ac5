package app.thaw.monitor.subjects;

import java.util.Map;

import app.thaw.platform.problem.ThawProblem;
import org.springframework.http.HttpStatus;

/** The tenant's plan allows no more monitored subjects. */
public class SubjectQuotaExceeded extends ThawProblem {

    public static final String CODE = "subject_quota_exceeded";

    public SubjectQuotaExceeded(long limit) {
        super(
                HttpStatus.UNPROCESSABLE_CONTENT,
                CODE,
                "Your plan allows " + limit
                        + " monitored subjects and all are in use. Erase a subject or upgrade the plan.",
                Map.of("limit", limit),
                null);
    }
}
