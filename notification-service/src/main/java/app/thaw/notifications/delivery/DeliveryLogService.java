package app.thaw.notifications.delivery;

import java.util.List;
import java.util.Map;

import app.thaw.notifications.delivery.internal.DeliveryStore;
import app.thaw.notifications.delivery.internal.FirstDeliveries;
import app.thaw.notifications.support.Access;
import app.thaw.notifications.support.NotFound;
import app.thaw.notifications.support.Page;
import app.thaw.notifications.support.PageRequest;
import app.thaw.notifications.recipients.Channel;
import app.thaw.platform.audit.AuditLog;
import app.thaw.platform.security.Caller;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Reads the delivery log of a tenant: deliveries by page (filtered or not), one delivery with every
 * attempt, a case's first delivery, the golden 15 minutes per day. A caller reads its own tenant's;
 * Thaw's staff may name another tenant ({@code tenantId}), each such read audited
 * ({@code notification.cross_tenant_list} / {@code _read} / {@code _statistics}),
 * and what concerns another tenant's restricted case stays hidden from staff who are not compliance
 * officers or platform admins (left out of lists; 404 by id, audited as refused). Anyone else naming
 * another tenant finds nothing (404), as for any other tenant's object.
 */
@Service
public class DeliveryLogService {

    private final DeliveryStore store;
    private final FirstDeliveries firsts;
    private final DispatchService dispatch;

    private final GoldenFifteenStatistics golden;
    private final AuditLog audit;

    public DeliveryLogService(DeliveryStore store, FirstDeliveries firsts, DispatchService dispatch, GoldenFifteenStatistics golden,
                              AuditLog audit) {
        this.store = store;
        this.firsts = firsts;
        this.dispatch = dispatch;
        this.golden = golden;
        this.audit = audit;
    }

    public record Entry(Document delivery, List<Document> attempts) {
    }

    /** Whose log a read is of, for whom: another tenant's only for staff. */
    private record Reading(Caller caller, String tenantId) {

        boolean acrossTenants() {
            return !tenantId.equals(caller.tenantId());
        }

        boolean hidesRestricted() {
            return acrossTenants() && !Access.seesRestricted(caller);
        }
    }

    private static Mono<Reading> reading(Caller caller, @Nullable String tenantId) {
        if (tenantId == null || tenantId.isBlank() || tenantId.equals(caller.tenantId())) {
            return Mono.just(new Reading(caller, caller.tenantId()));
        }
        return Access.staff(caller) ? Mono.just(new Reading(caller, tenantId.trim())) : Mono.error(new NotFound("tenant", tenantId));
    }

    /** A page of the log of the caller's tenant, or (staff) of {@code tenantId}. */
    public Mono<Page<Document>> list(Caller caller, @Nullable String tenantId, PageRequest page) {
        return search(caller, tenantId, null, null, null, page);
    }

    /** A page of the log of the caller's tenant, or (staff) of {@code tenantId}, filtered by channel, status and case (each optional). */
    public Mono<Page<Document>> search(Caller caller, @Nullable String tenantId, @Nullable Channel channel, @Nullable DeliveryStatus status,
                                       @Nullable String caseId, PageRequest page) {
        return reading(caller, tenantId).flatMap(reading -> auditedAcross(reading, "notification.cross_tenant_list")
                .then(store.search(reading.tenantId(), !reading.hidesRestricted(), channel == null ? null : channel.name(),
                        status == null ? null : status.name(), caseId == null || caseId.isBlank() ? null : caseId.trim(), page)));
    }

    /**
     * The golden 15 minutes of the last {@code days} days in the caller's tenant, or (staff) in
     * {@code tenantId}: counts only, so restricted cases are counted for every staff member.
     */
    public Mono<GoldenFifteenStatistics.Statistics> goldenFifteen(Caller caller, @Nullable String tenantId, int days) {
        return reading(caller, tenantId).flatMap(reading -> auditedAcross(reading, "notification.cross_tenant_statistics")
                .then(golden.lastDays(reading.tenantId(), days)));
    }

    /** A read of a whole tenant's log (a page, statistics) across tenants is audited under {@code action}. */
    private Mono<Void> auditedAcross(Reading reading, String action) {
        return reading.acrossTenants() ? audit.record(action, "delivery", "*", Map.of("tenantFilter", reading.tenantId())) : Mono.empty();
    }

    /** One delivery with its attempts, of the caller's tenant or (staff) of {@code tenantId}. */
    public Mono<Entry> get(Caller caller, @Nullable String tenantId, String id) {
        return reading(caller, tenantId).flatMap(reading -> visible(reading, id).then(get(reading.tenantId(), id)));
    }

    /** When and how the client of a case was first told, in the caller's tenant or (staff) in {@code tenantId}. */
    public Mono<Document> firstForCase(Caller caller, @Nullable String tenantId, String caseId) {
        return reading(caller, tenantId).flatMap(reading -> firstForCase(reading.tenantId(), caseId)
                .flatMap(first -> visible(reading, first.getString("deliveryId")).thenReturn(first)));
    }

    /** Completes if the reading may see the delivery (auditing a read across tenants); 404 if it may not, audited. */
    private Mono<Void> visible(Reading reading, String id) {
        if (!reading.acrossTenants()) {
            return Mono.empty();
        }
        return store.get(reading.tenantId(), id)
                .switchIfEmpty(Mono.error(() -> new NotFound("delivery", id)))
                .flatMap(delivery -> reading.hidesRestricted() && delivery.getBoolean("restricted", false)
                        ? audit.record("notification.restricted_access_refused", "delivery", id, Map.of("deliveryTenant", reading.tenantId()))
                            .then(Mono.<Void>error(new NotFound("delivery", id)))
                        : audit.record("notification.cross_tenant_read", "delivery", id, Map.of("deliveryTenant", reading.tenantId())));
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
