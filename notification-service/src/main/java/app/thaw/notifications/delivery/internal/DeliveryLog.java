package app.thaw.notifications.delivery.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import app.thaw.notifications.access.Access;
import app.thaw.notifications.delivery.Delivery;
import app.thaw.notifications.delivery.DeliveryInProgress;
import app.thaw.notifications.delivery.DeliveryLogService;
import app.thaw.notifications.delivery.DeliveryStatus;
import app.thaw.notifications.delivery.DispatchService;
import app.thaw.notifications.delivery.FirstDelivery;
import app.thaw.notifications.delivery.GoldenFifteenStatistics;
import app.thaw.notifications.recipients.Channel;
import app.thaw.platform.problem.NotFound;
import app.thaw.platform.security.Caller;
import app.thaw.platform.store.CursorPage;
import app.thaw.platform.tenancy.Reach;
import app.thaw.platform.tenancy.TenantAccess;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The delivery log read from the store. Whether a caller reaches another tenant's log is
 * {@link TenantAccess}'s answer (staff only: a partner bank's deliveries are its own, in its own
 * log), and every read across tenants is audited on both sides through it.
 */
@Service
public class DeliveryLog implements DeliveryLogService {

    private final DeliveryStore store;
    private final FirstDeliveries firsts;
    private final DispatchService dispatch;
    private final TenantAccess access;
    private final Clock clock;

    public DeliveryLog(
            DeliveryStore store, FirstDeliveries firsts, DispatchService dispatch, TenantAccess access, Clock clock) {
        this.store = store;
        this.firsts = firsts;
        this.dispatch = dispatch;
        this.access = access;
        this.clock = clock;
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

    private Mono<Reading> reading(Caller caller, @Nullable String tenantId) {
        if (tenantId == null || tenantId.isBlank() || tenantId.equals(caller.tenantId())) {
            return Mono.just(new Reading(caller, caller.tenantId()));
        }
        String named = tenantId.trim();
        return access.reach(caller, named)
                .flatMap(reach -> reach == Reach.STAFF || reach == Reach.OWN
                        ? Mono.just(new Reading(caller, named))
                        : Mono.error(new NotFound("tenant", named)));
    }

    @Override
    public Mono<CursorPage<Delivery>> list(Caller caller, @Nullable String tenantId, CursorPage.Request page) {
        return search(caller, tenantId, null, null, null, page);
    }

    @Override
    public Mono<CursorPage<Delivery>> search(
            Caller caller,
            @Nullable String tenantId,
            @Nullable Channel channel,
            @Nullable DeliveryStatus status,
            @Nullable String caseId,
            CursorPage.Request page) {
        return reading(caller, tenantId)
                .flatMap(reading -> auditedAcross(reading, "notification.cross_tenant_list")
                        .then(store.search(
                                reading.tenantId(),
                                !reading.hidesRestricted(),
                                channel == null ? null : channel.name(),
                                status == null ? null : status.name(),
                                caseId == null || caseId.isBlank() ? null : caseId.trim(),
                                page)));
    }

    @Override
    public Mono<GoldenFifteenStatistics.Statistics> goldenFifteen(Caller caller, @Nullable String tenantId, int days) {
        return reading(caller, tenantId)
                .flatMap(reading -> auditedAcross(reading, "notification.cross_tenant_statistics")
                        .then(goldenFifteen(reading.tenantId(), days)));
    }

    /** Counts from what this service stores: each case's earliest delivery (when it was first heard of) and its first delivery to the client. */
    private Mono<GoldenFifteenStatistics.Statistics> goldenFifteen(String tenantId, int days) {
        int span = GoldenFifteenStatistics.span(days);
        Instant now = clock.instant();
        LocalDate first = LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(span - 1L);
        Instant since = first.atStartOfDay(ZoneOffset.UTC).toInstant();
        return store.aboutCasesSince(tenantId, since, GoldenFifteenStatistics.MAX_DELIVERIES + 1)
                .collectList()
                .flatMap(deliveries -> {
                    boolean truncated = deliveries.size() > GoldenFifteenStatistics.MAX_DELIVERIES;
                    Map<String, Instant> heardOf = new HashMap<>();
                    deliveries.stream()
                            .limit(GoldenFifteenStatistics.MAX_DELIVERIES)
                            .forEach(delivery ->
                                    heardOf.merge(delivery.caseId(), delivery.at(), (a, b) -> a.isBefore(b) ? a : b));
                    if (heardOf.isEmpty()) {
                        return Mono.just(GoldenFifteenStatistics.count(first, span, heardOf, Map.of(), now, truncated));
                    }
                    return firsts.of(tenantId, heardOf.keySet())
                            .collectMap(FirstDelivery::caseId, FirstDelivery::deliveredAt)
                            .map(told -> GoldenFifteenStatistics.count(first, span, heardOf, told, now, truncated));
                });
    }

    /** A read of a whole tenant's log (a page, statistics) across tenants is audited under {@code action}, on both sides. */
    private Mono<Void> auditedAcross(Reading reading, String action) {
        return reading.acrossTenants()
                ? access.auditBothSides(
                        reading.caller(),
                        reading.tenantId(),
                        action,
                        "delivery",
                        "*",
                        Map.of("tenantFilter", reading.tenantId()))
                : Mono.empty();
    }

    @Override
    public Mono<Entry> get(Caller caller, @Nullable String tenantId, String id) {
        return reading(caller, tenantId).flatMap(reading -> visible(reading, id).then(get(reading.tenantId(), id)));
    }

    @Override
    public Mono<FirstDelivery> firstForCase(Caller caller, @Nullable String tenantId, String caseId) {
        return reading(caller, tenantId)
                .flatMap(reading -> firsts.of(reading.tenantId(), caseId)
                        .switchIfEmpty(Mono.error(() -> new NotFound("first delivery for case", caseId)))
                        .flatMap(first -> visible(reading, first.deliveryId()).thenReturn(first)));
    }

    /** Completes if the reading may see the delivery (auditing a read across tenants); 404 if it may not, audited. */
    private Mono<Void> visible(Reading reading, String id) {
        if (!reading.acrossTenants()) {
            return Mono.empty();
        }
        Map<String, Object> details = Map.of("deliveryTenant", reading.tenantId());
        return store.find(reading.tenantId(), id)
                .switchIfEmpty(Mono.error(() -> new NotFound("delivery", id)))
                .flatMap(delivery -> reading.hidesRestricted() && delivery.restricted()
                        ? access.auditBothSides(
                                        reading.caller(),
                                        reading.tenantId(),
                                        "notification.restricted_access_refused",
                                        "delivery",
                                        id,
                                        details)
                                .then(Mono.<Void>error(new NotFound("delivery", id)))
                        : access.auditBothSides(
                                reading.caller(),
                                reading.tenantId(),
                                "notification.cross_tenant_read",
                                "delivery",
                                id,
                                details));
    }

    @Override
    public Mono<Delivery> latestTo(String tenantId, String target) {
        return store.latestTo(tenantId, target);
    }

    private Mono<Entry> get(String tenantId, String id) {
        return store.find(tenantId, id)
                .switchIfEmpty(Mono.error(() -> new NotFound("delivery", id)))
                .flatMap(delivery ->
                        store.attempts(tenantId, id).collectList().map(attempts -> new Entry(delivery, attempts)));
    }

    @Override
    public Mono<Entry> replay(String tenantId, String id) {
        return get(tenantId, id)
                .flatMap(entry -> dispatch.replay(tenantId, id))
                .flatMap(replayed -> replayed ? get(tenantId, id) : Mono.error(new DeliveryInProgress(id)));
    }
}
