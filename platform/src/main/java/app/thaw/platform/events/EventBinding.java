package app.thaw.platform.events;

import java.time.Instant;
import java.util.Map;
import java.util.function.Function;

import app.thaw.platform.problem.ThawProblem;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import reactor.core.publisher.Mono;

/**
 * Binds a consumer's own record of an event to what it does with it:
 * {@code EventBinding.on(ClockSet.class, event -> reminders.set(...))}. The event's {@code data}
 * becomes the record once, here ({@link EventData}); data that cannot become it is refused with
 * 400 {@code event_malformed}, which the producer's relay parks as a dead letter at once (it can
 * never succeed), while anything else that fails is retried.
 *
 * @param <T> the consumer's record, annotated with the {@link EventType} it is the data of
 */
public final class EventBinding<T> implements EventHandler {

    private final String type;
    private final Class<T> record;
    private final Function<Received<T>, Mono<Void>> handler;

    private EventBinding(Class<T> record, Function<Received<T>, Mono<Void>> handler) {
        this.type = EventData.typeOf(record);
        this.record = record;
        this.handler = handler;
    }

    public static <T> EventBinding<T> on(Class<T> record, Function<Received<T>, Mono<Void>> handler) {
        return new EventBinding<>(record, handler);
    }

    public String type() {
        return type;
    }

    public Class<T> record() {
        return record;
    }

    @Override
    public boolean handles(String eventType) {
        return type.equals(eventType);
    }

    @Override
    public Mono<Void> handle(ThawEvent event) {
        T data;
        try {
            data = EventData.fromJson(event.data(), record);
        } catch (EventData.MalformedEvent malformed) {
            return Mono.error(new ThawProblem(
                    HttpStatus.BAD_REQUEST,
                    "event_malformed",
                    "Event " + event.id() + " cannot be handled: " + malformed.getMessage(),
                    Map.of(),
                    null));
        }
        return Mono.defer(() -> handler.apply(new Received<>(
                event.id(),
                event.type(),
                event.subject(),
                event.tenantId(),
                event.time(),
                event.sequence(),
                event.traceparent(),
                data)));
    }

    /**
     * An event as its consumer sees it: the envelope and the consumer's own record of its data.
     *
     * @param sequence the event's place among its subject's events, when the producer numbers them
     */
    public record Received<T>(
            String id,
            String type,
            String subject,
            String tenantId,
            Instant time,
            @Nullable Long sequence,
            @Nullable String traceparent,
            T data) {}
}
