package app.thaw.platform.timers;

import java.time.Clock;

import app.thaw.platform.config.ClockAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoReactiveAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/** Durable timers for every application that owns a database. */
@AutoConfiguration(after = {DataMongoReactiveAutoConfiguration.class, ClockAutoConfiguration.class})
@ConditionalOnClass(ReactiveMongoTemplate.class)
@ConditionalOnBean(ReactiveMongoTemplate.class)
@EnableConfigurationProperties(TimersProperties.class)
public class TimersAutoConfiguration {

    @Bean
    Timers timers(
            ReactiveMongoTemplate mongo,
            ObjectProvider<TimerHandler> handlers,
            TimersProperties properties,
            Clock clock) {
        return new Timers(mongo, () -> handlers.orderedStream().toList(), properties, clock);
    }
}
