package app.thaw.gateway.routing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.TracingObservationHandler;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Passes the trace on to the service: the request to the service carries the gateway's own server span
 * as its W3C parent (replacing whatever trace headers the caller sent, which the gateway's span already
 * continues), so caller → gateway → service is one trace.
 *
 * <p>Spring Cloud Gateway can do this with its own observation of the call to the service
 * ({@code spring.cloud.gateway.server.webflux.observability}, off in application.yml): a second span and a
 * second timer on every proxied call, whose timer could not even be registered (its tags clash with
 * WebClient's {@code http.client.requests}) — 6–8 % of the gateway's CPU per call for a span that only
 * repeated the server span's timing (docs/benchmarks/gateway.md). The service's own server span times the
 * service; the gateway's server span times the whole call.
 */
@Component
public class TraceContextRelay implements HttpHeadersFilter {

    private final Propagator propagator;

    public TraceContextRelay(Propagator propagator) {
        this.propagator = propagator;
    }

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        Span span = ServerRequestObservationContext.findCurrent(exchange.getAttributes())
                .map(context -> context.<TracingObservationHandler.TracingContext>get(
                        TracingObservationHandler.TracingContext.class))
                .map(TracingObservationHandler.TracingContext::getSpan)
                .orElse(null);
        if (span == null) {
            return input; // no trace here (tracing off): the caller's headers, if any, pass as they came
        }
        HttpHeaders relayed = HttpHeaders.copyOf(input);
        propagator.fields().forEach(relayed::remove);
        propagator.inject(span.context(), relayed, HttpHeaders::set);
        return relayed;
    }
}
