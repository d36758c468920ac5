package app.thaw.monitor.subscription;

import java.time.Clock;

import app.thaw.monitor.metering.UsageMeter;
import app.thaw.monitor.settings.SettingsService;
import app.thaw.monitor.subjects.internal.SubjectStore;
import app.thaw.platform.audit.AuditLog;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

@Configuration
@EnableConfigurationProperties(SubscriptionProperties.class)
class SubscriptionConfiguration {

    @Bean
    PlanCatalogue planCatalogue() {
        return PlanCatalogue.load();
    }

    @Bean
    StatementService statementService(SubscriptionService subscriptions, Clock clock) {
        return new StatementService(subscriptions, clock);
    }

    @Bean
    SubscriptionService subscriptionService(ReactiveMongoTemplate mongo, PlanCatalogue catalogue, SubscriptionProperties properties,
                                            UsageMeter meter, SettingsService settings, SubjectStore subjects, AuditLog audit, Clock clock,
                                            org.springframework.beans.factory.ObjectProvider<app.thaw.platform.events.EventOutbox> outbox,
                                            org.springframework.web.reactive.function.client.WebClient.Builder webClients,
                                            app.thaw.platform.events.ServiceTokens tokens) {
        return new SubscriptionService(mongo, catalogue, properties, meter, settings, subjects, audit, clock, outbox.getIfAvailable(),
                webClients, tokens);
    }
}
