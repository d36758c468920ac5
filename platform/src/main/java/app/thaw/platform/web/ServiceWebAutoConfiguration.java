package app.thaw.platform.web;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.http.codec.CodecCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.format.FormatterRegistry;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.http.codec.json.JacksonJsonDecoder;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Endpoints every service exposes under its own area ({@code thaw.service.area}: cases,
 * evidence, notifications, monitor). The gateway has no area and gets none of them.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnProperty("thaw.service.area")
public class ServiceWebAutoConfiguration {

    /**
     * Request bodies are read strictly (ADR 55): an unknown field, or a date outside 1970–2100, is
     * 400 {@code validation_failed} naming the field. Only the server's codecs: what the services
     * read from others (WebClient) stays tolerant of fields added later.
     */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    CodecCustomizer thawStrictJsonRequests(ObjectProvider<JsonMapper> mapper) {
        return configurer -> {
            if (configurer instanceof ServerCodecConfigurer) {
                configurer
                        .defaultCodecs()
                        .jacksonJsonDecoder(
                                new JacksonJsonDecoder(StrictJson.forRequests(mapper.getIfAvailable(JsonMapper::new))));
            }
        };
    }

    /**
     * Dates bound from query and path parameters and headers keep the same window (ADR 58): outside
     * 1970–2100, or no date at all, is 400 {@code validation_failed} naming the parameter.
     */
    @Bean
    WebFluxConfigurer thawRequestDateWindow() {
        return new WebFluxConfigurer() {
            @Override
            public void addFormatters(FormatterRegistry registry) {
                RequestDates.register(registry);
            }
        };
    }

    @Bean
    WhoAmIController thawWhoAmIController(@Value("${spring.application.name}") String service) {
        return new WhoAmIController(service);
    }
}
