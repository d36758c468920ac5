package app.thaw.monitor.subscription;

import java.time.Clock;

import app.thaw.monitor.metering.UsageMeter;
import app.thaw.monitor.settings.SettingsService;
import app.thaw.platform.audit.AuditLog;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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
    SubscriptionService subscriptionService(
            Subscriptions store,
            PlanCatalogue catalogue,
            SubscriptionProperties properties,
            UsageMeter meter,
            SettingsService settings,
            AuditLog audit,
            Clock clock,
            org.springframework.web.reactive.function.client.WebClient.Builder webClients,
            app.thaw.platform.events.ServiceTokens tokens) {
        return new SubscriptionService(store, catalogue, properties, meter, settings, audit, clock, webClients, tokens);
    }
}
