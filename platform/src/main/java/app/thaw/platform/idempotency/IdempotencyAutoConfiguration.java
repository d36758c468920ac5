package app.thaw.platform.idempotency;

import java.time.Clock;

import app.thaw.platform.problem.ProblemAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoReactiveAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.codec.CodecConfigurer;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.web.server.WebExceptionHandler;

/**
 * {@code Idempotency-Key} for the services: applications with a reactive Mongo template, where the
 * keys are kept. The gateway has none and forwards the header untouched to the service that honours it.
 */
@AutoConfiguration(after = {DataMongoReactiveAutoConfiguration.class, ProblemAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnClass(ReactiveMongoTemplate.class)
@ConditionalOnBean(ReactiveMongoTemplate.class)
@EnableConfigurationProperties(IdempotencyProperties.class)
public class IdempotencyAutoConfiguration {

    /** Spring's own default, for a codec configuration that does not say. */
    private static final int SPRING_DEFAULT_MAX_IN_MEMORY = 256 * 1024;

    @Bean
    @ConditionalOnMissingBean
    IdempotencyKeyFilter idempotencyKeyFilter(
            ReactiveMongoTemplate mongo,
            IdempotencyProperties properties,
            ServerCodecConfigurer codecs,
            ObjectProvider<WebExceptionHandler> exceptionHandlers) {
        return new IdempotencyKeyFilter(
                new IdempotencyRecords(mongo),
                properties,
                codecs,
                exceptionHandlers,
                Clock.systemUTC(),
                maxInMemorySize(codecs));
    }

    /**
     * The request body read for the fingerprint is held to the same limit as any body decoded in
     * memory ({@code spring.http.codecs.max-in-memory-size}, 1 MB on the platform), so a key never
     * lets a larger body in.
     */
    static int maxInMemorySize(ServerCodecConfigurer codecs) {
        if (codecs.defaultCodecs() instanceof CodecConfigurer.DefaultCodecConfig config
                && config.maxInMemorySize() != null) {
            return config.maxInMemorySize();
        }
        return SPRING_DEFAULT_MAX_IN_MEMORY;
    }
}
