package app.thaw.platform.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Errors are always kept: with a sampling ratio of 0 (no trace chosen), a request or event span that
 * ends in a server error is still exported, and nothing else of an unsampled trace is.
 */
class ErrorsKeptTracingTests {

    final List<SpanData> exported = new CopyOnWriteArrayList<>();
    final SdkTracerProvider provider = SdkTracerProvider.builder()
            .setSampler(new ErrorsKeptSampler(0.0))
            .addSpanProcessor(new ErrorSpansOfUnsampledTraces(new CollectingSpanExporter(exported)))
            .build();
    final Tracer tracer = provider.get("test");

    @AfterEach
    void close() {
        provider.shutdown().join(5, TimeUnit.SECONDS);
    }

    List<String> exportedNames() {
        provider.forceFlush().join(5, TimeUnit.SECONDS);
        return exported.stream().map(SpanData::getName).toList();
    }

    @Test
    void aRequestThatAnsweredAServerErrorIsExportedThoughItsTraceWasNotSampled() {
        Span failed =
                tracer.spanBuilder("GET /boom").setSpanKind(SpanKind.SERVER).startSpan();
        failed.setAttribute("outcome", "SERVER_ERROR").setAttribute("status", "500");
        failed.end();
        Span fine = tracer.spanBuilder("GET /fine").setSpanKind(SpanKind.SERVER).startSpan();
        fine.setAttribute("outcome", "SUCCESS").setAttribute("status", "200");
        fine.end();

        assertThat(exportedNames()).containsExactly("GET /boom");
        assertThat(exported.getFirst().getSpanContext().isSampled())
                .as("still marked unsampled")
                .isFalse();
    }

    @Test
    void theCallersMistakesAreNotErrorsOfThisProcess() {
        Span refused =
                tracer.spanBuilder("POST /cases").setSpanKind(SpanKind.SERVER).startSpan();
        refused.setAttribute("outcome", "CLIENT_ERROR").setAttribute("status", "400");
        refused.setStatus(StatusCode.ERROR, "validation_failed");
        refused.end();

        assertThat(exportedNames()).isEmpty();
    }

    @Test
    void aFailedEventHandlerIsExportedItsChildrenAreNotEvenRecorded() {
        Span handler = tracer.spanBuilder("thaw.case.opened")
                .setSpanKind(SpanKind.CONSUMER)
                .startSpan();
        Span child = tracer.spanBuilder("mongo insert")
                .setParent(Context.current().with(handler))
                .startSpan();
        assertThat(child.isRecording())
                .as("one recorded span per request, not a whole trace")
                .isFalse();
        child.setStatus(StatusCode.ERROR);
        child.end();
        handler.recordException(new IllegalStateException("store unavailable"));
        handler.setStatus(StatusCode.ERROR, "store unavailable");
        handler.end();

        assertThat(exportedNames()).containsExactly("thaw.case.opened");
    }

    @Test
    void aServerSpanWhoseCallerDidNotSampleIsKeptOnErrorInTheCallersTrace() {
        SpanContext caller = SpanContext.createFromRemoteParent(
                "4bf92f3577b34da6a3ce929d0e0e4736",
                "00f067aa0ba902b7",
                TraceFlags.getDefault(),
                TraceState.getDefault());
        Span failed = tracer.spanBuilder("GET /api/v1/cases/x")
                .setSpanKind(SpanKind.SERVER)
                .setParent(Context.root().with(Span.wrap(caller)))
                .startSpan();
        failed.setAttribute("outcome", "SERVER_ERROR");
        failed.end();

        assertThat(exportedNames()).containsExactly("GET /api/v1/cases/x");
        assertThat(exported.getFirst().getTraceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    }

    @Test
    void sampledTracesAreLeftToTheRegularExportAndInternalSpansAreNotRecorded() {
        SdkTracerProvider all = SdkTracerProvider.builder()
                .setSampler(new ErrorsKeptSampler(1.0))
                .addSpanProcessor(new ErrorSpansOfUnsampledTraces(new CollectingSpanExporter(exported)))
                .build();
        Span sampled = all.get("test")
                .spanBuilder("GET /boom")
                .setSpanKind(SpanKind.SERVER)
                .startSpan();
        assertThat(sampled.getSpanContext().isSampled()).isTrue();
        sampled.setAttribute("outcome", "SERVER_ERROR");
        sampled.end();
        all.forceFlush().join(5, TimeUnit.SECONDS);
        all.shutdown().join(5, TimeUnit.SECONDS);
        assertThat(exported).as("not exported twice").isEmpty();

        assertThat(tracer.spanBuilder("scheduled pass").startSpan().isRecording())
                .isFalse();
    }
}
