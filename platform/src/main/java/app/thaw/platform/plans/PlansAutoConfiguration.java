package app.thaw.platform.plans;

import java.time.Clock;

import app.thaw.platform.audit.AuditAutoConfiguration;
import app.thaw.platform.audit.AuditLog;
import app.thaw.platform.events.EventHandlers;
import app.thaw.platform.events.EventsAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/** Plans, the monthly meter and {@code /internal/usage} for every application that owns a database (ADR 62). */
@AutoConfiguration(after = {AuditAutoConfiguration.class, EventsAutoConfiguration.class})
@ConditionalOnClass(ReactiveMongoTemplate.class)
@ConditionalOnBean({ReactiveMongoTemplate.class, AuditLog.class})
@EnableConfigurationProperties(PlansProperties.class)
public class PlansAutoConfiguration {

    @Bean
    PlanLimits planLimits() {
        return PlanLimits.load();
    }

    @Bean
    TenantPlans tenantPlans(ReactiveMongoTemplate mongo, PlansProperties properties, PlanLimits limits) {
        return new TenantPlans(mongo, properties, limits);
    }

    @Bean
    Quotas quotas(ReactiveMongoTemplate mongo, TenantPlans plans, PlanLimits limits, Clock clock) {
        return new Quotas(mongo, plans, limits, clock);
    }

    @Bean
    EventHandlers tenantPlansReplica(TenantPlans plans) {
        return SubscriptionEvents.replica(plans);
    }

    @Bean
    InternalUsageController internalUsageController(Quotas quotas, TenantPlans plans, Clock clock) {
        return new InternalUsageController(quotas, plans, clock);
    }
}
