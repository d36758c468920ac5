package app.thaw.platform.store;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.data.mongodb.SessionSynchronization;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/**
 * Thaw writes no multi-document transactions (ADR 1; the embedded store has none), so the reactive template does not
 * look for one. By default Spring Data asks, before every operation, whether a reactive transaction is in the
 * subscriber's context; with none there it throws and catches a {@code NoTransactionInContextException} each time
 * (64 a second in a loaded notification-service, docs/benchmarks/platform.md). ADR 95.
 */
final class NoTransactionLookups implements BeanPostProcessor {

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof ReactiveMongoTemplate template) {
            template.setSessionSynchronization(SessionSynchronization.NEVER);
        }
        return bean;
    }
}
