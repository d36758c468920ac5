package app.thaw.monitor.screening;

import app.thaw.platform.timers.PeriodicPass;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;

/** Reads the sanctions list again every {@code refresh-interval}; a failed read keeps the list in use. */
@Component
class ScreeningRefresher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ScreeningRefresher.class);

    private final ScreeningService screening;
    private final ScreeningProperties properties;
    private volatile Disposable running = null;

    ScreeningRefresher(ScreeningService screening, ScreeningProperties properties) {
        this.screening = screening;
        this.properties = properties;
    }

    @Override
    public void start() {
        running = PeriodicPass.every("sanctions list refresh", properties.refreshInterval(), properties.refreshInterval(),
                () -> screening.refresh()
                        .doOnNext(refresh -> log.info("Sanctions list refresh: {}", refresh))
                        .onErrorResume(failure -> {
                            log.warn("Reading the sanctions list failed; the list in use stays", failure);
                            return reactor.core.publisher.Mono.empty();
                        }));
    }

    @Override
    public void stop() {
        Disposable d = running;
        if (d != null) {
            d.dispose();
        }
        running = null;
    }

    @Override
    public boolean isRunning() {
        return running != null;
    }
}
