package app.thaw.notifications.delivery.internal;

import app.thaw.notifications.delivery.DispatchService;
import app.thaw.platform.timers.TimerFiring;
import app.thaw.platform.timers.TimerHandler;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Attempts a delivery when its quiet hours end or its next retry falls due. */
@Component
class DeliveryTimerHandler implements TimerHandler {

    private final DispatchService dispatch;

    DeliveryTimerHandler(DispatchService dispatch) {
        this.dispatch = dispatch;
    }

    @Override
    public String type() {
        return DispatchService.DELIVERY_TIMER;
    }

    @Override
    public Mono<Void> fire(TimerFiring firing) {
        // The claim inside attempt() makes a repeated firing harmless: a delivery no longer waiting is not sent again.
        return dispatch.attempt(
                firing.tenantId(), String.valueOf(firing.payload().get("deliveryId")));
    }
}
