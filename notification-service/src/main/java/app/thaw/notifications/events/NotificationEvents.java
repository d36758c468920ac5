package app.thaw.notifications.events;

import java.time.Instant;

import app.thaw.platform.events.EventType;
import org.jspecify.annotations.Nullable;

/** The {@code thaw.notification.*} events (docs/events.md). */
public final class NotificationEvents {

    private NotificationEvents() {}

    /**
     * @param caseId       the case the message was about, if any
     * @param eventType    what the message announced
     * @param firstForCase the first successful delivery to the client for this case: what closes the golden 15 minutes
     */
    @EventType("thaw.notification.delivered")
    public record Delivered(
            @Nullable String caseId,
            String eventType,
            String channel,
            String recipientKind,
            Instant deliveredAt,
            boolean firstForCase) {}
}
