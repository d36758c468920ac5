package app.thaw.notifications.delivery;

import app.thaw.notifications.recipients.Channel;

/**
 * A delivery's id is made of what must never be delivered twice: the event, who receives it (a
 * recipient or a webhook endpoint) and the channel. The store's unique {@code _id} then refuses a
 * second delivery of the same triple, after a restart too.
 */
public record DeliveryId(String value) {

    public static DeliveryId of(String eventId, String target, Channel channel) {
        return new DeliveryId(eventId + "|" + target + "|" + channel.name());
    }

    @Override
    public String toString() {
        return value;
    }
}
