package app.thaw.gateway.limits;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import app.thaw.platform.problem.ThawProblem;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refuses request bodies over {@code thaw.gateway.limits.max-request-size} with 413: at once when
 * {@code Content-Length} says so, or as soon as a chunked body passes the limit. Streaming paths
 * (evidence uploads) are exempt; their service enforces its own per-tenant limit.
 */
@Component
class RequestSizeLimit implements GlobalFilter, Ordered {

    private final long maxBytes;
    private final List<PathPattern> streamingPaths;

    RequestSizeLimit(LimitProperties limits) {
        this.maxBytes = limits.maxRequestSize().toBytes();
        this.streamingPaths = limits.streamingPaths().stream()
                .map(PathPatternParser.defaultInstance::parse)
                .toList();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        PathContainer path = request.getPath().pathWithinApplication();
        if (streamingPaths.stream().anyMatch(pattern -> pattern.matches(path))) {
            return chain.filter(exchange);
        }
        long declared = request.getHeaders().getContentLength();
        if (declared > maxBytes) {
            return Mono.error(tooLarge());
        }
        if (declared >= 0) {
            return chain.filter(exchange);
        }
        ServerHttpRequest counted = new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                AtomicLong seen = new AtomicLong();
                return super.getBody().handle((buffer, sink) -> {
                    if (seen.addAndGet(buffer.readableByteCount()) > maxBytes) {
                        DataBufferUtils.release(buffer);
                        sink.error(tooLarge());
                    } else {
                        sink.next(buffer);
                    }
                });
            }
        };
        return chain.filter(exchange.mutate().request(counted).build());
    }

    private ThawProblem tooLarge() {
        return new ThawProblem(
                HttpStatus.CONTENT_TOO_LARGE,
                "payload_too_large",
                "The request body is larger than the " + (maxBytes / 1024) + " KiB the API accepts.");
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 5;
    }
}
