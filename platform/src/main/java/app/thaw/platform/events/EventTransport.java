package app.thaw.platform.events;

import java.net.URI;

import reactor.core.publisher.Mono;

/**
 * How the relay hands an event to a subscriber. Today HTTP ({@link HttpEventTransport}); when one
 * machine is outgrown, a broker (Kafka) can take its place without changing producers or consumers.
 */
public interface EventTransport {

    Mono<Delivery> deliver(URI subscriber, ThawEvent event);

    /** What became of one delivery attempt. */
    record Delivery(Outcome outcome, String detail) {

        static Delivery delivered(int status) {
            return new Delivery(Outcome.DELIVERED, "HTTP " + status);
        }
    }

    enum Outcome {
        /** The subscriber stored the event's effect (or already had). */
        DELIVERED,
        /** It may work later: the subscriber is down, slow, or busy. */
        RETRY,
        /** The subscriber refuses this event for good (a 4xx): retrying cannot help. */
        REJECTED
    }
}
