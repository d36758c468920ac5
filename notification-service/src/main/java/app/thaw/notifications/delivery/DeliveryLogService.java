package app.thaw.notifications.delivery;

import java.util.List;

import app.thaw.notifications.delivery.internal.DeliveryStore;
import app.thaw.notifications.delivery.internal.FirstDeliveries;
import app.thaw.notifications.support.NotFound;
import app.thaw.notifications.support.Page;
import app.thaw.notifications.support.PageRequest;
import app.thaw.notifications.recipients.Channel;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Reads the delivery log of a tenant: deliveries by page, one delivery with every attempt, a case's first delivery. */
@Service
public class DeliveryLogService {

    private final DeliveryStore store;
    private final FirstDeliveries firsts;
    private final DispatchService dispatch;

    public DeliveryLogService(DeliveryStore store, FirstDeliveries firsts, DispatchService dispatch) {
        this.store = store;
        this.firsts = firsts;
        this.dispatch = dispatch;
    }

    public record Entry(Document delivery, List<Document> attempts) {
    }

    public Mono<Page<Document>> list(String tenantId, PageRequest page) {
        return store.list(tenantId, page);
    }

    /** The log filtered by channel, status and case (each optional). */
    public Mono<Page<Document>> search(String tenantId, @Nullable Channel channel, @Nullable DeliveryStatus status, @Nullable String caseId,
                                       PageRequest page) {
        return store.search(tenantId, channel == null ? null : channel.name(), status == null ? null : status.name(),
                caseId == null || caseId.isBlank() ? null : caseId.trim(), page);
    }

    /** The most recent delivery to a target (e.g. a webhook endpoint), for its last response. */
    public Mono<Document> latestTo(String tenantId, String target) {
        return store.latestTo(tenantId, target);
    }

    public Mono<Entry> get(String tenantId, String id) {
        return store.get(tenantId, id)
                .switchIfEmpty(Mono.error(() -> new NotFound("delivery", id)))
                .flatMap(delivery -> store.attempts(tenantId, id).collectList().map(attempts -> new Entry(delivery, attempts)));
    }

    public Mono<Document> firstForCase(String tenantId, String caseId) {
        return firsts.of(tenantId, caseId).switchIfEmpty(Mono.error(() -> new NotFound("first delivery for case", caseId)));
    }

    /** A new attempt now; 404 for another tenant's delivery, 409 while one is under way. */
    public Mono<Entry> replay(String tenantId, String id) {
        return get(tenantId, id).flatMap(entry -> dispatch.replay(tenantId, id))
                .flatMap(replayed -> replayed ? get(tenantId, id) : Mono.error(new DeliveryInProgress(id)));
    }
}
