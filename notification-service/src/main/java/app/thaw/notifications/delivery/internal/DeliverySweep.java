package app.thaw.notifications.delivery.internal;

import java.time.Duration;

import app.thaw.notifications.delivery.DispatchProperties;
import app.thaw.notifications.delivery.DispatchService;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Every {@code sweepInterval}, from start: queues the deliveries a stopped instance left PENDING (see {@link DispatchService#sweep}). */
@Component
class DeliverySweep implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliverySweep.class);

    private final DispatchService dispatch;
    private final DispatchProperties properties;
    private volatile @Nullable Disposable loop;

    DeliverySweep(DispatchService dispatch, DispatchProperties properties) {
        this.dispatch = dispatch;
        this.properties = properties;
    }

    @Override
    public void start() {
        loop = Flux.interval(Duration.ZERO, properties.sweepInterval())
                .onBackpressureDrop()
                .concatMap(tick -> dispatch.sweep().onErrorResume(failure -> {
                    log.warn("Delivery sweep failed; trying again at the next one", failure);
                    return Mono.just(0L);
                }), 1)
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable running = loop;
        if (running != null) {
            running.dispose();
        }
        loop = null;
    }

    @Override
    public boolean isRunning() {
        return loop != null;
    }
}
