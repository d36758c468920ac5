package app.thaw.notifications.delivery;

import reactor.core.publisher.Mono;

/**
 * The dispatch pipeline: a notification, through the tenant's rule, becomes one delivery per
 * recipient (or webhook endpoint) and channel; each is stored under its (event, recipient,
 * channel) id before anything is sent, so the same triple is never delivered twice, even after a
 * restart. {@link #dispatch} completes once they are stored: the first attempts run on a bounded
 * worker (with a cap per endpoint, so a slow endpoint holds back only itself), or at the end of
 * quiet hours, and again on the retry schedule, each attempt logged on the delivery. Deliveries
 * left PENDING by a crash are found by {@link #sweep}. The first successful delivery to the client
 * for a case publishes {@code thaw.notification.delivered} with {@code firstForCase}: what closes
 * the golden 15 minutes.
 */
public interface DispatchService {

    String SOURCE = "/thaw/notification-service";
    String DELIVERED = "thaw.notification.delivered";
    /** Timer type that attempts a deferred or retried delivery. */
    String DELIVERY_TIMER = "notification.delivery";
    /** On a partner bank's delivery: the merchant whose case it is about (ADR 61). */
    String ON_BEHALF_OF = "onBehalfOfTenant";
    /** The plan quota on text messages sent in a month (thaw/plans.yaml). */
    String SMS_QUOTA = "sms";

    /**
     * Plans and stores the notification's deliveries (one bulk insert) and queues their first
     * attempts, or schedules them for the end of quiet hours; completes once they are stored, not sent.
     */
    Mono<Void> dispatch(Notification notification);

    /** Queues the deliveries left PENDING by an instance that stopped before attempting them; how many. */
    Mono<Long> sweep();

    /**
     * Attempts the tenant's delivery that is waiting (deferred, retrying, replayed); nothing if another
     * attempt has it, it is done, or it is not the tenant's.
     */
    Mono<Void> attempt(String tenantId, String deliveryId);

    /** Replays a delivery of the tenant on request (webhook replay): a new attempt now, whatever the earlier outcome; false while one is under way. */
    Mono<Boolean> replay(String tenantId, String deliveryId);
}
