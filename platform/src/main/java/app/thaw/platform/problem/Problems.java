package app.thaw.platform.problem;

import java.net.URI;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * Builds problem documents with Thaw's members: a stable {@code type} URI per {@code code}, the
 * {@code code} itself, the {@code traceId} to quote to support, and per-field {@code errors}
 * for validation failures. The codes are listed in {@code docs/problems.md}.
 */
public final class Problems {

    /** Problem types are URNs: stable identifiers, documented in docs/problems.md. */
    public static final String TYPE_PREFIX = "urn:thaw:problem:";

    private Problems() {}

    public static ProblemDetail of(HttpStatusCode status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_PREFIX + code));
        problem.setProperty("code", code);
        return problem;
    }

    /** The document a {@link ThawProblem} answers with (its {@code Retry-After}, if any, is a header: {@link ProblemResponses#retryAfter}). */
    public static ProblemDetail of(ThawProblem named) {
        ProblemDetail problem = of(named.status(), named.code(), named.getMessage());
        named.properties().forEach(problem::setProperty);
        return problem;
    }

    public static ProblemDetail validation(List<FieldViolation> violations) {
        ProblemDetail problem = of(
                HttpStatusCode.valueOf(400),
                "validation_failed",
                violations.size() == 1
                        ? "The field '" + violations.getFirst().field() + "' is invalid: "
                                + violations.getFirst().message()
                        : violations.size() + " fields are invalid; see errors.");
        problem.setTitle("Validation failed");
        problem.setProperty("errors", violations);
        return problem;
    }

    static void stamp(ProblemDetail problem, String path, @Nullable String traceId) {
        if (problem.getInstance() == null) {
            problem.setInstance(URI.create(path));
        }
        if (traceId != null) {
            problem.setProperty("traceId", traceId);
        }
    }
}
