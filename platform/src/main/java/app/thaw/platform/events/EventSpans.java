package app.thaw.platform.events;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import io.micrometer.observation.transport.Propagator;
import io.micrometer.observation.transport.ReceiverContext;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * One consumer span per event received, on either transport: a Kafka record read by
 * {@link KafkaEventConsumer} or a {@code POST /internal/events}. The span is the child of the
 * event's own {@code traceparent} (extracted by the tracer's propagator from the event, not from
 * whatever span the thread happens to be in), so a trace runs producer → relay → consumer → the
 * handlers' work and the events they publish in turn ({@link Traceparents#currentOr}: the consumer
 * span is current while the inbox and its handlers run). Named {@code <event type> process}, of kind
 * CONSUMER, tagged with the transport, the event's type, id and tenant and, on Kafka, topic, partition
 * and offset. A failure marks it as an error (so it is kept even in an unsampled trace,
 * ADR 101). Without a tracer (tests, tracing off) it is an observation only, or nothing at all.
 */
public class EventSpans {

    static final String NAME = "thaw.events.process";
    private static final Propagator.Getter<Map<String, String>> FROM_MAP = Map::get;

    private final ObservationRegistry observations;

    public EventSpans(ObservationRegistry observations) {
        this.observations = observations;
    }

    /** A span for work that blocks on its own thread (the Kafka listener's): current on this thread while it runs. */
    public <T> T around(ThawEvent event, String transport, Map<String, String> details, Supplier<T> work) {
        return observation(event, transport, details).observe(work);
    }

    /** A span for reactive work: opened when {@code work} is subscribed, closed when it ends, current throughout it. */
    public <T> Mono<T> around(ThawEvent event, String transport, Map<String, String> details, Mono<T> work) {
        return Mono.defer(() -> {
            Observation observation = observation(event, transport, details).start();
            return work.doOnError(observation::error)
                    .doFinally(signal -> observation.stop())
                    .contextWrite(context -> context.put(ObservationThreadLocalAccessor.KEY, observation));
        });
    }

    private Observation observation(ThawEvent event, String transport, Map<String, String> details) {
        ReceiverContext<Map<String, String>> context = new ReceiverContext<>(FROM_MAP);
        Map<String, String> carrier = new HashMap<>();
        if (event.traceparent() != null) {
            carrier.put(Traceparents.HEADER, event.traceparent());
        }
        context.setCarrier(carrier);
        context.setRemoteServiceName(event.source());
        Observation observation = Observation.createNotStarted(NAME, () -> context, observations)
                .contextualName(event.type() + " process")
                .lowCardinalityKeyValue("messaging.system", transport)
                .lowCardinalityKeyValue("messaging.operation", "process")
                .lowCardinalityKeyValue("thaw.event.type", event.type())
                .highCardinalityKeyValue("messaging.message.id", event.id())
                .highCardinalityKeyValue("thaw.tenant", event.tenantId());
        details.forEach(observation::highCardinalityKeyValue);
        return observation;
    }

    /** Kafka's coordinates of a record, as span attributes. */
    static Map<String, String> kafka(String topic, int partition, long offset, @Nullable String consumerGroup) {
        Map<String, String> details = new HashMap<>();
        details.put("messaging.destination.name", topic);
        details.put("messaging.kafka.destination.partition", Integer.toString(partition));
        details.put("messaging.kafka.message.offset", Long.toString(offset));
        if (consumerGroup != null) {
            details.put("messaging.kafka.consumer.group", consumerGroup);
        }
        return details;
    }
}
