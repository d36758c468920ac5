package app.thaw.evidence.upload;

import java.util.Map;

import app.thaw.platform.problem.ThawProblem;
import org.springframework.http.HttpStatus;

/** The upload passed the tenant's size limit; it was stopped there and nothing of it was kept. */
public class EvidenceTooLarge extends ThawProblem {

    public static final String CODE = "evidence_too_large";

    public EvidenceTooLarge(long limit) {
        super(
                HttpStatus.CONTENT_TOO_LARGE,
                CODE,
                "Evidence files are limited to " + limit + " bytes for this tenant.",
                Map.of("maxBytes", limit),
                null);
    }
}
