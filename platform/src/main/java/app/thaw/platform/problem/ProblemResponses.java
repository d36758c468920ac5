package app.thaw.platform.problem;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.result.view.ViewResolver;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Writes a problem document as the response, through the application's own JSON codecs. The
 * one way Thaw answers an error: used by the exception handler, by the security entry points and
 * by the gateway's rate limiter and fallbacks.
 */
public class ProblemResponses {

    private final ServerResponse.Context context;

    public ProblemResponses(ServerCodecConfigurer codecs) {
        List<HttpMessageWriter<?>> writers = codecs.getWriters();
        this.context = new ServerResponse.Context() {
            @Override
            public List<HttpMessageWriter<?>> messageWriters() {
                return writers;
            }

            @Override
            public List<ViewResolver> viewResolvers() {
                return List.of();
            }
        };
    }

    public Mono<Void> write(ServerWebExchange exchange, ProblemDetail problem) {
        return write(exchange, problem, headers -> {});
    }

    public Mono<Void> write(ServerWebExchange exchange, ProblemDetail problem, Consumer<HttpHeaders> headers) {
        Problems.stamp(problem, exchange.getRequest().getPath().value(), TraceIds.of(exchange));
        return ServerResponse.status(HttpStatusCode.valueOf(problem.getStatus()))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .headers(headers)
                .bodyValue(problem)
                .flatMap(response -> response.writeTo(exchange, context));
    }

    /** {@code Retry-After} in whole seconds, at least one. */
    public static Consumer<HttpHeaders> retryAfter(@Nullable Duration wait) {
        return headers -> {
            if (wait != null) {
                headers.set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, (wait.toMillis() + 999) / 1000)));
            }
        };
    }
}
