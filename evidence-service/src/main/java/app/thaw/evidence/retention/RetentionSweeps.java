package app.thaw.evidence.retention;

import app.thaw.platform.timers.PeriodicPasses;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Runs the retention sweep every {@code thaw.evidence.retention.interval} (0 turns it off; tests drive it directly). */
@Configuration(proxyBeanMethods = false)
class RetentionSweeps {

    @Bean
    PeriodicPasses retentionSweepPass(RetentionSweeper sweeper, RetentionProperties settings) {
        return PeriodicPasses.of("retention sweep", settings.interval(), settings.interval(), sweeper::sweepOnce)
                .enabledWhen(settings.interval().isPositive());
    }
}
