package app.thaw.platform.tracing;

import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.micrometer.tracing.autoconfigure.TracingProperties;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.SpanExporters;
import org.springframework.context.annotation.Bean;

/**
 * Replaces Spring Boot's sampler (parent-based at {@code management.tracing.sampling.probability}) by
 * the same with errors kept ({@link ErrorsKeptSampler}), and adds the processor that exports the
 * failed spans of unsampled traces through the same exporters as every other span.
 */
@AutoConfiguration(before = OpenTelemetryTracingAutoConfiguration.class)
@ConditionalOnClass({Sampler.class, SpanExporters.class, TracingProperties.class})
@EnableConfigurationProperties(TracingProperties.class)
public class TracingAutoConfiguration {

    @Bean
    Sampler thawSampler(TracingProperties tracing) {
        return new ErrorsKeptSampler(tracing.getSampling().getProbability());
    }

    @Bean
    SpanProcessor errorSpansOfUnsampledTraces(SpanExporters exporters) {
        return new ErrorSpansOfUnsampledTraces(SpanExporter.composite(exporters.list()));
    }
}
