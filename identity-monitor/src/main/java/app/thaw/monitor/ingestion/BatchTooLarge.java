package app.thaw.monitor.ingestion;

import java.util.Map;

import app.thaw.platform.problem.ThawProblem;
import org.springframework.http.HttpStatus;

/** A batch with more lines than allowed; nothing of it was stored. */
public class BatchTooLarge extends ThawProblem {

    public static final String CODE = "batch_too_large";

    public BatchTooLarge(int maxLines) {
        super(
                HttpStatus.CONTENT_TOO_LARGE,
                CODE,
                "A batch may have at most " + maxLines + " lines; split it. Nothing of this batch was stored.",
                Map.of("maxLines", maxLines),
                null);
    }
}
