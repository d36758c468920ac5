package app.thaw.platform.problem;

import java.time.Duration;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * A failure the caller should be told about in its own words: an HTTP status, a stable
 * {@code code} and a detail a person can act on. Services name their business failures by
 * extending it ({@code CaseAlreadyClosed}), and {@link ProblemExceptionHandler} maps every one
 * the same way, so no controller translates exceptions itself.
 */
public class ThawProblem extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final Map<String, Object> properties;
    private final @Nullable Duration retryAfter;

    public ThawProblem(HttpStatus status, String code, String detail) {
        this(status, code, detail, Map.of(), null);
    }

    public ThawProblem(
            HttpStatus status,
            String code,
            String detail,
            Map<String, Object> properties,
            @Nullable Duration retryAfter) {
        super(detail);
        this.status = status;
        this.code = code;
        this.properties = Map.copyOf(properties);
        this.retryAfter = retryAfter;
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** Extra members of the problem document, e.g. {@code currentState} and {@code allowedStates}. */
    public Map<String, Object> properties() {
        return properties;
    }

    public @Nullable Duration retryAfter() {
        return retryAfter;
    }
}
