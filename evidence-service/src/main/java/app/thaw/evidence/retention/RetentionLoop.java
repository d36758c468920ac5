package app.thaw.evidence.retention;

import app.thaw.platform.timers.PeriodicPass;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;

/** Runs the retention sweep every {@code thaw.evidence.retention.interval} (0 turns it off; tests drive it directly). */
@Component
class RetentionLoop implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RetentionLoop.class);

    private final RetentionSweeper sweeper;
    private final RetentionProperties settings;
    private volatile @Nullable Disposable loop;

    RetentionLoop(RetentionSweeper sweeper, RetentionProperties settings) {
        this.sweeper = sweeper;
        this.settings = settings;
    }

    @Override
    public void start() {
        if (settings.interval().isPositive()) {
            loop = PeriodicPass.every("retention sweep", settings.interval(), settings.interval(),
                    () -> sweeper.sweepOnce().doOnNext(deleted -> {
                        if (deleted > 0) {
                            log.info("The retention sweep deleted {} item(s)", deleted);
                        }
                    }));
        }
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
