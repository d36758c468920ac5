package app.thaw.evidence.item.internal;

import app.thaw.evidence.casefile.CaseCustody;
import app.thaw.evidence.item.UploadCustody;
import app.thaw.evidence.content.UploadProperties;
import app.thaw.platform.timers.PeriodicPass;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Mono;

/**
 * Every {@code reaper-interval}, the custody entries requests died before writing: of uploads
 * (ADR 57) and of holds and consents (ADR 52). Zero turns the loops off (tests drive them directly).
 */
@Component
class CustodyRepairLoops implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CustodyRepairLoops.class);

    private final UploadCustody uploads;
    private final CaseCustody cases;
    private final UploadProperties settings;
    private volatile @Nullable Disposable loops;

    CustodyRepairLoops(UploadCustody uploads, CaseCustody cases, UploadProperties settings) {
        this.uploads = uploads;
        this.cases = cases;
        this.settings = settings;
    }

    @Override
    public void start() {
        if (!settings.reaperInterval().isPositive()) {
            return;
        }
        loops = Disposables.composite(
                every("custody repair of interrupted uploads", uploads::repairAll),
                every("custody repair of interrupted holds and consents", cases::repairAll));
    }

    private Disposable every(String name, Supplier<Mono<Long>> pass) {
        return PeriodicPass.every(name, settings.reaperInterval(), settings.reaperInterval(), () -> pass.get().doOnNext(done -> {
            if (done > 0) {
                log.info("The {} handled {} item(s)", name, done);
            }
        }));
    }

    @Override
    public void stop() {
        Disposable running = loops;
        if (running != null) {
            running.dispose();
        }
        loops = null;
    }

    @Override
    public boolean isRunning() {
        return loops != null;
    }
}
