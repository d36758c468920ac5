package app.thaw.evidence.item;

import java.util.List;
import java.util.Map;

import app.thaw.platform.problem.FieldViolation;
import app.thaw.platform.problem.ThawProblem;
import org.springframework.http.HttpStatus;

/** A request value that breaks a rule, named with the field and the rule (400 validation_failed). */
public class InvalidField extends ThawProblem {

    public InvalidField(String field, String rule, String message) {
        super(HttpStatus.BAD_REQUEST, "validation_failed", "The field '" + field + "' is invalid: " + message,
                Map.of("errors", List.of(new FieldViolation(field, rule, message))), null);
    }
}
