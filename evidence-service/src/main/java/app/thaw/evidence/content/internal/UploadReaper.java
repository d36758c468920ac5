package app.thaw.evidence.content.internal;

import app.thaw.evidence.content.BlobStore;
import app.thaw.evidence.content.UploadProperties;
import app.thaw.platform.timers.PeriodicPass;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;

/** Every {@code reaper-interval}, removes what interrupted uploads left behind (0 turns it off; tests drive it directly). */
@Component
class UploadReaper implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(UploadReaper.class);

    private final BlobStore blobs;
    private final UploadProperties settings;
    private volatile @Nullable Disposable loop;

    UploadReaper(BlobStore blobs, UploadProperties settings) {
        this.blobs = blobs;
        this.settings = settings;
    }

    @Override
    public void start() {
        if (settings.reaperInterval().isPositive()) {
            loop = PeriodicPass.every("upload reaper", settings.reaperInterval(), settings.reaperInterval(),
                    () -> blobs.reapAbandoned().doOnNext(reaped -> {
                        if (reaped > 0) {
                            log.info("The upload reaper removed {} interrupted upload(s)", reaped);
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
