package app.thaw.notifications.delivery.internal;

import java.time.Duration;

import app.thaw.notifications.delivery.DispatchProperties;
import app.thaw.notifications.delivery.DispatchService;
import app.thaw.platform.timers.PeriodicPasses;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Every {@code sweepInterval}, from start: queues the deliveries a stopped instance left PENDING (see {@link DispatchService#sweep}). */
@Configuration(proxyBeanMethods = false)
class DeliverySweep {

    @Bean
    PeriodicPasses strandedDeliveries(DispatchService dispatch, DispatchProperties properties) {
        return PeriodicPasses.of("delivery sweep", Duration.ZERO, properties.sweepInterval(), dispatch::sweep);
    }
}
