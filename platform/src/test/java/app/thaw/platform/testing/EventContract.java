package app.thaw.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import app.thaw.platform.events.EventData;
import app.thaw.platform.events.EventType;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * docs/events.md is the contract between services: its example of each event (a ```json block
 * holding a whole CloudEvent) is checked against the records both ends use, so the document and
 * the code cannot drift apart.
 * <ul>
 *   <li>A record a service <b>publishes</b> must match its example exactly: the example's data
 *       becomes the record without a member left over, the record becomes the same JSON again,
 *       and every member of the record appears in the example (optional ones too).</li>
 *   <li>A record a service <b>consumes</b> (its own, tolerant: it may read fewer members) must be
 *       made from the example, and read only members the example has.</li>
 * </ul>
 */
public final class EventContract {

    private static final Pattern JSON_BLOCK = Pattern.compile("```json\\s*\\n(.*?)\\n```", Pattern.DOTALL);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, Map<String, Object>> examples;

    private EventContract(Map<String, Map<String, Object>> examples) {
        this.examples = examples;
    }

    /** The examples of docs/events.md, found from a module's directory (the tests' working directory). */
    public static EventContract fromDocs() {
        Path here = Path.of("").toAbsolutePath();
        for (Path dir = here; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("docs/events.md");
            if (Files.isRegularFile(candidate)) {
                return read(candidate);
            }
        }
        throw new IllegalStateException("docs/events.md not found above " + here);
    }

    public static EventContract read(Path eventsMarkdown) {
        String text;
        try {
            text = Files.readString(eventsMarkdown);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Map<String, Object>> examples = new LinkedHashMap<>();
        Matcher block = JSON_BLOCK.matcher(text);
        while (block.find()) {
            Map<String, Object> event = JSON.readValue(block.group(1), new TypeReference<Map<String, Object>>() {});
            if (event.get("specversion") != null && event.get("type") instanceof String type) {
                if (examples.put(type, event) != null) {
                    throw new AssertionError("docs/events.md has two examples of " + type);
                }
            }
        }
        return new EventContract(examples);
    }

    /** Every event type the document has an example of. */
    public Set<String> types() {
        return new TreeSet<>(examples.keySet());
    }

    /** The whole example CloudEvent of {@code type}. */
    public Map<String, Object> example(String type) {
        Map<String, Object> example = examples.get(type);
        if (example == null) {
            throw new AssertionError(
                    "docs/events.md has no example of " + type + " (a ```json block with the whole CloudEvent)");
        }
        return example;
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> exampleData(String type) {
        return (Map<String, Object>) example(type).get("data");
    }

    /** The @EventType records under {@code basePackage} (a service's own records, published and consumed). */
    public static List<Class<?>> recordsUnder(String basePackage) {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(
                    org.springframework.beans.factory.annotation.AnnotatedBeanDefinition definition) {
                return definition.getMetadata().isIndependent();
            }
        };
        scanner.addIncludeFilter(new AnnotationTypeFilter(EventType.class));
        List<Class<?>> records = new ArrayList<>();
        for (BeanDefinition found : scanner.findCandidateComponents(basePackage)) {
            try {
                records.add(Class.forName(found.getBeanClassName()));
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        return records;
    }

    /** The @EventType records declared in {@code holder} (a service's {@code XxxEvents} or {@code ConsumedEvents}). */
    public static List<Class<?>> eventRecordsIn(Class<?> holder) {
        return java.util.Arrays.stream(holder.getDeclaredClasses())
                .filter(type -> type.isAnnotationPresent(EventType.class))
                .sorted(java.util.Comparator.comparing(Class::getName))
                .toList();
    }

    /**
     * The records in {@code holder} are exactly the events of {@code typePrefix} the document has
     * examples of (none missing, none extra), and each agrees with its example member for member.
     */
    public void verifyPublishedFamily(String typePrefix, Class<?> holder) {
        Set<String> documented = new TreeSet<>(
                types().stream().filter(type -> type.startsWith(typePrefix)).toList());
        Set<String> recorded = new TreeSet<>(
                eventRecordsIn(holder).stream().map(EventData::typeOf).toList());
        if (!documented.equals(recorded)) {
            throw new AssertionError("docs/events.md documents " + documented + " but " + holder.getName()
                    + " has records for " + recorded);
        }
        eventRecordsIn(holder).forEach(this::verifyPublished);
    }

    /** Every record in {@code holder} reads only what the document promises. */
    public void verifyConsumedAll(Class<?> holder) {
        List<Class<?>> records = eventRecordsIn(holder);
        if (records.isEmpty()) {
            throw new AssertionError(holder.getName() + " declares no @EventType records");
        }
        records.forEach(this::verifyConsumed);
    }

    /** A record this service publishes agrees with the document, member for member. */
    public void verifyPublished(Class<?> record) {
        String type = EventData.typeOf(record);
        Map<String, Object> data = exampleData(type);
        Object parsed;
        try {
            parsed = EventData.fromJsonStrictly(data, record);
        } catch (RuntimeException e) {
            throw new AssertionError(
                    record.getName() + " does not match the example of " + type + " in docs/events.md: "
                            + e.getMessage(),
                    e);
        }
        Map<String, Object> again = EventData.toJson(parsed);
        if (!normalized(again).equals(normalized(data))) {
            throw new AssertionError(
                    record.getName() + " writes " + type + " differently from docs/events.md:\n  document: "
                            + normalized(data) + "\n  record:   " + normalized(again));
        }
        List<String> undocumented = new ArrayList<>();
        for (RecordComponent component : record.getRecordComponents()) {
            if (!data.containsKey(component.getName())) {
                undocumented.add(component.getName());
            }
        }
        if (!undocumented.isEmpty()) {
            throw new AssertionError(record.getName() + " publishes " + undocumented + " in " + type
                    + ", which the example in docs/events.md does not show");
        }
    }

    /** A consumer's own record of an event reads only what the document promises, and can be made from its example. */
    public void verifyConsumed(Class<?> record) {
        String type = EventData.typeOf(record);
        Map<String, Object> data = exampleData(type);
        try {
            EventData.fromJson(data, record);
        } catch (RuntimeException e) {
            throw new AssertionError(
                    record.getName() + " cannot read the example of " + type + " in docs/events.md: " + e.getMessage(),
                    e);
        }
        List<String> unpromised = new ArrayList<>();
        for (RecordComponent component : record.getRecordComponents()) {
            if (!data.containsKey(component.getName())) {
                unpromised.add(component.getName());
            }
        }
        if (!unpromised.isEmpty()) {
            throw new AssertionError(record.getName() + " reads " + unpromised + " from " + type
                    + ", which docs/events.md does not promise");
        }
    }

    /** Numbers compared by value (1 and 1.0 alike), so JSON's number forms do not matter. */
    private static Object normalized(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new java.util.TreeMap<>();
            map.forEach((key, member) -> copy.put(String.valueOf(key), normalized(member)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(EventContract::normalized).toList();
        }
        if (value instanceof Number number) {
            return new java.math.BigDecimal(number.toString()).stripTrailingZeros();
        }
        return value;
    }
}
