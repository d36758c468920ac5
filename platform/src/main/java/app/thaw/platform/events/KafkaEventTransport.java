package app.thaw.platform.events;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes each outbox entry to its subscriber's topic ({@code <prefix><subscriber>}) as a
 * structured CloudEvent, keyed by {@code <tenant>|<subject>} so one aggregate's events share a
 * partition and keep their order there. The producer is idempotent with {@code acks=all}: an entry
 * is delivered only once the broker has acknowledged it, so the relay marks it delivered then and
 * not before. Sends are handed to the producer on one thread in the order the relay asks for them
 * (the producer may block for metadata; never on an event loop). A record the broker can never
 * take (too large, invalid topic) is refused for good; anything else is retried by the relay.
 */
public class KafkaEventTransport implements EventTransport, DisposableBean {

    static final String CONTENT_TYPE = "content-type";
    static final String TRACEPARENT = "traceparent";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final KafkaTemplate<String, String> kafka;
    private final EventsProperties.Kafka settings;
    private final Duration timeout;
    private final ExecutorService sender = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "thaw-events-kafka-send");
        thread.setDaemon(true);
        return thread;
    });

    public KafkaEventTransport(KafkaTemplate<String, String> kafka, EventsProperties.Kafka settings, Duration timeout) {
        this.kafka = kafka;
        this.settings = settings;
        this.timeout = timeout;
    }

    @Override
    public Mono<Delivery> deliver(String subscriber, @Nullable URI url, ThawEvent event) {
        ProducerRecord<String, String> record = record(settings.topicOf(subscriber), event);
        // The send is queued when the relay subscribes, so sends reach the producer in the relay's order.
        return Mono.fromFuture(() -> CompletableFuture.supplyAsync(() -> kafka.send(record), sender)
                        .thenCompose(sent -> sent))
                .map(KafkaEventTransport::delivered)
                .timeout(timeout)
                .onErrorResume(failure -> Mono.just(classify(failure)));
    }

    /** The record of an event: keyed by tenant and subject, the CloudEvent as JSON, its trace context as a header. */
    static ProducerRecord<String, String> record(String topic, ThawEvent event) {
        ProducerRecord<String, String> record =
                new ProducerRecord<>(topic, key(event), JSON.writeValueAsString(event.toCloudEvent()));
        record.headers()
                .add(
                        CONTENT_TYPE,
                        HttpEventTransport.CLOUD_EVENTS_JSON.toString().getBytes(StandardCharsets.UTF_8));
        if (event.traceparent() != null) {
            record.headers().add(TRACEPARENT, event.traceparent().getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }

    static String key(ThawEvent event) {
        return event.tenantId() + "|" + event.subject();
    }

    private static Delivery delivered(SendResult<String, String> result) {
        return new Delivery(
                Outcome.DELIVERED,
                "Kafka " + result.getRecordMetadata().topic() + "-"
                        + result.getRecordMetadata().partition() + "@"
                        + result.getRecordMetadata().offset());
    }

    static Delivery classify(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && !(cause instanceof org.apache.kafka.common.KafkaException)) {
            cause = cause.getCause();
        }
        boolean never = cause instanceof RecordTooLargeException
                || cause instanceof InvalidTopicException
                || cause instanceof SerializationException;
        return new Delivery(
                never ? Outcome.REJECTED : Outcome.RETRY, cause.getClass().getSimpleName() + ": " + cause.getMessage());
    }

    @Override
    public void destroy() {
        sender.shutdown();
    }
}
