package app.thaw.notifications.delivery;

import app.thaw.notifications.recipients.Channel;
import app.thaw.notifications.templates.RenderedMessage;
import org.jspecify.annotations.Nullable;

/**
 * One message handed to a channel: where to ({@code address}: e-mail, phone, inbox user, webhook
 * endpoint id), what ({@code message}, or {@code body} for webhooks), and its attempt number.
 */
public record OutgoingMessage(
        DeliveryId id,
        String tenantId,
        Channel channel,
        @Nullable String address,
        String recipientId,
        String recipientName,
        @Nullable RenderedMessage message,
        @Nullable String body,
        String eventType,
        int attempt) {}
