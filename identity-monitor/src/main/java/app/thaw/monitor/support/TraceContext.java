package app.thaw.monitor.support;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** The W3C traceparent of the current span, so an event's consumer joins the trace that caused it. */
@Component
public class TraceContext {

    private final @Nullable Tracer tracer;

    TraceContext(ObjectProvider<Tracer> tracer) {
        this.tracer = tracer.getIfAvailable();
    }

    public @Nullable String traceparent() {
        Span span = tracer == null ? null : tracer.currentSpan();
        if (span == null) {
            return null;
        }
        return "00-" + span.context().traceId() + "-" + span.context().spanId() + "-"
                + (Boolean.TRUE.equals(span.context().sampled()) ? "01" : "00");
    }
}
