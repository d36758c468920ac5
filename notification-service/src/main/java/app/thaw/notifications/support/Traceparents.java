package app.thaw.notifications.support;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** The W3C traceparent of the current span, passed into the events this service publishes. */
@Component
public class Traceparents {

    private final @Nullable Tracer tracer;

    public Traceparents(ObjectProvider<Tracer> tracer) {
        this.tracer = tracer.getIfAvailable();
    }

    /** The current span's traceparent, else {@code fallback} (the consumed event's, so the work still joins its trace). */
    public @Nullable String current(@Nullable String fallback) {
        Span span = tracer == null ? null : tracer.currentSpan();
        if (span == null) {
            return fallback;
        }
        return "00-" + span.context().traceId() + "-" + span.context().spanId() + "-01";
    }
}
