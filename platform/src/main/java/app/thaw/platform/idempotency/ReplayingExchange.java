package app.thaw.platform.idempotency;

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import org.springframework.core.ResolvableType;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.MediaType;
import org.springframework.http.codec.HttpMessageReader;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.http.codec.multipart.Part;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebExchangeDecorator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The exchange the handler of a keyed request sees: its body, already read once for the
 * fingerprint, served again from memory; and its response recorded. Form and multipart data are
 * parsed from that copy too, because the original exchange would parse the original body, which
 * can be read only once.
 */
final class ReplayingExchange extends ServerWebExchangeDecorator {

    private static final ResolvableType FORM_DATA =
            ResolvableType.forClassWithGenerics(MultiValueMap.class, String.class, String.class);
    private static final ResolvableType MULTIPART_DATA =
            ResolvableType.forClassWithGenerics(MultiValueMap.class, String.class, Part.class);

    private final ServerHttpRequest request;
    private final RecordingResponse response;
    private final Mono<MultiValueMap<String, String>> formData;
    private final Mono<MultiValueMap<String, Part>> multipartData;
    private final AtomicBoolean multipartRead = new AtomicBoolean();

    ReplayingExchange(
            ServerWebExchange exchange, byte[] body, RecordingResponse response, ServerCodecConfigurer codecs) {
        super(exchange);
        this.request = new ServerHttpRequestDecorator(exchange.getRequest()) {
            @Override
            public Flux<DataBuffer> getBody() {
                return body.length == 0
                        ? Flux.empty()
                        : Flux.defer(() -> Flux.just(response.bufferFactory().wrap(body)));
            }
        };
        this.response = response;
        this.formData = read(codecs, MediaType.APPLICATION_FORM_URLENCODED, FORM_DATA);
        this.multipartData = Mono.defer(() -> {
                    multipartRead.set(true);
                    return this.<Part>read(codecs, MediaType.MULTIPART_FORM_DATA, MULTIPART_DATA);
                })
                .cache();
    }

    @Override
    public ServerHttpRequest getRequest() {
        return request;
    }

    @Override
    public RecordingResponse getResponse() {
        return response;
    }

    @Override
    public Mono<MultiValueMap<String, String>> getFormData() {
        return formData;
    }

    @Override
    public Mono<MultiValueMap<String, Part>> getMultipartData() {
        return multipartData;
    }

    /** Deletes the parts parsed here (possibly spilled to temporary files); the framework cleans only the original's. */
    @Override
    public Mono<Void> cleanupMultipart() {
        return Mono.defer(() -> !multipartRead.get()
                ? Mono.empty()
                : multipartData
                        .onErrorComplete()
                        .flatMapIterable(Map::values)
                        .flatMapIterable(Function.identity())
                        .flatMap(part -> part.delete().onErrorComplete())
                        .then());
    }

    @SuppressWarnings("unchecked")
    private <T> Mono<MultiValueMap<String, T>> read(
            ServerCodecConfigurer codecs, MediaType mediaType, ResolvableType type) {
        MediaType contentType = request.getHeaders().getContentType();
        if (contentType == null || !contentType.isCompatibleWith(mediaType)) {
            return Mono.just(new LinkedMultiValueMap<>());
        }
        return codecs.getReaders().stream()
                .filter(reader -> reader.canRead(type, mediaType))
                .findFirst()
                .map(reader -> ((HttpMessageReader<MultiValueMap<String, T>>) reader)
                        .readMono(type, request, Map.of())
                        .switchIfEmpty(Mono.fromSupplier(LinkedMultiValueMap::new))
                        .cache())
                .orElseGet(() -> Mono.error(new IllegalStateException("No reader for " + mediaType)));
    }
}
