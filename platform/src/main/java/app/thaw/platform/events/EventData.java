package app.thaw.platform.events;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one place an event's {@code data} turns from a record into JSON and back. Producers hand a
 * record to {@link ThawEvent#of(String, String, String, java.time.Instant, Long, String, Object)};
 * consumers receive their own record through {@link EventBinding}. Absent optional members are
 * left out of the JSON; a consumer ignores members it does not know (a tolerant reader, so a
 * producer may add members), but a member its record requires — a component not marked
 * {@code @Nullable} — must be there, else the event is malformed and can never be handled.
 */
public final class EventData {

    private static final JsonMapper WRITER = JsonMapper.builder()
            .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();
    private static final JsonMapper TOLERANT_READER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();
    private static final JsonMapper STRICT_READER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private EventData() {}

    /** The {@link EventType} a record class is the data of. */
    public static String typeOf(Class<?> record) {
        EventType type = record.getAnnotation(EventType.class);
        if (type == null) {
            throw new IllegalArgumentException(record.getName() + " is not annotated with @EventType");
        }
        return type.value();
    }

    /** The record as the JSON members of an event's {@code data}. */
    public static Map<String, Object> toJson(Object record) {
        return WRITER.convertValue(record, new TypeReference<Map<String, Object>>() {});
    }

    /**
     * The {@code data} as a consumer's record: members it does not know are ignored.
     *
     * @throws MalformedEvent when a required member is missing or a member has the wrong form
     */
    public static <T> T fromJson(Map<String, Object> data, Class<T> record) {
        return read(TOLERANT_READER, data, record);
    }

    /** As {@link #fromJson}, but a member the record does not know is an error too (for contract tests). */
    public static <T> T fromJsonStrictly(Map<String, Object> data, Class<T> record) {
        return read(STRICT_READER, data, record);
    }

    private static <T> T read(JsonMapper reader, Map<String, Object> data, Class<T> record) {
        T value;
        try {
            value = reader.convertValue(data, record);
        } catch (JacksonException e) {
            String member = e.getPath().stream()
                    .map(reference -> reference.getPropertyName() != null
                            ? reference.getPropertyName()
                            : "[" + reference.getIndex() + "]")
                    .collect(java.util.stream.Collectors.joining("."));
            throw new MalformedEvent(typeName(record) + (member.isEmpty() ? "" : " member '" + member + "'") + ": "
                    + e.getOriginalMessage());
        } catch (IllegalArgumentException e) {
            throw new MalformedEvent(typeName(record) + ": " + e.getMessage());
        }
        List<String> missing = missingRequired(value);
        if (!missing.isEmpty()) {
            throw new MalformedEvent(typeName(record) + ": required member(s) missing: " + String.join(", ", missing));
        }
        return value;
    }

    /** Components of {@code value} that are null although not marked {@code @Nullable}. */
    static List<String> missingRequired(Object value) {
        List<String> missing = new ArrayList<>();
        RecordComponent[] components = value.getClass().getRecordComponents();
        if (components == null) {
            return missing;
        }
        for (RecordComponent component : components) {
            if (component.getType().isPrimitive()
                    || component.getAnnotatedType().isAnnotationPresent(Nullable.class)) {
                continue;
            }
            try {
                if (component.getAccessor().invoke(value) == null) {
                    missing.add(component.getName());
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return missing;
    }

    private static String typeName(Class<?> record) {
        EventType type = record.getAnnotation(EventType.class);
        return type == null ? record.getSimpleName() : type.value();
    }

    /** An event whose data can never become the consumer's record: retrying cannot help. */
    public static final class MalformedEvent extends RuntimeException {

        public MalformedEvent(String message) {
            super(message);
        }
    }
}
