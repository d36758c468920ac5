package app.thaw.evidence.download;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import app.thaw.evidence.casefile.Actors;
import app.thaw.evidence.content.BlobStore;
import app.thaw.evidence.custody.CustodyAction;
import app.thaw.evidence.custody.CustodyChain;
import app.thaw.evidence.item.EvidenceId;
import app.thaw.evidence.item.EvidenceItem;
import app.thaw.evidence.item.ItemAccess;
import app.thaw.evidence.item.ItemCustody;
import app.thaw.platform.audit.AuditLog;
import app.thaw.platform.problem.ThawProblem;
import app.thaw.platform.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Opens an item's content for a caller, recording the download in the custody and audit logs. */
@Service
public class Downloads {

    private static final Logger log = LoggerFactory.getLogger(Downloads.class);

    private final ItemAccess access;
    private final BlobStore blobs;
    private final ItemCustody custody;
    private final AuditLog audit;

    Downloads(ItemAccess access, BlobStore blobs, ItemCustody custody, AuditLog audit) {
        this.access = access;
        this.blobs = blobs;
        this.custody = custody;
        this.audit = audit;
    }

    /** The live item, after recording that {@code caller} downloads bytes {@code range} of it. */
    public Mono<EvidenceItem> open(Caller caller, EvidenceId id, String range) {
        return access.open(caller, id)
                .map(ItemAccess.Opened::item)
                .doOnNext(EvidenceItem::requireLive)
                .flatMap(item -> custody.record(
                                item, CustodyAction.DOWNLOADED, Actors.name(caller), Map.of("range", range))
                        .then(audit.record("evidence.downloaded", "evidence", id.value(), Map.of("range", range)))
                        .thenReturn(item));
    }

    /**
     * Bytes {@code start}..{@code endInclusive} of the item, checked against the hash recorded at
     * upload (ADR 23): a whole file is hashed as it streams and its last buffer is held back until
     * the hash matches, so altered content ends in an error (the client sees a cut-off body, never a
     * complete altered file); a range is served only after the whole stored file hashed right.
     * Either failure is written to the audit log as {@code evidence.content_altered}.
     */
    public Flux<DataBuffer> content(EvidenceItem item, long start, long endInclusive, DataBufferFactory buffers) {
        if (item.size() == 0) {
            return Flux.empty();
        }
        if (start == 0 && endInclusive == item.size() - 1) {
            return verifiedWhileStreaming(item, blobs.read(item.blobId(), start, endInclusive, buffers));
        }
        return blobs.sha256(item.blobId(), buffers)
                .defaultIfEmpty("")
                .flatMapMany(actual -> actual.equals(item.sha256())
                        ? blobs.read(item.blobId(), start, endInclusive, buffers)
                        : altered(item));
    }

    private Flux<DataBuffer> verifiedWhileStreaming(EvidenceItem item, Flux<DataBuffer> content) {
        return Flux.defer(() -> {
            MessageDigest digest = CustodyChain.sha256();
            AtomicLong length = new AtomicLong();
            AtomicReference<DataBuffer> held = new AtomicReference<>();
            return content.concatMap(buffer -> {
                        try (DataBuffer.ByteBufferIterator iterator = buffer.readableByteBuffers()) {
                            iterator.forEachRemaining(bytes -> {
                                length.addAndGet(bytes.remaining());
                                digest.update(bytes);
                            });
                        }
                        DataBuffer previous = held.getAndSet(buffer);
                        return previous == null ? Mono.<DataBuffer>empty() : Mono.just(previous);
                    })
                    .concatWith(Mono.defer(() -> {
                        DataBuffer last = held.getAndSet(null);
                        if (length.get() == item.size()
                                && HexFormat.of().formatHex(digest.digest()).equals(item.sha256())) {
                            return Mono.justOrEmpty(last);
                        }
                        if (last != null) {
                            DataBufferUtils.release(last);
                        }
                        return altered(item).next();
                    }))
                    .doOnDiscard(DataBuffer.class, DataBufferUtils::release);
        });
    }

    private Flux<DataBuffer> altered(EvidenceItem item) {
        log.error(
                "Evidence {} of case {}: the stored content does not match the SHA-256 recorded at upload; not served",
                item.id().value(),
                item.caseId().value());
        return audit.record(
                        "evidence.content_altered",
                        "evidence",
                        item.id().value(),
                        Map.of("caseId", item.caseId().value(), "recordedSha256", item.sha256()))
                .onErrorComplete()
                .thenMany(Flux.error(new EvidenceContentAltered()));
    }

    /** The stored bytes are not those recorded at upload: never served as good. */
    public static final class EvidenceContentAltered extends ThawProblem {

        EvidenceContentAltered() {
            super(
                    HttpStatus.INTERNAL_SERVER_ERROR,
                    "evidence_content_altered",
                    "The stored content no longer matches the hash recorded when it was uploaded, so it is not served. "
                            + "This is recorded; Thaw staff can restore it from a signed dossier.");
        }
    }
}
