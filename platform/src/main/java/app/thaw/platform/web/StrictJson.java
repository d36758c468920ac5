package app.thaw.platform.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * How every service reads a JSON request body (ADR 55): a field the request does not define is an
 * error, not silently dropped (a misspelt {@code on} for {@code party} must not clear a value), and
 * a date or time outside {@link #FIRST_YEAR}–{@link #LAST_YEAR} is refused where it is read, before
 * any arithmetic on it can overflow. Both failures carry the field's path, which the problem handler
 * turns into 400 {@code validation_failed} naming it.
 */
public final class StrictJson {

    /** The sane window for a date in a request: nothing Thaw handles happened before 1970 or is due after 2100. */
    public static final int FIRST_YEAR = 1970;

    public static final int LAST_YEAR = 2100;
    public static final String WINDOW_MESSAGE =
            "must be a date between " + FIRST_YEAR + "-01-01 and " + LAST_YEAR + "-12-31";

    private StrictJson() {}

    /** The services' mapper, made strict for request bodies. */
    public static JsonMapper forRequests(JsonMapper mapper) {
        return mapper.rebuild()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .addModule(new SimpleModule("thaw-date-window").setDeserializerModifier(new DateWindowModifier()))
                .build();
    }

    /** True when {@code value} (an Instant, OffsetDateTime, ZonedDateTime, LocalDate or LocalDateTime) lies in the window. */
    public static boolean inWindow(Temporal value) {
        int year = switch (value) {
            case Instant instant -> instant.atOffset(ZoneOffset.UTC).getYear();
            case OffsetDateTime time -> time.getYear();
            case ZonedDateTime time -> time.getYear();
            case LocalDate date -> date.getYear();
            case LocalDateTime time -> time.getYear();
            default -> FIRST_YEAR;
        };
        return year >= FIRST_YEAR && year <= LAST_YEAR;
    }

    /** A date outside the window; its path names the field. */
    public static final class DateOutsideWindow extends MismatchedInputException {

        DateOutsideWindow(JsonParser parser, Class<?> type) {
            super(parser, WINDOW_MESSAGE, type);
        }
    }

    private static final class DateWindowModifier extends ValueDeserializerModifier {

        @Override
        public ValueDeserializer<?> modifyDeserializer(
                DeserializationConfig config, BeanDescription.Supplier description, ValueDeserializer<?> deserializer) {
            Class<?> type = description.getBeanClass();
            return Instant.class == type
                            || OffsetDateTime.class == type
                            || ZonedDateTime.class == type
                            || LocalDate.class == type
                            || LocalDateTime.class == type
                    ? new DateWindowDeserializer(deserializer, type)
                    : deserializer;
        }
    }

    private static final class DateWindowDeserializer extends DelegatingDeserializer {

        private final Class<?> type;

        DateWindowDeserializer(ValueDeserializer<?> delegate, Class<?> type) {
            super(delegate);
            this.type = type;
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
            return new DateWindowDeserializer(delegate, type);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
            Object value = super.deserialize(parser, context);
            if (value instanceof Temporal temporal && !inWindow(temporal)) {
                throw new DateOutsideWindow(parser, type);
            }
            return value;
        }
    }
}
