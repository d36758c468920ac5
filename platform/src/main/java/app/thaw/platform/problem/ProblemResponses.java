package app.thaw.platform.problem;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.springframework.core.ResolvableType;
import org.springframework.core.codec.Encoder;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.EncoderHttpMessageWriter;
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

    private static final ResolvableType PROBLEM = ResolvableType.forClass(ProblemDetail.class);

    private final ServerResponse.Context context;
    private final Encoder<Object> problemEncoder;

    @SuppressWarnings("unchecked")
    public ProblemResponses(ServerCodecConfigurer codecs) {
        List<HttpMessageWriter<?>> writers = codecs.getWriters();
        this.problemEncoder = writers.stream()
                .filter(EncoderHttpMessageWriter.class::isInstance)
                .map(writer -> (EncoderHttpMessageWriter<?>) writer)
                .filter(writer -> writer.canWrite(PROBLEM, MediaType.APPLICATION_PROBLEM_JSON))
                .map(writer -> (Encoder<Object>) writer.getEncoder())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no codec writes application/problem+json"));
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

    /**
     * The problem document as the bytes the application's own codecs write, for a writer below WebFlux
     * (the gateway's data plane answers on Reactor Netty directly): the same JSON as {@link #write}.
     */
    public byte[] encode(ProblemDetail problem, String path, @Nullable String traceId) {
        Problems.stamp(problem, path, traceId);
        DataBuffer buffer = problemEncoder.encodeValue(
                problem,
                DefaultDataBufferFactory.sharedInstance,
                PROBLEM,
                MediaType.APPLICATION_PROBLEM_JSON,
                Map.of());
        byte[] bytes = new byte[buffer.readableByteCount()];
        buffer.read(bytes);
        DataBufferUtils.release(buffer);
        return bytes;
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
