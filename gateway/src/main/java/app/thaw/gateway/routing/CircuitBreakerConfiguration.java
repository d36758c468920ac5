package app.thaw.gateway.routing;

import java.time.Duration;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One Resilience4j circuit breaker and time limiter per route, configured from {@link ResilienceProperties}. */
@Configuration(proxyBeanMethods = false)
class CircuitBreakerConfiguration {

    @Bean
    Customizer<ReactiveResilience4JCircuitBreakerFactory> thawCircuitBreakers(ResilienceProperties properties) {
        CircuitBreakerConfig breaker = CircuitBreakerConfig.custom()
                .failureRateThreshold(properties.failureRateThreshold())
                .slidingWindowSize(properties.slidingWindowSize())
                .minimumNumberOfCalls(properties.minimumNumberOfCalls())
                .waitDurationInOpenState(properties.waitInOpenState())
                .permittedNumberOfCallsInHalfOpenState(3)
                .build();
        return factory -> factory.configureDefault(route -> new Resilience4JConfigBuilder(route)
                .circuitBreakerConfig(breaker)
                .timeLimiterConfig(timeLimit(properties.timeoutFor(route)))
                .build());
    }

    private static TimeLimiterConfig timeLimit(Duration timeout) {
        return TimeLimiterConfig.custom().timeoutDuration(timeout).cancelRunningFuture(true).build();
    }
}
