package app.thaw.platform.events;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import reactor.core.publisher.Mono;

/**
 * What the platform's event tests share: the effect their handlers apply (one document per event
 * in {@value #EFFECTS}, a repeat ignored, as an idempotent consumer's would be), its counts, the
 * events they send, and a free port for a test that needs to know its own before it starts.
 */
final class EventTestSupport {

    static final String EFFECTS = "effects";

    private EventTestSupport() {}

    /** The handlers' effect: the event's document, once however often it arrives. */
    static Mono<Void> applyEffect(ReactiveMongoTemplate mongo, ThawEvent event) {
        return mongo.insert(new Document("_id", event.id()).append("subject", event.subject()), EFFECTS)
                .onErrorResume(DuplicateKeyException.class, again -> Mono.empty())
                .then();
    }

    /** How many of these events took effect. */
    static long effects(ReactiveMongoTemplate mongo, Collection<String> eventIds) {
        return mongo.count(Query.query(Criteria.where("_id").in(eventIds)), EFFECTS)
                .block();
    }

    /** How many of these events took effect. */
    static long effectsOf(ReactiveMongoTemplate mongo, List<ThawEvent> events) {
        return effects(mongo, events.stream().map(ThawEvent::id).toList());
    }

    /** Whether the event took effect: 1, or 0. */
    static long effects(ReactiveMongoTemplate mongo, String eventId) {
        return effects(mongo, List.of(eventId));
    }

    /** An event of acme's from {@code source} about {@code subject}, its data naming the subject. */
    static ThawEvent event(String source, String type, String subject) {
        return ThawEvent.of(source, type, subject, "acme", Instant.now(), null, Map.of("subject", subject));
    }

    /** A consumer of the events whose type starts with {@code prefix}; its effect is {@link #applyEffect}. */
    abstract static class EffectHandler implements EventHandler {

        private final String prefix;

        @Autowired
        ReactiveMongoTemplate mongo;

        EffectHandler(String prefix) {
            this.prefix = prefix;
        }

        @Override
        public boolean handles(String type) {
            return type.startsWith(prefix);
        }

        /** The event's effect, once. */
        Mono<Void> effect(ThawEvent event) {
            return applyEffect(mongo, event);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
