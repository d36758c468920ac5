package app.thaw.monitor.rules;

import java.util.List;
import java.util.Map;

import app.thaw.platform.problem.FieldViolation;
import app.thaw.platform.problem.ThawProblem;
import org.springframework.http.HttpStatus;

/**
 * A rule's expression does not compile to a boolean CEL expression over {@code signal} and {@code baseline}. The
 * API's problem names the field and the rule ({@code expression}, {@code Cel}) with CEL's own text, as it always
 * did; {@link #error()} is the same error read into a kind and a position, for a page to word in its language.
 */
public class RuleInvalid extends ThawProblem {

    private final transient RuleError error;

    public RuleInvalid(RuleError error) {
        super(
                HttpStatus.BAD_REQUEST,
                "validation_failed",
                "The field 'expression' is invalid: " + error.detail(),
                Map.of("errors", List.of(new FieldViolation("expression", "Cel", error.detail()))),
                null);
        this.error = error;
    }

    /** What is wrong, by kind and position. */
    public RuleError error() {
        return error;
    }
}
