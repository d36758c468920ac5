package app.thaw.platform.audit;

import java.time.Clock;

import app.thaw.platform.config.ClockAutoConfiguration;
import io.micrometer.tracing.Tracer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoReactiveAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/** The audit log for every application that owns a database. */
@AutoConfiguration(after = {DataMongoReactiveAutoConfiguration.class, ClockAutoConfiguration.class})
@ConditionalOnClass(ReactiveMongoTemplate.class)
@ConditionalOnBean(ReactiveMongoTemplate.class)
public class AuditAutoConfiguration {

    @Bean
    AuditLog auditLog(ReactiveMongoTemplate mongo, Clock clock, ObjectProvider<Tracer> tracer) {
        return new AuditLog(mongo, clock, tracer.getIfAvailable());
    }
}
