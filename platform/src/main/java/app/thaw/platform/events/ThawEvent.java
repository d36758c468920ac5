package app.thaw.platform.events;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.jspecify.annotations.Nullable;

/**
 * A CloudEvents 1.0 event as Thaw sends it: structured JSON with {@code tenantid} and W3C
 * {@code traceparent} extensions. {@code data} is plain JSON (maps, lists, strings, numbers), so
 * the platform stays free of any service's domain types.
 *
 * @param id          unique per event; consumers deduplicate by it
 * @param source      the producing service, e.g. {@code /thaw/case-service}
 * @param type        {@code thaw.<area>.<what>}, e.g. {@code thaw.case.opened}
 * @param subject     what the event is about, e.g. a case id
 * @param time        when the change happened
 * @param tenantId    whose data changed
 * @param sequence    the event's place among its subject's events (the CloudEvents {@code sequence}
 *                    extension, a number here): it only grows, so a consumer that sees an older one
 *                    after a newer one knows it is late; absent when the subject has one event only
 * @param traceparent the trace the change belonged to, so the consumer's work joins it
 * @param data        the JSON members of the event's record ({@link EventData}); only the
 *                    platform and tests that stand in for the wire handle it as a map
 */
public record ThawEvent(
        String id,
        String source,
        String type,
        String subject,
        Instant time,
        String tenantId,
        @Nullable Long sequence,
        @Nullable String traceparent,
        Map<String, Object> data) {

    public ThawEvent {
        data = Map.copyOf(data);
    }

    /** A new event whose data is {@code record}, of the type its {@link EventType} names. */
    public static ThawEvent of(
            String source,
            String subject,
            String tenantId,
            Instant time,
            @Nullable Long sequence,
            @Nullable String traceparent,
            Object record) {
        return new ThawEvent(
                UUID.randomUUID().toString(),
                source,
                EventData.typeOf(record.getClass()),
                subject,
                time,
                tenantId,
                sequence,
                traceparent,
                EventData.toJson(record));
    }

    /** An event with raw JSON data, as it arrives on the wire (for tests that play another service). */
    public static ThawEvent of(
            String source,
            String type,
            String subject,
            String tenantId,
            Instant time,
            @Nullable String traceparent,
            Map<String, Object> data) {
        return new ThawEvent(
                UUID.randomUUID().toString(), source, type, subject, time, tenantId, null, traceparent, data);
    }

    /** The same event with another sequence (tests that play reordered deliveries). */
    public ThawEvent withSequence(@Nullable Long newSequence) {
        return new ThawEvent(id, source, type, subject, time, tenantId, newSequence, traceparent, data);
    }

    /** The CloudEvents structured-mode JSON members. */
    public Map<String, Object> toCloudEvent() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("specversion", "1.0");
        json.put("id", id);
        json.put("source", source);
        json.put("type", type);
        json.put("subject", subject);
        json.put("time", time.toString());
        json.put("datacontenttype", "application/json");
        json.put("tenantid", tenantId);
        if (sequence != null) {
            json.put("sequence", sequence);
        }
        if (traceparent != null) {
            json.put("traceparent", traceparent);
        }
        json.put("data", data);
        return json;
    }

    Document toDocument() {
        return new Document("id", id)
                .append("source", source)
                .append("type", type)
                .append("subject", subject)
                .append("time", java.util.Date.from(time))
                .append("tenantId", tenantId)
                .append("sequence", sequence)
                .append("traceparent", traceparent)
                .append("data", new Document(data));
    }

    @SuppressWarnings("unchecked")
    static ThawEvent fromDocument(Document document) {
        Object data = document.get("data");
        return new ThawEvent(
                document.getString("id"),
                document.getString("source"),
                document.getString("type"),
                document.getString("subject"),
                document.getDate("time").toInstant(),
                document.getString("tenantId"),
                document.get("sequence") instanceof Number number ? number.longValue() : null,
                document.getString("traceparent"),
                data instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of());
    }
}
