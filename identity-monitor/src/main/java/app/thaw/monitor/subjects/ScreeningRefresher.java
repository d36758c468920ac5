package app.thaw.monitor.subjects;

import app.thaw.platform.timers.PeriodicPass;
import app.thaw.monitor.screening.ScreeningProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;

/**
 * Reads each sanctions list again on its own schedule: every {@code refresh-interval} (the list's, or
 * the global one). A list with an official {@code url} is first read from it {@code first-refresh-after}
 * the start (the start itself reads the shipped snapshot, so the service starts offline), then every
 * interval. A failed read keeps the list's version in use.
 */
@Component
class ScreeningRefresher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ScreeningRefresher.class);

    private final SubjectScreening screening;
    private final ScreeningProperties properties;
    private volatile java.util.List<Disposable> running = null;

    ScreeningRefresher(SubjectScreening screening, ScreeningProperties properties) {
        this.screening = screening;
        this.properties = properties;
    }

    @Override
    public void start() {
        java.util.List<Disposable> passes = new java.util.ArrayList<>();
        for (ScreeningProperties.Source source : properties.sources()) {
            java.time.Duration interval = properties.refreshInterval(source);
            java.time.Duration first = source.url() != null ? properties.firstRefreshAfter() : interval;
            passes.add(PeriodicPass.every("sanctions list refresh of " + source.id(), first, interval,
                    () -> screening.refresh(source.id())
                            .doOnNext(refresh -> log.info("Sanctions list {} refreshed: {}", source.id(), refresh))
                            .onErrorResume(failure -> {
                                log.warn("Reading the sanctions list {} failed; the list in use stays", source.id(), failure);
                                return reactor.core.publisher.Mono.empty();
                            })));
        }
        running = java.util.List.copyOf(passes);
    }

    @Override
    public void stop() {
        java.util.List<Disposable> passes = running;
        if (passes != null) {
            passes.forEach(Disposable::dispose);
        }
        running = null;
    }

    @Override
    public boolean isRunning() {
        return running != null;
    }
}
