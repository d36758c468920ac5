package app.thaw.evidence.upload;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import app.thaw.evidence.custody.CustodyChain;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One upload passing through: every buffer is counted and hashed as it goes by and copied into
 * whole store chunks (the network delivers small buffers; the store writes 1 MiB chunks fastest,
 * so one chunk in memory at a time). Nothing is emitted until the first bytes have decided the
 * type, and the stream fails the moment it passes the size limit. Belongs to one request; its
 * state is touched only by that request's serial signals.
 */
final class StreamingUpload {

    private final long maxBytes;
    private final int sniffBytes;
    private final int chunkSize;
    private final ContentInspector inspector;
    private final String fileName;
    private final @Nullable String declaredType;
    private final MessageDigest digest = CustodyChain.sha256();
    private byte[] pending;
    private int pendingLength;
    private long size;
    private @Nullable String contentType;

    StreamingUpload(
            long maxBytes,
            int sniffBytes,
            int chunkSize,
            ContentInspector inspector,
            String fileName,
            @Nullable String declaredType) {
        this.maxBytes = maxBytes;
        this.sniffBytes = Math.min(sniffBytes, chunkSize);
        this.chunkSize = chunkSize;
        this.inspector = inspector;
        this.fileName = fileName;
        this.declaredType = declaredType;
        this.pending = new byte[chunkSize];
    }

    /** The body as the store should receive it: checked, hashed, counted, in whole chunks. */
    Flux<ByteBuffer> pipe(Flux<DataBuffer> body) {
        return body.concatMapIterable(this::accept).concatWith(Flux.defer(() -> Flux.fromIterable(finish())));
    }

    private List<ByteBuffer> accept(DataBuffer buffer) {
        try {
            int readable = buffer.readableByteCount();
            size += readable;
            if (size > maxBytes) {
                throw new EvidenceTooLarge(maxBytes);
            }
            List<ByteBuffer> full = new ArrayList<>(1);
            while (buffer.readableByteCount() > 0) {
                int take = Math.min(buffer.readableByteCount(), chunkSize - pendingLength);
                buffer.read(pending, pendingLength, take);
                digest.update(pending, pendingLength, take);
                pendingLength += take;
                if (contentType == null && pendingLength >= sniffBytes) {
                    decideType();
                }
                if (pendingLength == chunkSize) {
                    full.add(ByteBuffer.wrap(pending));
                    pending = new byte[chunkSize];
                    pendingLength = 0;
                }
            }
            return full;
        } finally {
            DataBufferUtils.release(buffer);
        }
    }

    private List<ByteBuffer> finish() {
        if (contentType == null) {
            decideType();
        }
        return pendingLength == 0 ? List.of() : List.of(ByteBuffer.wrap(pending, 0, pendingLength));
    }

    private void decideType() {
        contentType =
                inspector.inspect(Arrays.copyOf(pending, Math.min(pendingLength, sniffBytes)), fileName, declaredType);
    }

    /** The outcome, once the stream completed. */
    Mono<Result> result() {
        return Mono.fromSupplier(() -> new Result(
                HexFormat.of().formatHex(digest.digest()),
                size,
                contentType == null ? "application/octet-stream" : contentType));
    }

    record Result(String sha256, long size, String contentType) {}
}
