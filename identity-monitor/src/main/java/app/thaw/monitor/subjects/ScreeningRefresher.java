package app.thaw.monitor.subjects;

import java.time.Duration;

import app.thaw.monitor.screening.ScreeningProperties;
import app.thaw.platform.timers.PeriodicPasses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.publisher.Mono;

/**
 * Reads each sanctions list again on its own schedule, and re-screens every subject when one
 * changed: every {@code refresh-interval} (the list's, or the global one). A list with an official
 * {@code url} is first read from it {@code first-refresh-after} the start (the start itself reads the
 * shipped snapshot, so the service starts offline), then every interval. A failed read keeps the
 * list's version in use. The platform's {@link PeriodicPasses} starts and stops them with the app.
 */
@Configuration(proxyBeanMethods = false)
class ScreeningRefresher {

    private static final Logger log = LoggerFactory.getLogger(ScreeningRefresher.class);

    @Bean
    PeriodicPasses sanctionsListRefresh(SubjectScreening screening, ScreeningProperties properties) {
        return passes(screening, properties);
    }

    /** One pass per list (there is always at least one: the shipped SDN snapshot when none is configured). */
    static PeriodicPasses passes(SubjectScreening screening, ScreeningProperties properties) {
        PeriodicPasses passes = null;
        for (ScreeningProperties.Source source : properties.sources()) {
            Duration interval = properties.refreshInterval(source);
            Duration first = source.url() != null ? properties.firstRefreshAfter() : interval;
            String name = "sanctions list refresh of " + source.id();
            java.util.function.Supplier<Mono<?>> work = () -> screening
                    .refresh(source.id())
                    .doOnNext(refresh -> log.info("Sanctions list {} refreshed: {}", source.id(), refresh))
                    .onErrorResume(failure -> {
                        log.warn("Reading the sanctions list {} failed; the list in use stays", source.id(), failure);
                        return Mono.empty();
                    });
            passes = passes == null
                    ? PeriodicPasses.of(name, first, interval, work)
                    : passes.and(name, first, interval, work);
        }
        return java.util.Objects.requireNonNull(passes, "no sanctions list configured");
    }
}
