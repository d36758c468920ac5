package app.thaw.platform.security;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import app.thaw.platform.problem.FieldViolation;
import app.thaw.platform.problem.ThawProblem;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * What a tenant id looks like, for a tenant a request names ({@code ?tenantId=}, by which staff
 * work another tenant): 1 to {@value #MAX_LENGTH} characters of {@code [A-Za-z0-9._-]}, starting
 * with a letter or digit. Tenant ids are Keycloak organization aliases ({@code acme},
 * {@code bank-demo}), which fit. The value is checked as sent, never trimmed; an absent or empty
 * parameter names no tenant. One rule for every service, so a 10 kB or control-character value
 * is refused alike everywhere before anything is read, audited or written.
 */
public final class TenantIds {

    /** The query parameter by which staff name another tenant. */
    public static final String PARAMETER = "tenantId";

    public static final int MAX_LENGTH = 64;
    /** The characters (checked after the length, so an absurd value is not scanned). */
    public static final String PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]*";
    /** The rule in words, for API descriptions and problem documents. */
    public static final String RULE = "1 to " + MAX_LENGTH + " characters of letters, digits, '.', '_' or '-', "
            + "starting with a letter or digit";

    /** What a value breaking {@link #PATTERN} is told (also the message of a body field held to it with {@code @Pattern}). */
    public static final String PATTERN_MESSAGE =
            "must be letters, digits, '.', '_' or '-', starting with a letter or digit";

    private static final Pattern SHAPE = Pattern.compile(PATTERN);

    private TenantIds() {}

    /** Whether {@code tenantId} is a well-formed tenant id (an empty one is not). */
    public static boolean isValid(@Nullable String tenantId) {
        return tenantId != null && violation(tenantId) == null;
    }

    /**
     * The tenant the request names in {@value #PARAMETER}: null when absent or empty, else the value
     * as sent.
     *
     * @throws ThawProblem 400 {@code validation_failed} whose {@code errors} name {@value #PARAMETER} and
     *                     the rule it breaks ({@code Size} or {@code Pattern})
     */
    public static @Nullable String named(@Nullable String tenantId) {
        if (tenantId == null || tenantId.isEmpty()) {
            return null;
        }
        FieldViolation violation = violation(tenantId);
        if (violation != null) {
            throw new ThawProblem(
                    HttpStatus.BAD_REQUEST,
                    "validation_failed",
                    "The field '" + PARAMETER + "' is invalid: " + violation.message(),
                    Map.of("errors", List.of(violation)),
                    null);
        }
        return tenantId;
    }

    private static @Nullable FieldViolation violation(String tenantId) {
        if (tenantId.isEmpty() || tenantId.length() > MAX_LENGTH) {
            return new FieldViolation(PARAMETER, "Size", "must be 1 to " + MAX_LENGTH + " characters");
        }
        if (!SHAPE.matcher(tenantId).matches()) {
            return new FieldViolation(PARAMETER, "Pattern", PATTERN_MESSAGE);
        }
        return null;
    }
}
