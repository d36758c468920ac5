package app.thaw.platform.testing;

import java.time.Instant;

import app.thaw.platform.events.ThawEvent;
import app.thaw.platform.plans.SubscriptionEvents;

/** identity-monitor's plan changes as every service that enforces quotas receives them, for those services' tests. */
public final class PlanChanges {

    private PlanChanges() {}

    /**
     * {@code thaw.subscription.changed}: a platform admin put {@code tenant} on {@code plan} at {@code at}, the
     * tenant's {@code sequence}th change (also the event's sequence).
     */
    public static ThawEvent changed(String tenant, String plan, long sequence, Instant at) {
        return ThawEvent.of(
                "/thaw/identity-monitor",
                tenant,
                tenant,
                at,
                sequence,
                null,
                new SubscriptionEvents.Changed(tenant, plan, sequence, at, "platform-admin"));
    }
}
