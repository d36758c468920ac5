package app.thaw.platform.events;

import reactor.core.publisher.Mono;

/**
 * Reacts to events another service published. Delivery is at least once and a handler may run
 * again for the same event if a previous run crashed before it finished, so a handler must be
 * idempotent: the same event twice has the effect of once (e.g. use the event id as the id of
 * what it creates). {@link EventInbox} makes sure a finished handler never runs again.
 */
public interface EventHandler {

    /** Whether this handler wants events of {@code type}. */
    boolean handles(String type);

    /** Stores the event's effect; the returned Mono completes only once it is stored. */
    Mono<Void> handle(ThawEvent event);
}
