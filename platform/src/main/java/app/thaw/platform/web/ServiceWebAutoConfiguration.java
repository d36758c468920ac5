package app.thaw.platform.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/**
 * Endpoints every service exposes under its own area ({@code thaw.service.area}: cases,
 * evidence, notifications, monitor). The gateway has no area and gets none of them.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnProperty("thaw.service.area")
public class ServiceWebAutoConfiguration {

    @Bean
    WhoAmIController thawWhoAmIController(@Value("${spring.application.name}") String service) {
        return new WhoAmIController(service);
    }
}
