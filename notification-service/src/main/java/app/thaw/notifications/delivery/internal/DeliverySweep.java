package app.thaw.notifications.delivery.internal;

import java.time.Duration;

import app.thaw.notifications.delivery.DispatchProperties;
import app.thaw.notifications.delivery.DispatchService;
import app.thaw.platform.timers.PeriodicPass;
import org.jspecify.annotations.Nullable;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;

/** Every {@code sweepInterval}, from start: queues the deliveries a stopped instance left PENDING (see {@link DispatchService#sweep}). */
@Component
class DeliverySweep implements SmartLifecycle {

    private final DispatchService dispatch;
    private final DispatchProperties properties;
    private volatile @Nullable Disposable loop;

    DeliverySweep(DispatchService dispatch, DispatchProperties properties) {
        this.dispatch = dispatch;
        this.properties = properties;
    }

    @Override
    public void start() {
        loop = PeriodicPass.every("delivery sweep", Duration.ZERO, properties.sweepInterval(), dispatch::sweep);
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
