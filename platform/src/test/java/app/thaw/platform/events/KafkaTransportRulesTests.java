package app.thaw.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletionException;

import app.thaw.platform.problem.ThawProblem;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.retrytopic.RetryTopicHeaders;

/** The Kafka transport's rules without a broker: keys, the record, what is retried and what is refused (ADR 90). */
class KafkaTransportRulesTests {

    private final ThawEvent event = ThawEvent.of(
                    "/thaw/test",
                    "thaw.test.moved",
                    "case-7",
                    "acme",
                    Instant.parse("2026-12-07T00:00:00Z"),
                    "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
                    Map.of("caseId", "case-7"))
            .withSequence(3L);

    @Test
    void aRecordIsKeyedByTenantAndSubjectAndCarriesTheCloudEventAndItsTrace() {
        ProducerRecord<String, String> record = KafkaEventTransport.record("thaw.events.notification-service", event);

        assertThat(record.topic()).isEqualTo("thaw.events.notification-service");
        assertThat(record.key()).isEqualTo("acme|case-7");
        assertThat(new String(record.headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8))
                .isEqualTo(event.traceparent());
        assertThat(new String(record.headers().lastHeader("content-type").value(), StandardCharsets.UTF_8))
                .isEqualTo("application/cloudevents+json");
        assertThat(KafkaEventConsumer.parse(record.value())).isEqualTo(event);
    }

    @Test
    void whatTheBrokerCanNeverTakeIsRefusedAndEverythingElseRetried() {
        assertThat(KafkaEventTransport.classify(new CompletionException(new RecordTooLargeException("too large")))
                        .outcome())
                .isEqualTo(EventTransport.Outcome.REJECTED);
        assertThat(KafkaEventTransport.classify(new CompletionException(new TimeoutException("no broker")))
                        .outcome())
                .isEqualTo(EventTransport.Outcome.RETRY);
        assertThat(KafkaEventTransport.classify(new java.util.concurrent.TimeoutException("relay timeout"))
                        .outcome())
                .isEqualTo(EventTransport.Outcome.RETRY);
    }

    @Test
    void aConsumerRetriesWhatTheHttpRelayRetriesAndRefusesTheRest() {
        assertThat(KafkaEventConsumer.refusedOrRetryable(event, problem(HttpStatus.CONFLICT, "version_conflict")))
                .isInstanceOf(KafkaEventConsumer.RetryableEventFailure.class);
        assertThat(KafkaEventConsumer.refusedOrRetryable(event, problem(HttpStatus.SERVICE_UNAVAILABLE, "busy")))
                .isInstanceOf(KafkaEventConsumer.RetryableEventFailure.class);
        assertThat(KafkaEventConsumer.refusedOrRetryable(event, new IllegalStateException("store down")))
                .isInstanceOf(KafkaEventConsumer.RetryableEventFailure.class);
        assertThat(KafkaEventConsumer.refusedOrRetryable(event, problem(HttpStatus.BAD_REQUEST, "event_malformed")))
                .isInstanceOf(KafkaEventConsumer.RefusedEvent.class)
                .hasMessageContaining("HTTP 400 event_malformed");
        assertThat(KafkaEventConsumer.refusedOrRetryable(
                        event, problem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid_state")))
                .isInstanceOf(KafkaEventConsumer.RefusedEvent.class);
    }

    @Test
    void aRecordThatIsNoCompleteCloudEventIsRefusedNamingWhatIsMissing() {
        assertThatThrownBy(() -> KafkaEventConsumer.parse("not json"))
                .isInstanceOf(KafkaEventConsumer.RefusedEvent.class);
        assertThatThrownBy(() -> KafkaEventConsumer.parse(null)).isInstanceOf(KafkaEventConsumer.RefusedEvent.class);
        assertThatThrownBy(() -> KafkaEventConsumer.parse("{\"specversion\":\"1.0\",\"id\":\"e-1\"}"))
                .isInstanceOf(KafkaEventConsumer.RefusedEvent.class)
                .hasMessageContaining("validation_failed")
                .hasMessageContaining("type");
    }

    @Test
    void attemptsCountTheTriesMadeNotTheNextOne() {
        ConsumerRecord<String, String> first = new ConsumerRecord<>("t-dlt", 0, 0, "k", "v");
        assertThat(KafkaEventConsumer.attempts(first)).isEqualTo(1);
        ConsumerRecord<String, String> afterFour = new ConsumerRecord<>("t-dlt", 0, 1, "k", "v");
        afterFour
                .headers()
                .add(
                        RetryTopicHeaders.DEFAULT_HEADER_ATTEMPTS,
                        ByteBuffer.allocate(Integer.BYTES).putInt(5).array());
        assertThat(KafkaEventConsumer.attempts(afterFour)).isEqualTo(4);
    }

    private static ThawProblem problem(HttpStatus status, String code) {
        return new ThawProblem(status, code, "because");
    }
}
