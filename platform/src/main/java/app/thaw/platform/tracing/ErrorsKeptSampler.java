package app.thaw.platform.tracing;

import java.util.List;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingDecision;
import io.opentelemetry.sdk.trace.samplers.SamplingResult;

/**
 * Parent-based sampling at a ratio (a trace that arrives follows its caller's decision; a trace that
 * starts here is kept with the given probability), except that a request's or an event's own span
 * — {@link SpanKind#SERVER} or {@link SpanKind#CONSUMER} — that is not sampled is still
 * <em>recorded</em> (never exported as such, and its trace context still says "not sampled"), so
 * {@link ErrorSpansOfUnsampledTraces} can export it if it ends in a server error. Its children stay
 * unrecorded: the cost is one recorded span per request, not a whole trace.
 */
public final class ErrorsKeptSampler implements Sampler {

    private final Sampler sampled;
    private final double probability;

    public ErrorsKeptSampler(double probability) {
        this.probability = probability;
        this.sampled = Sampler.parentBased(Sampler.traceIdRatioBased(probability));
    }

    @Override
    public SamplingResult shouldSample(
            Context parentContext,
            String traceId,
            String name,
            SpanKind spanKind,
            Attributes attributes,
            List<LinkData> parentLinks) {
        SamplingResult result = sampled.shouldSample(parentContext, traceId, name, spanKind, attributes, parentLinks);
        if (result.getDecision() == SamplingDecision.DROP
                && (spanKind == SpanKind.SERVER || spanKind == SpanKind.CONSUMER)) {
            return SamplingResult.recordOnly();
        }
        return result;
    }

    @Override
    public String getDescription() {
        return "ErrorsKept{parentBased(ratio " + probability + ") + unsampled server and consumer spans recorded}";
    }
}
