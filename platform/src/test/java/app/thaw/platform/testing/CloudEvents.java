package app.thaw.platform.testing;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A CloudEvent's envelope as a service's relay sends it (docs/events.md), for the tests of every module that stand in
 * for another service: written once, so a change to the envelope is made in one place.
 */
public final class CloudEvents {

    private CloudEvents() {}

    /**
     * An event of {@code type} from {@code source} (e.g. {@code /thaw/case-service}) about {@code subject} of
     * {@code tenant}, with a new id, sent now; a mutable map, for a test to add to ({@code sequence}) or take from.
     */
    public static Map<String, Object> envelope(
            String source, String type, String tenant, String subject, Map<String, Object> data) {
        return envelope(source, type, tenant, subject, Instant.now(), data);
    }

    /** As {@link #envelope(String, String, String, String, Map)}, sent at {@code time} (a test's clock). */
    public static Map<String, Object> envelope(
            String source, String type, String tenant, String subject, Instant time, Map<String, Object> data) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("specversion", "1.0");
        event.put("id", UUID.randomUUID().toString());
        event.put("source", source);
        event.put("type", type);
        event.put("subject", subject);
        event.put("time", time.toString());
        event.put("tenantid", tenant);
        event.put("datacontenttype", "application/json");
        event.put("data", data);
        return event;
    }

    /** An event's data from name, value pairs, in their order (a mutable map, for a test to add to). */
    public static Map<String, Object> data(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values come in pairs");
        }
        Map<String, Object> data = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            data.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return data;
    }
}
