package app.thaw.notifications.validation;

import java.util.List;
import java.util.Map;

import app.thaw.platform.problem.FieldViolation;
import app.thaw.platform.problem.ThawProblem;
import org.springframework.http.HttpStatus;

/** A field that passes bean validation but breaks a rule only the service can check (a time zone, a channel's address). */
public class InvalidField extends ThawProblem {

    public static final String CODE = "validation_failed";

    public InvalidField(String field, String rule, String message) {
        super(HttpStatus.BAD_REQUEST, CODE, "The field '" + field + "' is invalid: " + message,
                Map.of("errors", List.of(new FieldViolation(field, rule, message))), null);
    }
}
