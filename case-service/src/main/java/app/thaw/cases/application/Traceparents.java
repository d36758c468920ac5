package app.thaw.cases.application;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;

/** The current W3C traceparent, so a consumer's work joins the trace that changed the case. */
public class Traceparents {

    private final ObjectProvider<Tracer> tracer;

    public Traceparents(ObjectProvider<Tracer> tracer) {
        this.tracer = tracer;
    }

    public @Nullable String current() {
        Tracer t = tracer.getIfAvailable();
        Span span = t == null ? null : t.currentSpan();
        if (span == null) {
            return null;
        }
        return "00-" + span.context().traceId() + "-" + span.context().spanId() + "-"
                + (Boolean.TRUE.equals(span.context().sampled()) ? "01" : "00");
    }
}
