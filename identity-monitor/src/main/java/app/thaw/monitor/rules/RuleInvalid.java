package app.thaw.monitor.rules;

import java.util.List;
import java.util.Map;

import app.thaw.platform.problem.FieldViolation;
import app.thaw.platform.problem.ThawProblem;
import org.springframework.http.HttpStatus;

/** A rule's expression does not compile to a boolean CEL expression over {@code signal} and {@code baseline}. */
public class RuleInvalid extends ThawProblem {

    public RuleInvalid(String message) {
        super(
                HttpStatus.BAD_REQUEST,
                "validation_failed",
                "The field 'expression' is invalid: " + message,
                Map.of("errors", List.of(new FieldViolation("expression", "Cel", message))),
                null);
    }
}
