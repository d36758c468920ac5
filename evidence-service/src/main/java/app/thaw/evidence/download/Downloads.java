package app.thaw.evidence.download;

import java.util.Map;

import app.thaw.evidence.custody.CustodyLog;
import app.thaw.evidence.domain.CustodyAction;
import app.thaw.evidence.domain.EvidenceId;
import app.thaw.evidence.domain.EvidenceItem;
import app.thaw.evidence.item.Actors;
import app.thaw.evidence.item.ItemAccess;
import app.thaw.evidence.store.BlobStore;
import app.thaw.platform.audit.AuditLog;
import app.thaw.platform.security.Caller;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Opens an item's content for a caller, recording the download in the custody and audit logs. */
@Service
public class Downloads {

    private final ItemAccess access;
    private final BlobStore blobs;
    private final CustodyLog custody;
    private final AuditLog audit;

    Downloads(ItemAccess access, BlobStore blobs, CustodyLog custody, AuditLog audit) {
        this.access = access;
        this.blobs = blobs;
        this.custody = custody;
        this.audit = audit;
    }

    /** The live item, after recording that {@code caller} downloads bytes {@code range} of it. */
    public Mono<EvidenceItem> open(Caller caller, EvidenceId id, String range) {
        return access.open(caller, id).map(ItemAccess.Opened::item)
                .doOnNext(EvidenceItem::requireLive)
                .flatMap(item -> custody.itemAction(item, CustodyAction.DOWNLOADED, Actors.name(caller), Map.of("range", range))
                        .then(audit.record("evidence.downloaded", "evidence", id.value(), Map.of("range", range)))
                        .thenReturn(item));
    }

    public Flux<DataBuffer> content(EvidenceItem item, long start, long endInclusive, DataBufferFactory buffers) {
        return item.size() == 0 ? Flux.empty() : blobs.read(item.blobId(), start, endInclusive, buffers);
    }
}
