package app.thaw.platform.events;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Map;

import app.thaw.platform.problem.ThawProblem;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.retrytopic.RetryTopicHeaders;
import org.springframework.kafka.support.KafkaHeaders;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The consuming side of the Kafka transport (ADR 90): this service's topic, read in its own consumer
 * group, each record handed to the same {@link EventInbox} as {@code POST /internal/events}
 * (deduplicated by event id, the same handlers). The listener returns only once the inbox stored
 * the effect, and the offset is committed only after it returns. A failure worth retrying (the
 * inbox's error, a 409 or 5xx-like problem, an event another delivery is still handling) goes to
 * the retry topics with the relay's backoff; a final refusal (400 {@code event_malformed}, an
 * incomplete CloudEvent, any other 4xx) and an exhausted one go to the dead-letter topic, whose
 * records this service keeps in {@code dead_letters} for the same admin API as the HTTP relay's
 * ({@link OutboxRelay#deadLetters}, {@link OutboxRelay#replay}).
 */
public class KafkaEventConsumer {

    /** The listener's id (its container in the {@code KafkaListenerEndpointRegistry}). */
    public static final String LISTENER_ID = "thaw-events";

    static final String ORIGIN_TOPIC = "topic";
    private static final Logger log = LoggerFactory.getLogger(KafkaEventConsumer.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final EventInbox inbox;
    private final ReactiveMongoTemplate mongo;
    private final KafkaTemplate<String, String> kafka;
    private final String consumerName;
    private final String topic;
    private final Duration timeout;
    private final Clock clock;
    private final EventSpans spans;

    public KafkaEventConsumer(
            EventInbox inbox,
            ReactiveMongoTemplate mongo,
            KafkaTemplate<String, String> kafka,
            String consumerName,
            String topic,
            Duration timeout,
            Clock clock,
            EventSpans spans) {
        this.inbox = inbox;
        this.mongo = mongo;
        this.kafka = kafka;
        this.consumerName = consumerName;
        this.topic = topic;
        this.timeout = timeout;
        this.clock = clock;
        this.spans = spans;
    }

    public String topic() {
        return topic;
    }

    public String group() {
        return consumerName;
    }

    @KafkaListener(
            id = LISTENER_ID,
            topics = "#{__listener.topic()}",
            groupId = "#{__listener.group()}",
            containerFactory = "thawEventsListenerFactory")
    public void receive(ConsumerRecord<String, String> record) {
        ThawEvent event = parse(record.value());
        // One consumer span per record (a retry topic's record too), the child of the event's traceparent, current
        // while the inbox and the handlers run; a failure marks it as an error.
        spans.around(
                event,
                "kafka",
                EventSpans.kafka(record.topic(), record.partition(), record.offset(), consumerName),
                () -> {
                    EventInbox.Outcome outcome;
                    try {
                        // Blocking on purpose: this runs on the Kafka listener container's own consumer thread,
                        // never on a WebFlux event loop, and the record's offset may be committed only once the
                        // inbox has stored the effect — so the listener must wait for it (bounded by the timeout).
                        outcome = inbox.receive(event).block(timeout);
                    } catch (RuntimeException failure) {
                        throw refusedOrRetryable(event, reactor.core.Exceptions.unwrap(failure));
                    }
                    if (outcome == EventInbox.Outcome.IN_PROGRESS) {
                        throw new RetryableEventFailure(
                                "Event " + event.id() + " is being handled by another delivery.", null);
                    }
                    return outcome;
                });
    }

    /** Records that can never be handled or ran out of attempts: kept for platform admins to list and replay. */
    public void deadLetter(ConsumerRecord<String, String> record) {
        String reason = header(record, KafkaHeaders.EXCEPTION_MESSAGE);
        if (reason == null) {
            reason = header(record, KafkaHeaders.DLT_EXCEPTION_MESSAGE);
        }
        if (reason != null && reason.startsWith("Listener failed; ")) {
            reason = reason.substring("Listener failed; ".length());
        }
        int attempts = attempts(record);
        Document event;
        String eventId;
        try {
            ThawEvent parsed = parse(record.value());
            event = parsed.toDocument();
            eventId = parsed.id();
        } catch (RuntimeException unreadable) {
            eventId = "unreadable-" + record.topic() + "-" + record.partition() + "-" + record.offset();
            event = new Document("id", eventId).append("raw", record.value());
        }
        log.warn(
                "Parking event {} ({}) for {} after {} attempt(s): {}",
                eventId,
                event.getString("type"),
                consumerName,
                attempts,
                reason);
        Document deadLetter = new Document("_id", eventId + "|" + consumerName)
                .append("eventId", eventId)
                .append("subscriber", consumerName)
                .append("origin", ORIGIN_TOPIC)
                .append("key", record.key())
                .append("value", record.value())
                .append("event", event)
                .append("attempts", attempts)
                .append("lastError", reason)
                .append("parkedAt", Date.from(clock.instant()));
        OutboxRelay.storeDeadLetter(mongo, deadLetter)
                // On the dead-letter listener's consumer thread (not an event loop): the DLT record's
                // offset is committed only after the dead letter is stored, so nothing parked is lost.
                .block(timeout);
    }

    /** Sends a parked record to this service's topic again, once the broker took it marks it replayed. */
    Mono<Boolean> replay(Document deadLetter, String replayedBy) {
        ProducerRecord<String, String> record =
                new ProducerRecord<>(topic, deadLetter.getString("key"), deadLetter.getString("value"));
        return Mono.fromFuture(() -> kafka.send(record))
                .timeout(timeout)
                .then(mongo.updateFirst(
                        Query.query(Criteria.where("_id")
                                .is(deadLetter.get("_id"))
                                .and("replayedAt")
                                .exists(false)),
                        new Update()
                                .set("replayedAt", Date.from(clock.instant()))
                                .set("replayedBy", replayedBy),
                        OutboxRelay.DEAD_LETTERS))
                .map(result -> result.getModifiedCount() > 0);
    }

    @SuppressWarnings("unchecked")
    static ThawEvent parse(@Nullable String value) {
        Map<String, Object> json;
        try {
            json = JSON.readValue(value == null ? "null" : value, new TypeReference<Map<String, Object>>() {});
        } catch (RuntimeException e) {
            throw new RefusedEvent("The record is not a CloudEvent in JSON: " + e.getMessage(), e);
        }
        if (json == null) {
            throw new RefusedEvent("The record has no value.", null);
        }
        try {
            return InternalEventsController.parse(json);
        } catch (ThawProblem incomplete) {
            throw new RefusedEvent(
                    "HTTP 400 " + incomplete.code() + ": " + incomplete.getMessage() + " " + incomplete.properties(),
                    incomplete);
        }
    }

    /** As the HTTP relay decides: a 4xx other than 408, 409, 425 and 429 can never succeed; anything else may. */
    static RuntimeException refusedOrRetryable(ThawEvent event, Throwable failure) {
        if (failure instanceof ThawProblem problem) {
            int status = problem.status().value();
            boolean worthRetrying = status >= 500 || status == 408 || status == 409 || status == 425 || status == 429;
            String detail = "HTTP " + status + " " + problem.code() + ": " + problem.getMessage();
            return worthRetrying ? new RetryableEventFailure(detail, problem) : new RefusedEvent(detail, problem);
        }
        return new RetryableEventFailure("Handling event " + event.id() + " failed: " + failure, failure);
    }

    private static @Nullable String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Attempts made: the retry header names the attempt the record would be next (the first record on the topic is attempt 1). */
    static int attempts(ConsumerRecord<?, ?> record) {
        Header header = record.headers().lastHeader(RetryTopicHeaders.DEFAULT_HEADER_ATTEMPTS);
        if (header == null) {
            return 1;
        }
        byte[] value = header.value();
        int next = value.length == Integer.BYTES
                ? ByteBuffer.wrap(value).getInt()
                : Integer.parseInt(new String(value, StandardCharsets.UTF_8));
        return Math.max(1, next - 1);
    }

    /** A record that can never be handled: straight to the dead-letter topic. */
    public static final class RefusedEvent extends RuntimeException {

        RefusedEvent(String message, @Nullable Throwable cause) {
            super(message, cause);
        }
    }

    /** A failure that may pass: the record goes to the next retry topic. */
    public static final class RetryableEventFailure extends RuntimeException {

        RetryableEventFailure(String message, @Nullable Throwable cause) {
            super(message, cause);
        }
    }
}
