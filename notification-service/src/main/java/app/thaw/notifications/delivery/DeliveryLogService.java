package app.thaw.notifications.delivery;

import java.util.List;

import app.thaw.notifications.recipients.Channel;
import app.thaw.platform.security.Caller;
import app.thaw.platform.store.CursorPage;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Reads the delivery log of a tenant: deliveries by page (filtered or not), one delivery with every
 * attempt, a case's first delivery, the golden 15 minutes per day. A caller reads its own tenant's;
 * Thaw's staff may name another tenant ({@code tenantId}), each such read audited on both sides
 * ({@code notification.cross_tenant_list} / {@code _read} / {@code _statistics}),
 * and what concerns another tenant's restricted case stays hidden from staff who are not compliance
 * officers or platform admins (left out of lists; 404 by id, audited as refused). Anyone else naming
 * another tenant finds nothing (404), as for any other tenant's object.
 */
public interface DeliveryLogService {

    /** One delivery with every attempt, oldest first. */
    record Entry(Delivery delivery, List<DeliveryAttempt> attempts) {}

    /** A page of the log of the caller's tenant, or (staff) of {@code tenantId}. */
    Mono<CursorPage<Delivery>> list(Caller caller, @Nullable String tenantId, CursorPage.Request page);

    /** A page of the log of the caller's tenant, or (staff) of {@code tenantId}, filtered by channel, status and case (each optional). */
    Mono<CursorPage<Delivery>> search(
            Caller caller,
            @Nullable String tenantId,
            @Nullable Channel channel,
            @Nullable DeliveryStatus status,
            @Nullable String caseId,
            CursorPage.Request page);

    /**
     * The golden 15 minutes of the last {@code days} days in the caller's tenant, or (staff) in
     * {@code tenantId}: counts only, so restricted cases are counted for every staff member.
     */
    Mono<GoldenFifteenStatistics.Statistics> goldenFifteen(Caller caller, @Nullable String tenantId, int days);

    /** One delivery with its attempts, of the caller's tenant or (staff) of {@code tenantId}. */
    Mono<Entry> get(Caller caller, @Nullable String tenantId, String id);

    /** When and how the client of a case was first told, in the caller's tenant or (staff) in {@code tenantId}. */
    Mono<FirstDelivery> firstForCase(Caller caller, @Nullable String tenantId, String caseId);

    /** The most recent delivery of the tenant to a target (e.g. a webhook endpoint), for its last response. */
    Mono<Delivery> latestTo(String tenantId, String target);

    /** A new attempt now; 404 for another tenant's delivery, 409 while one is under way. */
    Mono<Entry> replay(String tenantId, String id);
}
