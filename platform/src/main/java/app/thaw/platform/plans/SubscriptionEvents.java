package app.thaw.platform.plans;

import java.time.Instant;
import java.util.List;

import app.thaw.platform.events.EventBinding;
import app.thaw.platform.events.EventHandlers;
import app.thaw.platform.events.EventType;
import reactor.core.publisher.Mono;

/**
 * The {@code thaw.subscription.*} events (docs/events.md): identity-monitor, where platform admins
 * set a tenant's plan, publishes them; every service that enforces quotas keeps its replica
 * ({@link TenantPlans}) from them. The records are the platform's because the replica is.
 */
public final class SubscriptionEvents {

    private SubscriptionEvents() {}

    /**
     * @param plan     the plan's code in the catalogue (thaw/plans.yaml)
     * @param sequence per tenant, from 1 (also the event's own sequence): a replica applies newer over older
     */
    @EventType("thaw.subscription.changed")
    public record Changed(String tenantId, String plan, long sequence, Instant changedAt, String changedBy) {}

    /** Keeps this service's replica of tenants' plans. */
    static EventHandlers replica(TenantPlans plans) {
        return new EventHandlers(List.of(EventBinding.on(
                Changed.class,
                event -> event.data().tenantId().equals(event.tenantId())
                        ? plans.apply(
                                        event.data().tenantId(),
                                        event.data().plan(),
                                        event.data().sequence())
                                .then()
                        : Mono.empty())));
    }
}
