package app.thaw.platform.events;

import java.net.URI;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * POSTs each event as a structured CloudEvent to the subscriber's {@code /internal/events}, with
 * the service's token and the event's trace context. A 2xx means the subscriber stored the effect;
 * 408, 409, 425, 429 and 5xx, timeouts and connection errors are worth retrying; any other 4xx is
 * final. 409 is a conflict with a concurrent change of the same thing at the subscriber: the
 * next attempt reads the new state and succeeds, so it must not end as a dead letter.
 */
public class HttpEventTransport implements EventTransport {

    static final MediaType CLOUD_EVENTS_JSON = MediaType.parseMediaType("application/cloudevents+json");

    private final WebClient web;
    private final ServiceTokens tokens;
    private final Duration timeout;

    public HttpEventTransport(WebClient web, ServiceTokens tokens, Duration timeout) {
        this.web = web;
        this.tokens = tokens;
        this.timeout = timeout;
    }

    @Override
    public Mono<Delivery> deliver(String subscriber, @Nullable URI url, ThawEvent event) {
        if (url == null) {
            return Mono.just(new Delivery(Outcome.REJECTED, "subscription " + subscriber + " has no url"));
        }
        return tokens.token()
                .flatMap(token -> web.post()
                        .uri(url)
                        .contentType(CLOUD_EVENTS_JSON)
                        .headers(headers -> {
                            headers.setBearerAuth(token);
                            if (event.traceparent() != null) {
                                headers.set("traceparent", event.traceparent());
                            }
                        })
                        .bodyValue(event.toCloudEvent())
                        .exchangeToMono(response -> response.releaseBody()
                                .thenReturn(classify(
                                        response.statusCode().value(),
                                        response.headers().asHttpHeaders()))))
                .timeout(timeout)
                .onErrorResume(failure -> Mono.just(
                        new Delivery(Outcome.RETRY, failure.getClass().getSimpleName() + ": " + failure.getMessage())));
    }

    static Delivery classify(int status, HttpHeaders headers) {
        if (status >= 200 && status < 300) {
            return Delivery.delivered(status);
        }
        boolean worthRetrying = status >= 500 || status == 408 || status == 409 || status == 425 || status == 429;
        return new Delivery(worthRetrying ? Outcome.RETRY : Outcome.REJECTED, "HTTP " + status);
    }
}
