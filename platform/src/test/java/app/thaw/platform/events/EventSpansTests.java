package app.thaw.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import app.thaw.platform.tracing.CollectingSpanExporter;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingReceiverTracingObservationHandler;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import reactor.core.publisher.Hooks;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * A consumer span per event received (issue 19): per Kafka record in {@link KafkaEventConsumer} and per
 * {@code POST /internal/events}, the child of the event's traceparent, current while the inbox and the
 * handlers run (so what they publish carries it on), an error when the handling failed. The real
 * OpenTelemetry SDK behind Micrometer's tracing bridge, wired as Spring Boot wires it.
 */
class EventSpansTests {

    static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    static final String PRODUCER_SPAN = "00f067aa0ba902b7";
    static final String TRACEPARENT = "00-" + TRACE_ID + "-" + PRODUCER_SPAN + "-01";

    final List<SpanData> exported = new CopyOnWriteArrayList<>();
    final SdkTracerProvider provider = SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(new CollectingSpanExporter(exported)))
            .build();
    final OtelCurrentTraceContext current = new OtelCurrentTraceContext();
    final OtelTracer tracer = new OtelTracer(provider.get("test"), current, event -> {});
    final OtelPropagator propagator = new OtelPropagator(
            ContextPropagators.create(W3CTraceContextPropagator.getInstance()), provider.get("test"));
    final ObservationRegistry observations = ObservationRegistry.create();
    final EventSpans spans = new EventSpans(observations);
    final Traceparents traceparents = new Traceparents(provider(tracer));
    final EventInbox inbox = mock(EventInbox.class);

    EventSpansTests() {
        observations
                .observationConfig()
                .observationHandler(new ObservationHandler.FirstMatchingCompositeObservationHandler(
                        new PropagatingReceiverTracingObservationHandler<>(tracer, propagator),
                        new DefaultTracingObservationHandler(tracer)));
    }

    @AfterEach
    void close() {
        provider.shutdown().join(5, TimeUnit.SECONDS);
    }

    @Test
    void aKafkaRecordIsHandledInAConsumerSpanThatIsTheChildOfTheEventsTraceparent() {
        AtomicReference<String> seenByHandler = new AtomicReference<>();
        when(inbox.receive(any()))
                .thenAnswer(call -> Mono.fromCallable(() -> {
                    seenByHandler.set(traceparents.current());
                    return EventInbox.Outcome.PROCESSED;
                }));

        consumer().receive(record(event(TRACEPARENT), 3, 41));

        assertThat(exportedOnceEnded(1)).hasSize(1);
        SpanData span = exported.getFirst();
        assertThat(span.getKind()).isEqualTo(SpanKind.CONSUMER);
        assertThat(span.getName()).isEqualTo("thaw.case.opened process");
        assertThat(span.getTraceId()).as("the producer's trace").isEqualTo(TRACE_ID);
        assertThat(span.getParentSpanId())
                .as("the child of the span that published the event")
                .isEqualTo(PRODUCER_SPAN);
        assertThat(span.getAttributes().asMap())
                .extractingFromEntries(entry -> entry.getKey().getKey() + "=" + entry.getValue())
                .contains(
                        "messaging.system=kafka",
                        "thaw.event.type=thaw.case.opened",
                        "messaging.message.id=event-1",
                        "messaging.destination.name=thaw.events.case-service",
                        "messaging.kafka.destination.partition=3",
                        "messaging.kafka.message.offset=41",
                        "thaw.tenant=acme");
        assertThat(seenByHandler.get())
                .as("the handlers run inside it, so the events they publish carry it on")
                .isEqualTo("00-" + TRACE_ID + "-" + span.getSpanId() + "-01");
    }

    @Test
    void eachRecordHasItsOwnSpanARetriedOneToo() {
        when(inbox.receive(any())).thenReturn(Mono.just(EventInbox.Outcome.PROCESSED));
        KafkaEventConsumer consumer = consumer();

        consumer.receive(record(event(TRACEPARENT), 0, 1));
        consumer.receive(record(event(TRACEPARENT), 0, 2));

        assertThat(exportedOnceEnded(2))
                .hasSize(2)
                .allSatisfy(span -> assertThat(span.getParentSpanId()).isEqualTo(PRODUCER_SPAN));
        assertThat(exported.get(0).getSpanId()).isNotEqualTo(exported.get(1).getSpanId());
    }

    @Test
    void aFailedHandlingMarksTheSpanAsAnError() {
        when(inbox.receive(any())).thenReturn(Mono.error(new IllegalStateException("store unavailable")));

        assertThatThrownBy(() -> consumer().receive(record(event(TRACEPARENT), 0, 7)))
                .isInstanceOf(KafkaEventConsumer.RetryableEventFailure.class);

        assertThat(exportedOnceEnded(1)).singleElement().satisfies(span -> {
            assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
            assertThat(span.getParentSpanId()).isEqualTo(PRODUCER_SPAN);
        });
    }

    @Test
    void anEventWithoutATraceparentStartsATraceOfItsOwn() {
        when(inbox.receive(any())).thenReturn(Mono.just(EventInbox.Outcome.PROCESSED));

        consumer().receive(record(event(null), 0, 1));

        assertThat(exportedOnceEnded(1)).singleElement().satisfies(span -> {
            assertThat(span.getTraceId()).isNotEqualTo(TRACE_ID);
            assertThat(span.getParentSpanContext().isValid()).as("a root").isFalse();
        });
    }

    @Test
    void anEventDeliveredOverHttpIsHandledInAConsumerSpanToo() {
        // As in a service (spring.reactor.context-propagation=auto): the span follows the handling across threads.
        Hooks.enableAutomaticContextPropagation();
        ObservationThreadLocalAccessor.getInstance().setObservationRegistry(observations);
        try {
            AtomicReference<String> seenByHandler = new AtomicReference<>();
            Mono<EventInbox.Outcome> handling = Mono.fromCallable(() -> {
                        seenByHandler.set(traceparents.current());
                        return EventInbox.Outcome.PROCESSED;
                    })
                    .subscribeOn(Schedulers.boundedElastic());

            assertThat(spans.around(event(TRACEPARENT), "http", Map.of(), handling)
                            .block(Duration.ofSeconds(5)))
                    .isEqualTo(EventInbox.Outcome.PROCESSED);

            assertThat(exportedOnceEnded(1)).singleElement().satisfies(span -> {
                assertThat(span.getKind()).isEqualTo(SpanKind.CONSUMER);
                assertThat(span.getParentSpanId()).isEqualTo(PRODUCER_SPAN);
                assertThat(span.getAttributes().asMap())
                        .extractingFromEntries(entry -> entry.getKey().getKey() + "=" + entry.getValue())
                        .contains("messaging.system=http");
                assertThat(seenByHandler.get()).isEqualTo("00-" + TRACE_ID + "-" + span.getSpanId() + "-01");
            });
        } finally {
            Hooks.disableAutomaticContextPropagation();
        }
    }

    /**
     * The spans exported once {@code count} have ended: a span ends as the handling's last signal passes,
     * which may be just after the caller has the outcome.
     */
    java.util.List<io.opentelemetry.sdk.trace.data.SpanData> exportedOnceEnded(int count) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> exported.size() >= count);
        return exported;
    }

    KafkaEventConsumer consumer() {
        return new KafkaEventConsumer(
                inbox,
                mock(ReactiveMongoTemplate.class),
                mock(KafkaTemplate.class),
                "case-service",
                "thaw.events.case-service",
                Duration.ofSeconds(5),
                Clock.systemUTC(),
                spans);
    }

    static ThawEvent event(String traceparent) {
        return new ThawEvent(
                "event-1",
                "identity-monitor",
                "thaw.case.opened",
                "case-1",
                Instant.parse("2026-12-07T05:00:00Z"),
                "acme",
                1L,
                traceparent,
                Map.of("caseId", "case-1"));
    }

    static ConsumerRecord<String, String> record(ThawEvent event, int partition, long offset) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>(
                "thaw.events.case-service",
                partition,
                offset,
                "acme|case-1",
                new String(
                        tools.jackson.databind.json.JsonMapper.builder()
                                .build()
                                .writeValueAsBytes(event.toCloudEvent()),
                        StandardCharsets.UTF_8));
        return record;
    }

    static ObjectProvider<io.micrometer.tracing.Tracer> provider(io.micrometer.tracing.Tracer tracer) {
        return new ObjectProvider<>() {
            @Override
            public io.micrometer.tracing.Tracer getObject() {
                return tracer;
            }

            @Override
            public io.micrometer.tracing.Tracer getObject(Object... args) {
                return tracer;
            }

            @Override
            public io.micrometer.tracing.Tracer getIfAvailable() {
                return tracer;
            }

            @Override
            public io.micrometer.tracing.Tracer getIfUnique() {
                return tracer;
            }
        };
    }
}
