package app.thaw.notifications.templates;

import java.util.Map;

import app.thaw.platform.problem.ThawProblem;
import org.springframework.http.HttpStatus;

/** A template that does not compile as Mustache; {@code part} names which of subject, body or html. */
public class InvalidTemplate extends ThawProblem {

    public static final String CODE = "invalid_template";

    public InvalidTemplate(String part, String reason) {
        super(
                HttpStatus.UNPROCESSABLE_CONTENT,
                CODE,
                "The template's " + part + " is not valid Mustache: " + reason,
                Map.of("part", part),
                null);
    }
}
