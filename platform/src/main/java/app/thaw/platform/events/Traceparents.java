package app.thaw.platform.events;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The W3C {@code traceparent} of the current span, stamped on the events a service publishes so
 * the consumer's work joins the trace that caused it. One implementation for every service.
 */
public class Traceparents {

    /** The W3C Trace Context header (and CloudEvents extension) that carries it. */
    public static final String HEADER = "traceparent";

    private final ObjectProvider<Tracer> tracer;

    public Traceparents(ObjectProvider<Tracer> tracer) {
        this.tracer = tracer;
    }

    /** The current span's traceparent, or null outside any span. */
    public @Nullable String current() {
        return currentOr(null);
    }

    /** The current span's traceparent, else {@code fallback} (e.g. the consumed event's, so the work still joins its trace). */
    public @Nullable String currentOr(@Nullable String fallback) {
        Tracer current = tracer.getIfAvailable();
        Span span = current == null ? null : current.currentSpan();
        if (span == null) {
            return fallback;
        }
        return "00-" + span.context().traceId() + "-" + span.context().spanId() + "-"
                + (Boolean.FALSE.equals(span.context().sampled()) ? "00" : "01");
    }
}
