package app.thaw.evidence.upload;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import app.thaw.evidence.domain.CustodyChain;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One upload passing through: every buffer is counted and hashed as it goes by, the first bytes
 * are held back until the type is known, and the stream fails the moment it passes the size
 * limit. Belongs to one request; its state is touched only by that request's serial signals.
 */
final class StreamingUpload {

    private final long maxBytes;
    private final int sniffBytes;
    private final ContentInspector inspector;
    private final String fileName;
    private final @Nullable String declaredType;
    private final MessageDigest digest = CustodyChain.sha256();
    private final ByteArrayOutputStream prefix = new ByteArrayOutputStream();
    private final List<ByteBuffer> held = new ArrayList<>();
    private long size;
    private @Nullable String contentType;

    StreamingUpload(long maxBytes, int sniffBytes, ContentInspector inspector, String fileName, @Nullable String declaredType) {
        this.maxBytes = maxBytes;
        this.sniffBytes = sniffBytes;
        this.inspector = inspector;
        this.fileName = fileName;
        this.declaredType = declaredType;
    }

    /** The body as the store should receive it: checked, hashed, counted. */
    Flux<ByteBuffer> pipe(Flux<DataBuffer> body) {
        return body.concatMapIterable(this::accept).concatWith(Flux.defer(() -> Flux.fromIterable(finish())));
    }

    private List<ByteBuffer> accept(DataBuffer buffer) {
        try {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            size += bytes.length;
            if (size > maxBytes) {
                throw new EvidenceTooLarge(maxBytes);
            }
            digest.update(bytes);
            ByteBuffer copy = ByteBuffer.wrap(bytes);
            if (contentType != null) {
                return List.of(copy);
            }
            held.add(copy);
            prefix.write(bytes, 0, Math.min(bytes.length, sniffBytes - prefix.size()));
            if (prefix.size() < sniffBytes) {
                return List.of();
            }
            return release();
        } finally {
            DataBufferUtils.release(buffer);
        }
    }

    private List<ByteBuffer> finish() {
        return contentType == null ? release() : List.of();
    }

    private List<ByteBuffer> release() {
        contentType = inspector.inspect(prefix.toByteArray(), fileName, declaredType);
        List<ByteBuffer> out = List.copyOf(held);
        held.clear();
        return out;
    }

    /** The outcome, once the stream completed. */
    Mono<Result> result() {
        return Mono.fromSupplier(() -> new Result(HexFormat.of().formatHex(digest.digest()), size,
                contentType == null ? "application/octet-stream" : contentType));
    }

    record Result(String sha256, long size, String contentType) {
    }
}
