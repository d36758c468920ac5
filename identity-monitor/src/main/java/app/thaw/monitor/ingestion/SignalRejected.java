package app.thaw.monitor.ingestion;

import java.util.List;
import java.util.Map;

import app.thaw.platform.problem.FieldViolation;
import app.thaw.platform.problem.ThawProblem;
import org.springframework.http.HttpStatus;

/** A single signal broke one or more rules: the platform's {@code validation_failed} with per-field errors. */
public class SignalRejected extends ThawProblem {

    public SignalRejected(List<FieldViolation> errors) {
        super(
                HttpStatus.BAD_REQUEST,
                "validation_failed",
                errors.size() == 1
                        ? "The field '" + errors.getFirst().field() + "' is invalid: "
                                + errors.getFirst().message()
                        : errors.size() + " fields are invalid; see errors.",
                Map.of("errors", errors),
                null);
    }
}
