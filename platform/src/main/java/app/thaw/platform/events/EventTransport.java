package app.thaw.platform.events;

import java.net.URI;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * How the relay hands an event to a subscriber: HTTP ({@link HttpEventTransport}, the embedded
 * default) or the subscriber's Kafka topic ({@link KafkaEventTransport}, ADR 90), chosen by
 * {@code thaw.events.transport}; producers and consumers do not change.
 */
public interface EventTransport {

    /**
     * @param subscriber the subscription's name (the Kafka transport's topic is named after it)
     * @param url        the subscriber's {@code /internal/events} (the HTTP transport's address); may be null with Kafka
     */
    Mono<Delivery> deliver(String subscriber, @Nullable URI url, ThawEvent event);

    /** What became of one delivery attempt. */
    record Delivery(Outcome outcome, String detail) {

        static Delivery delivered(int status) {
            return new Delivery(Outcome.DELIVERED, "HTTP " + status);
        }
    }

    enum Outcome {
        /** The subscriber stored the event's effect (or already had); with Kafka, the broker stored the event. */
        DELIVERED,
        /** It may work later: the subscriber is down, slow, or busy. */
        RETRY,
        /** The subscriber refuses this event for good (a 4xx): retrying cannot help. */
        REJECTED
    }
}
