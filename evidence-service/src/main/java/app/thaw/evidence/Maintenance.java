package app.thaw.evidence;

import java.time.Duration;

import app.thaw.evidence.casefile.CaseFiles;
import app.thaw.evidence.config.EvidenceProperties;
import app.thaw.evidence.custody.CustodyLog;
import app.thaw.evidence.custody.CaseCustody;
import app.thaw.evidence.custody.UploadCustody;
import app.thaw.evidence.item.EvidenceItems;
import app.thaw.evidence.retention.RetentionSweeper;
import app.thaw.evidence.store.BlobStore;
import app.thaw.platform.timers.PeriodicPass;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Mono;

/**
 * Creates the indexes every query relies on before the service takes traffic, then runs the
 * background loops: the reaper of interrupted uploads, the custody repair of uploads that died
 * between their item and its custody entry, and the retention sweeper. A zero interval
 * turns a loop off (tests drive them directly).
 */
@Component
class Maintenance implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Maintenance.class);

    private final EvidenceItems items;
    private final CaseFiles cases;
    private final CustodyLog custody;
    private final BlobStore blobs;
    private final RetentionSweeper retention;
    private final UploadCustody uploadCustody;
    private final CaseCustody caseCustody;
    private final EvidenceProperties properties;
    private volatile @Nullable Disposable loops;

    Maintenance(EvidenceItems items, CaseFiles cases, CustodyLog custody, BlobStore blobs, RetentionSweeper retention,
                UploadCustody uploadCustody, CaseCustody caseCustody, EvidenceProperties properties) {
        this.uploadCustody = uploadCustody;
        this.caseCustody = caseCustody;
        this.items = items;
        this.cases = cases;
        this.custody = custody;
        this.blobs = blobs;
        this.retention = retention;
        this.properties = properties;
    }

    @Override
    public void start() {
        // At start-up, on the starting thread: the service must not answer before its indexes exist.
        Mono.when(items.createIndexes(), cases.createIndexes(), custody.createIndexes(), blobs.createIndexes())
                .block(Duration.ofMinutes(1));
        Disposable.Composite running = Disposables.composite();
        every(properties.upload().reaperInterval(), "upload reaper", blobs::reapAbandoned, running);
        every(properties.upload().reaperInterval(), "custody repair of interrupted uploads", () -> uploadCustody.repair(null), running);
        every(properties.upload().reaperInterval(), "custody repair of interrupted holds and consents", () -> caseCustody.repair(null), running);
        every(properties.retention().interval(), "retention sweep", retention::sweepOnce, running);
        loops = running;
    }

    private static void every(Duration interval, String name, java.util.function.Supplier<Mono<Long>> pass,
                              Disposable.Composite running) {
        if (interval.isZero() || interval.isNegative()) {
            return;
        }
        running.add(PeriodicPass.every(name, interval, interval, () -> pass.get().doOnNext(done -> {
            if (done > 0) {
                log.info("The {} handled {} item(s)", name, done);
            }
        })));
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
