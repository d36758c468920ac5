package app.thaw.platform.problem;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * 400 {@code validation_failed} for one field that passes bean validation but breaks a rule only the
 * service can check (a time zone, a channel's address, a page size): names the field, the rule and
 * what to fix, in {@code errors} like every other validation failure.
 */
public class InvalidField extends ThawProblem {

    public static final String CODE = "validation_failed";

    public InvalidField(String field, String rule, String message) {
        super(
                HttpStatus.BAD_REQUEST,
                CODE,
                "The field '" + field + "' is invalid: " + message,
                Map.of("errors", List.of(new FieldViolation(field, rule, message))),
                null);
    }
}
