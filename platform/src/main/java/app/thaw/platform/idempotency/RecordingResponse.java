package app.thaw.platform.idempotency;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The response of the request that holds a key. Before the first byte leaves, it hands the status,
 * headers and body to a {@link Settlement}, which records them for replay or releases the key; so a
 * client that has received a response always finds it recorded when it retries. It holds at most
 * {@code maxStored} bytes (plus one buffer) in memory: a larger body streams on unrecorded.
 */
final class RecordingResponse extends ServerHttpResponseDecorator {

    private static final byte[] EMPTY = new byte[0];

    private final int maxStored;
    private final Settlement settlement;
    private final AtomicBoolean settled = new AtomicBoolean();

    RecordingResponse(ServerHttpResponse delegate, int maxStored, Settlement settlement) {
        super(delegate);
        this.maxStored = maxStored;
        this.settlement = settlement;
    }

    @Override
    public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
        Flux<DataBuffer> recorded = Flux.defer(() -> {
            AtomicLong held = new AtomicLong();
            return Flux.<DataBuffer>from(body)
                    // The first list holds the whole body if it fits, else everything up to the buffer that overflows.
                    .bufferUntil(buffer -> held.addAndGet(buffer.readableByteCount()) > maxStored)
                    .index()
                    .concatMap(numbered -> numbered.getT1() > 0
                            ? Flux.fromIterable(numbered.getT2())
                            : settle(copyIfFits(numbered.getT2())).thenMany(Flux.fromIterable(numbered.getT2())))
                    .switchIfEmpty(Flux.defer(() -> settle(EMPTY).thenMany(Flux.empty())))
                    .doOnDiscard(DataBuffer.class, DataBufferUtils::release);
        });
        return super.writeWith(recorded);
    }

    /** A streamed answer (server-sent events) is not kept; its status is, so a retry learns it was done. */
    @Override
    public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
        return settle(null).then(super.writeAndFlushWith(body));
    }

    @Override
    public Mono<Void> setComplete() {
        return settle(EMPTY).then(super.setComplete());
    }

    /** For a handler that completed without writing through this response (its status is still set). */
    Mono<Void> settleIfSilent() {
        return settle(EMPTY);
    }

    private Mono<Void> settle(byte @Nullable [] body) {
        return Mono.defer(() -> settled.compareAndSet(false, true)
                ? settlement.settle(statusOrOk(), getHeaders(), body)
                : Mono.empty());
    }

    private HttpStatusCode statusOrOk() {
        HttpStatusCode status = getStatusCode();
        return status != null ? status : HttpStatus.OK;
    }

    private byte @Nullable [] copyIfFits(List<DataBuffer> buffers) {
        int total = 0;
        for (DataBuffer buffer : buffers) {
            total += buffer.readableByteCount();
        }
        if (total > maxStored) {
            return null;
        }
        byte[] copy = new byte[total];
        ByteBuffer target = ByteBuffer.wrap(copy);
        int offset = 0;
        for (DataBuffer buffer : buffers) {
            int length = buffer.readableByteCount();
            // Copies without moving the read position: the same buffers are then written out.
            buffer.toByteBuffer(buffer.readPosition(), target, offset, length);
            offset += length;
        }
        return copy;
    }

    /** Decides what the first response means for the key; never fails, so the response always goes out. */
    @FunctionalInterface
    interface Settlement {
        Mono<Void> settle(HttpStatusCode status, HttpHeaders headers, byte @Nullable [] body);
    }
}
