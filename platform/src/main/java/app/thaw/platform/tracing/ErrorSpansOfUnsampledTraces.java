package app.thaw.platform.tracing;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;

/**
 * Exports the recorded-but-unsampled spans of {@link ErrorsKeptSampler} that ended in a server error:
 * a 5xx answer ({@code outcome=SERVER_ERROR}, Micrometer's HTTP server convention) or an error status
 * that is not the caller's fault (a failed event handler, an exception). Everything else unsampled is
 * dropped here before any queue; sampled spans are not this processor's business (Spring Boot's
 * batch processor exports them).
 */
public final class ErrorSpansOfUnsampledTraces implements SpanProcessor {

    static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("outcome");

    private final SpanProcessor export;

    public ErrorSpansOfUnsampledTraces(SpanExporter exporter) {
        this.export = BatchSpanProcessor.builder(exporter)
                .setExportUnsampledSpans(true)
                .build();
    }

    @Override
    public boolean isStartRequired() {
        return false;
    }

    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {}

    @Override
    public boolean isEndRequired() {
        return true;
    }

    @Override
    public void onEnd(ReadableSpan span) {
        if (!span.getSpanContext().isSampled() && failed(span)) {
            export.onEnd(span);
        }
    }

    static boolean failed(ReadableSpan span) {
        String outcome = span.getAttribute(OUTCOME);
        if ("SERVER_ERROR".equals(outcome)) {
            return true;
        }
        if (outcome != null) {
            // An HTTP answer other than 5xx — a 4xx is the caller's, not an error of this process.
            return false;
        }
        return span.toSpanData().getStatus().getStatusCode() == StatusCode.ERROR;
    }

    @Override
    public CompletableResultCode forceFlush() {
        return export.forceFlush();
    }

    @Override
    public CompletableResultCode shutdown() {
        return export.shutdown();
    }
}
