package app.thaw.platform.problem;

import java.util.Optional;

import app.thaw.platform.web.StrictJson;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * The field a JSON body could not be read at, when that is the client's to fix and nameable: a field
 * the request does not define ({@code UnknownField}), a date outside the sane window or not a date
 * at all ({@code DateWindow}). Answered as 400 {@code validation_failed} naming the field (ADR 55);
 * the rejected value is never echoed.
 */
public final class JsonFieldProblems {

    static final String UNKNOWN_FIELD = "UnknownField";
    static final String DATE_WINDOW = "DateWindow";

    private JsonFieldProblems() {}

    public static Optional<FieldViolation> violation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            switch (t) {
                case UnrecognizedPropertyException unknown -> {
                    String path = path(unknown);
                    String field = path.isEmpty() || !path.endsWith(unknown.getPropertyName())
                            ? join(path, unknown.getPropertyName())
                            : path;
                    return Optional.of(new FieldViolation(
                            field,
                            UNKNOWN_FIELD,
                            "is not a field of this request; check its spelling against the API reference"));
                }
                case StrictJson.DateOutsideWindow outside -> {
                    return Optional.of(new FieldViolation(path(outside), DATE_WINDOW, StrictJson.WINDOW_MESSAGE));
                }
                case InvalidFormatException invalid
                when invalid.getTargetType() != null
                        && invalid.getTargetType().getPackageName().equals("java.time")
                        && !path(invalid).isEmpty() -> {
                    return Optional.of(new FieldViolation(
                            path(invalid),
                            DATE_WINDOW,
                            "must be an ISO-8601 date or date-time (e.g. 2026-01-31T09:00:00Z) between "
                                    + StrictJson.FIRST_YEAR + " and " + StrictJson.LAST_YEAR));
                }
                default -> {}
            }
        }
        return Optional.empty();
    }

    /** The JSON path of the failure as the validation problems name fields: {@code holder.type}, {@code items[2]}. */
    static String path(JacksonException failure) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : failure.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
