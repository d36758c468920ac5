package app.thaw.evidence.content;

import java.nio.ByteBuffer;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Evidence content, by blob id. Writes stream and leave nothing behind when they fail, are
 * cancelled or die with their JVM; reads come in bounded windows of chunks. Content is never
 * overwritten: a blob is written once and may be deleted.
 */
public interface BlobStore {

    /** The GridFS bucket, and its collections (named for tests and operators). */
    String BUCKET = "blobs";

    String CHUNKS = BUCKET + ".chunks";
    String FILES = BUCKET + ".files";

    /** A fresh blob id, to name a blob before its content is written. */
    String newId();

    /** The chunk size new blobs are written with. */
    int chunkSize();

    /** Streams {@code content} into a new blob {@code id}; on any failure or cancellation nothing of it stays. */
    Mono<Void> write(String id, String fileName, Flux<ByteBuffer> content);

    /** Deletes a stored blob, chunks and all. */
    Mono<Void> delete(String blobId);

    /** Removes what is left of uploads that failed or never finished; answers how many. */
    Mono<Long> reapAbandoned();

    /** Bytes {@code start} to {@code endInclusive} of the blob. */
    Flux<DataBuffer> read(String blobId, long start, long endInclusive, DataBufferFactory buffers);

    /** The stored length and chunk size of a blob; empty when it does not exist. */
    Mono<BlobInfo> info(String blobId);

    /** The SHA-256 of the content as stored now; empty when the blob is gone. */
    Mono<String> sha256(String blobId, DataBufferFactory buffers);

    /** A stored blob's length and the chunk size it was written with. */
    record BlobInfo(long length, int chunkSize) {}
}
