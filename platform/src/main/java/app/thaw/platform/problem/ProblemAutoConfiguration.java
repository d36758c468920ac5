package app.thaw.platform.problem;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.boot.webflux.autoconfigure.error.ErrorWebFluxAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.http.codec.ServerCodecConfigurer;

/** Problem details for every error, ahead of Spring Boot's default error handler. */
@AutoConfiguration(before = ErrorWebFluxAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
public class ProblemAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ProblemResponses problemResponses(ServerCodecConfigurer codecs) {
        return new ProblemResponses(codecs);
    }

    /** What Reactor Netty refuses before Spring sees it (a request line or headers over its limits) as problem+json too. */
    @Bean
    NettyServerCustomizer thawUnreadableRequestProblems() {
        return server -> server.doOnChannelInit(
                (observer, channel, remoteAddress) -> UnreadableRequestProblems.addTo(channel.pipeline()));
    }

    /** Before Boot's DefaultErrorWebExceptionHandler (order -1). */
    @Bean
    @Order(-2)
    ProblemExceptionHandler problemExceptionHandler(ProblemResponses responses) {
        return new ProblemExceptionHandler(responses);
    }
}
