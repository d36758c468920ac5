package app.thaw.platform.web;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import app.thaw.platform.problem.FieldViolation;
import app.thaw.platform.problem.ThawProblem;
import org.jspecify.annotations.Nullable;
import org.springframework.format.Formatter;
import org.springframework.format.FormatterRegistry;
import org.springframework.http.HttpStatus;

/**
 * The date window of ADR 55 for dates that do not come in a JSON body (ADR 58): query and path
 * parameters and headers bound to a {@code java.time} type (the formatters {@link #register}
 * installs in every service's web conversion service), and form or multipart fields a handler
 * reads itself ({@link #inWindow}). A date outside {@value StrictJson#FIRST_YEAR}–{@value
 * StrictJson#LAST_YEAR} is 400 {@code validation_failed} naming the parameter or field, rule
 * {@code DateWindow}; the value is never echoed.
 */
public final class RequestDates {

    public static final String RULE = "DateWindow";

    private RequestDates() {}

    /** {@code value} when it lies in the window (or is null); else the problem naming {@code field}. */
    public static <T extends Temporal> @Nullable T inWindow(String field, @Nullable T value) {
        if (value != null && !StrictJson.inWindow(value)) {
            throw new OutsideWindow(field);
        }
        return value;
    }

    /** {@code month} when it lies in the window (or is null); else the problem naming {@code field}. */
    public static @Nullable YearMonth inWindow(String field, @Nullable YearMonth month) {
        if (month != null && (month.getYear() < StrictJson.FIRST_YEAR || month.getYear() > StrictJson.LAST_YEAR)) {
            throw new OutsideWindow(field);
        }
        return month;
    }

    /** 400 {@code validation_failed}: a date outside the window, or no date at all, in the named field. */
    public static final class OutsideWindow extends ThawProblem {

        public OutsideWindow(String field) {
            this(field, StrictJson.WINDOW_MESSAGE);
        }

        OutsideWindow(String field, String message) {
            super(
                    HttpStatus.BAD_REQUEST,
                    "validation_failed",
                    "The field '" + field + "' is invalid: " + message,
                    Map.of("errors", List.of(new FieldViolation(field, RULE, message))),
                    null);
        }
    }

    /**
     * Parsers for the {@code java.time} types a parameter may be bound to, ISO-8601 as JSON bodies
     * read them, refusing dates outside the window. They throw without a field name: the binding
     * knows the parameter, and the problem handler names it.
     */
    public static void register(FormatterRegistry registry) {
        registry.addFormatterForFieldType(Instant.class, windowed(Instant::parse));
        registry.addFormatterForFieldType(OffsetDateTime.class, windowed(OffsetDateTime::parse));
        registry.addFormatterForFieldType(ZonedDateTime.class, windowed(ZonedDateTime::parse));
        registry.addFormatterForFieldType(LocalDateTime.class, windowed(LocalDateTime::parse));
        registry.addFormatterForFieldType(LocalDate.class, windowed(LocalDate::parse));
        registry.addFormatterForFieldType(YearMonth.class, new Formatter<YearMonth>() {
            @Override
            public YearMonth parse(String text, Locale locale) {
                try {
                    YearMonth month = YearMonth.parse(text.strip());
                    if (month.getYear() < StrictJson.FIRST_YEAR || month.getYear() > StrictJson.LAST_YEAR) {
                        throw new NotInWindow();
                    }
                    return month;
                } catch (DateTimeException e) {
                    throw new NotInWindow();
                }
            }

            @Override
            public String print(YearMonth month, Locale locale) {
                return month.toString();
            }
        });
    }

    private static <T extends Temporal> Formatter<T> windowed(Function<String, T> parse) {
        return new Formatter<>() {
            @Override
            public T parse(String text, Locale locale) {
                T value;
                try {
                    value = parse.apply(text.strip());
                } catch (DateTimeException e) {
                    throw new NotInWindow();
                }
                if (!StrictJson.inWindow(value)) {
                    throw new NotInWindow();
                }
                return value;
            }

            @Override
            public String print(T value, Locale locale) {
                return value.toString();
            }
        };
    }

    /** Thrown by the parsers; the problem handler finds it among the binding failure's causes. */
    public static final class NotInWindow extends IllegalArgumentException {

        NotInWindow() {
            super(StrictJson.WINDOW_MESSAGE, null);
        }

        /** The message the problem names: an ISO-8601 date in the window. */
        public static String message() {
            return "must be an ISO-8601 date or date-time (e.g. 2026-01-31T09:00:00Z) between " + StrictJson.FIRST_YEAR
                    + " and " + StrictJson.LAST_YEAR;
        }
    }
}
