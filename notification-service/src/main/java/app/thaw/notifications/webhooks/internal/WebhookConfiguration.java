package app.thaw.notifications.webhooks.internal;

import java.util.Set;

import app.thaw.notifications.webhooks.AddressGuard;
import app.thaw.notifications.webhooks.WebhookProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class WebhookConfiguration {

    @Bean
    AddressGuard addressGuard(WebhookProperties properties) {
        return new AddressGuard(Set.copyOf(properties.allowedPrivateHosts()));
    }
}
