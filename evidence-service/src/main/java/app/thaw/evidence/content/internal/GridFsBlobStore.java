package app.thaw.evidence.content.internal;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Date;
import java.util.HexFormat;

import app.thaw.evidence.content.BlobStore;
import app.thaw.evidence.content.UploadProperties;
import app.thaw.platform.store.IndexedStore;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import com.mongodb.reactivestreams.client.gridfs.GridFSBucket;
import com.mongodb.reactivestreams.client.gridfs.GridFSBuckets;
import org.bson.BsonObjectId;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.ReactiveMongoDatabaseFactory;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Evidence content in GridFS (bucket {@value #BUCKET}). Writes stream through the driver's GridFS
 * upload with the file's id chosen up front and an {@code uploads} marker, so an upload that fails,
 * is cancelled or dies with its JVM leaves no chunk behind: the failure path removes the chunks at
 * once, and the reaper removes those of markers older than {@code abandoned-after}. Reads ask for
 * chunks by number in bounded windows, never for a whole large file in one reply (the embedded
 * store answers a query in one unbatched message).
 */
@Component
class GridFsBlobStore implements BlobStore, IndexedStore {

    static final String UPLOADS = "uploads";
    private static final Logger log = LoggerFactory.getLogger(GridFsBlobStore.class);

    private final ReactiveMongoTemplate mongo;
    private final Mono<GridFSBucket> bucket;
    private final UploadProperties settings;
    private final Clock clock;

    GridFsBlobStore(
            ReactiveMongoTemplate mongo,
            ReactiveMongoDatabaseFactory databases,
            UploadProperties settings,
            Clock clock) {
        this.mongo = mongo;
        this.settings = settings;
        this.clock = clock;
        this.bucket = databases
                .getMongoDatabase()
                .map(database -> GridFSBuckets.create(database, BUCKET).withChunkSizeBytes(chunkSize()))
                .cache();
    }

    @Override
    public String newId() {
        return new ObjectId().toHexString();
    }

    @Override
    public int chunkSize() {
        return (int) settings.chunkSize().toBytes();
    }

    /** Streams {@code content} into a new blob; on any failure or cancellation nothing of it stays. */
    @Override
    public Mono<Void> write(String blobId, String fileName, Flux<ByteBuffer> content) {
        ObjectId id = new ObjectId(blobId);
        Mono<Void> upload = bucket.flatMap(gridFs -> Mono.from(gridFs.uploadFromPublisher(
                        new BsonObjectId(id), fileName, content, new GridFSUploadOptions().chunkSizeBytes(chunkSize())))
                .then());
        return mongo.insert(new Document("_id", id).append("startedAt", Date.from(clock.instant())), UPLOADS)
                .then(upload)
                .then(mongo.remove(Query.query(Criteria.where("_id").is(id)), UPLOADS)
                        .then())
                .onErrorResume(failure -> removeChunks(id).then(Mono.error(failure)))
                // A cancelled upload (the client went away) is cleaned without anyone waiting for it;
                // a chunk write still in flight is caught by the reaper through the marker.
                .doOnCancel(() -> removeChunks(id)
                        .subscribe(
                                null,
                                failure -> log.warn(
                                        "Could not remove the chunks of cancelled upload {}; the reaper will",
                                        id,
                                        failure)));
    }

    /**
     * Removes what a failed upload wrote, and marks its marker aborted rather than deleting it: a
     * chunk write still in flight may land after this, and the reaper's next pass removes it.
     */
    private Mono<Void> removeChunks(ObjectId id) {
        return mongo.remove(Query.query(Criteria.where("files_id").is(id)), CHUNKS)
                .then(mongo.remove(Query.query(Criteria.where("_id").is(id)), FILES))
                .then(mongo.updateFirst(
                        Query.query(Criteria.where("_id").is(id)),
                        new Update().set("abortedAt", Date.from(clock.instant())),
                        UPLOADS))
                .then();
    }

    private Mono<Void> reap(ObjectId id) {
        return mongo.remove(Query.query(Criteria.where("files_id").is(id)), CHUNKS)
                .then(mongo.remove(Query.query(Criteria.where("_id").is(id)), FILES))
                .then(mongo.remove(Query.query(Criteria.where("_id").is(id)), UPLOADS))
                .then();
    }

    /** Deletes a stored blob, chunks and all. */
    @Override
    public Mono<Void> delete(String blobId) {
        ObjectId id = new ObjectId(blobId);
        return mongo.remove(Query.query(Criteria.where("files_id").is(id)), CHUNKS)
                .then(mongo.remove(Query.query(Criteria.where("_id").is(id)), FILES))
                .then();
    }

    /**
     * Removes whatever is left of uploads that failed (a late chunk write) or never finished (their
     * JVM died mid-stream), then their markers.
     */
    @Override
    public Mono<Long> reapAbandoned() {
        Date before = Date.from(clock.instant().minus(settings.abandonedAfter()));
        // An aborted upload is reaped after a grace period, by which time any chunk write that was in
        // flight when it was cancelled has landed.
        Date abortedBefore = Date.from(clock.instant().minus(settings.abortGrace()));
        Query leftovers = Query.query(new Criteria()
                        .orOperator(
                                Criteria.where("abortedAt").lt(abortedBefore),
                                Criteria.where("startedAt").lt(before)))
                .limit(100);
        return mongo.find(leftovers, Document.class, UPLOADS)
                .concatMap(marker -> reap(marker.getObjectId("_id")).thenReturn(1L))
                .reduce(0L, Long::sum);
    }

    /** Bytes {@code start} to {@code endInclusive} of the blob, read {@code download-window} chunks at a time. */
    @Override
    public Flux<DataBuffer> read(String blobId, long start, long endInclusive, DataBufferFactory buffers) {
        ObjectId id = new ObjectId(blobId);
        return info(blobId).flatMapMany(info -> {
            int size = info.chunkSize();
            long firstChunk = start / size;
            long lastChunk = endInclusive / size;
            int window = Math.max(1, settings.downloadWindow());
            return Flux.range(0, (int) ((lastChunk - firstChunk) / window + 1))
                    .concatMap(
                            step -> {
                                long from = firstChunk + (long) step * window;
                                long to = Math.min(lastChunk, from + window - 1);
                                return mongo.find(
                                        Query.query(Criteria.where("files_id")
                                                        .is(id)
                                                        .and("n")
                                                        .gte((int) from)
                                                        .lte((int) to))
                                                .with(Sort.by("n")),
                                        Document.class,
                                        CHUNKS);
                            },
                            0)
                    .map(document -> {
                        long n = ((Number) document.get("n")).longValue();
                        byte[] data = document.get("data", Binary.class).getData();
                        long chunkStart = n * size;
                        int offset = (int) Math.max(0, start - chunkStart);
                        int end = (int) Math.min(data.length, endInclusive - chunkStart + 1);
                        return buffers.wrap(ByteBuffer.wrap(data, offset, end - offset));
                    });
        });
    }

    /** The stored length and chunk size of a blob; empty when it does not exist. */
    @Override
    public Mono<BlobInfo> info(String blobId) {
        return mongo.findOne(Query.query(Criteria.where("_id").is(new ObjectId(blobId))), Document.class, FILES)
                .map(file -> new BlobInfo(
                        ((Number) file.get("length")).longValue(), ((Number) file.get("chunkSize")).intValue()));
    }

    /** The SHA-256 of the content as stored now; empty when the blob is gone. */
    @Override
    public Mono<String> sha256(String blobId, DataBufferFactory buffers) {
        return info(blobId).flatMap(info -> {
            MessageDigest digest = sha256();
            Flux<DataBuffer> content = info.length() == 0 ? Flux.empty() : read(blobId, 0, info.length() - 1, buffers);
            return content.doOnNext(buffer -> {
                        try (DataBuffer.ByteBufferIterator iterator = buffer.readableByteBuffers()) {
                            iterator.forEachRemaining(digest::update);
                        }
                    })
                    .then(Mono.fromSupplier(() -> HexFormat.of().formatHex(digest.digest())));
        });
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }

    @Override
    public Mono<Void> createIndexes() {
        return mongo.indexOps(UPLOADS)
                .createIndex(new Index().on("startedAt", Sort.Direction.ASC))
                .then(mongo.indexOps(CHUNKS)
                        .createIndex(new Index()
                                .on("files_id", Sort.Direction.ASC)
                                .on("n", Sort.Direction.ASC)
                                .unique()))
                .then();
    }
}
