package app.thaw.cases.problems;

import java.util.Map;

import app.thaw.cases.incident.CaseRefusal;
import app.thaw.platform.problem.InvalidField;
import app.thaw.platform.problem.ThawProblem;
import org.springframework.http.HttpStatus;

/**
 * The one place where a case's refusals become problem documents (codes in docs/problems.md); "nothing
 * here" is the platform's {@code NotFound}, a bad field its {@link InvalidField}.
 */
public final class CaseProblems {

    private CaseProblems() {}

    public static Throwable translate(Throwable failure) {
        if (failure instanceof CaseRefusal refusal) {
            return new ThawProblem(
                    refusal.kind() == CaseRefusal.Kind.CONFLICT
                            ? HttpStatus.CONFLICT
                            : HttpStatus.UNPROCESSABLE_CONTENT,
                    refusal.code(),
                    refusal.getMessage(),
                    refusal.properties(),
                    null);
        }
        return failure;
    }

    public static ThawProblem versionConflict() {
        return new ThawProblem(
                HttpStatus.CONFLICT,
                "version_conflict",
                "The object changed since you read it; read it again and retry with its current version.");
    }

    public static ThawProblem forbidden(String detail) {
        return new ThawProblem(HttpStatus.FORBIDDEN, "forbidden", detail);
    }

    /** 403: a partner bank acting for a merchant that has not linked it (or revoked the link). */
    public static ThawProblem partnerNotLinked(String merchantTenantId, String partnerTenantId) {
        return new ThawProblem(
                HttpStatus.FORBIDDEN,
                "partner_not_linked",
                "Tenant '" + merchantTenantId
                        + "' has not linked partner '" + partnerTenantId
                        + "' (or revoked the link); its admin links a partner at "
                        + "POST /api/v1/cases/partner-links.",
                Map.of("tenantId", merchantTenantId, "partnerTenantId", partnerTenantId),
                null);
    }

    /** A 400 validation problem naming the field and the rule it breaks (the platform's {@link InvalidField}). */
    public static InvalidField invalid(String field, String rule, String message) {
        return new InvalidField(field, rule, message);
    }

    /** Reads a code of {@code type}; an unknown code is a validation problem listing the known ones. */
    public static <E extends Enum<E>> E code(Class<E> type, String value, String field) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid(
                    field,
                    "OneOf",
                    "must be one of "
                            + java.util.Arrays.stream(type.getEnumConstants())
                                    .map(Enum::name)
                                    .toList());
        }
    }

    public static <E extends Enum<E>> @org.jspecify.annotations.Nullable E optionalCode(
            Class<E> type, @org.jspecify.annotations.Nullable String value, String field) {
        return value == null || value.isBlank() ? null : code(type, value, field);
    }

    /** The version an {@code If-Match} header names ({@code "3"}, {@code W/"3"} or {@code 3}), or null without one. */
    public static @org.jspecify.annotations.Nullable Long ifMatch(@org.jspecify.annotations.Nullable String header) {
        if (header == null || header.isBlank() || header.strip().equals("*")) {
            return null;
        }
        String digits = header.strip().replaceFirst("^W/", "").replace("\"", "");
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw invalid("If-Match", "ETag", "must be the ETag this service gave out, e.g. \"3\"");
        }
    }

    /** An ETag for a version. */
    public static String etag(long version) {
        return "\"" + version + "\"";
    }
}
