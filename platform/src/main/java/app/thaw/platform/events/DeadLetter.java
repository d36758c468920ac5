package app.thaw.platform.events;

import java.time.Instant;
import java.util.Date;

import org.bson.Document;
import org.jspecify.annotations.Nullable;

/**
 * An event parked as a dead letter, read from the store: which event, for which subscriber, where it
 * was parked ({@code outbox}: the relay could not hand it over; {@code topic}: this service's consumer
 * could not handle it), how often it was tried and the last error.
 */
public record DeadLetter(
        String id,
        @Nullable String eventId,
        @Nullable String type,
        @Nullable String subject,
        @Nullable String tenantId,
        @Nullable String subscriber,
        String origin,
        int attempts,
        @Nullable String lastError,
        @Nullable Instant parkedAt) {

    static DeadLetter of(Document stored) {
        Document event = stored.get("event", Document.class);
        Date parkedAt = stored.getDate("parkedAt");
        String origin = stored.getString("origin");
        return new DeadLetter(
                stored.getString("_id"),
                stored.getString("eventId"),
                event == null ? null : event.getString("type"),
                event == null ? null : event.getString("subject"),
                event == null ? null : event.getString("tenantId"),
                stored.getString("subscriber"),
                origin == null ? "outbox" : origin,
                stored.getInteger("attempts", 0),
                stored.getString("lastError"),
                parkedAt == null ? null : parkedAt.toInstant());
    }
}
