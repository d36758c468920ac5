package app.thaw.cases.playbook.internal;

import java.time.Duration;

import app.thaw.cases.playbook.DefaultPlaybooks;
import app.thaw.cases.playbook.Playbook;
import app.thaw.cases.playbook.ScriptRenderer;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/** Thaw's default playbooks read once at startup, tenants' versions in the store, and the renderer of their scripts. */
@Configuration(proxyBeanMethods = false)
class PlaybookConfiguration {

    @Bean
    DefaultPlaybooks defaultPlaybooks() {
        return DefaultPlaybooks.load();
    }

    @Bean
    ScriptRenderer scriptRenderer(DefaultPlaybooks defaults) {
        return new ScriptRenderer(defaults.restrictedNotice());
    }

    @Bean
    MongoPlaybooks playbooks(ReactiveMongoTemplate mongo, DefaultPlaybooks defaults) {
        return new MongoPlaybooks(mongo, defaults);
    }

    /** The playbooks' indexes exist before the first request (start-up, on the starting thread; bounded). */
    @Bean
    SmartInitializingSingleton playbookIndexes(MongoPlaybooks playbooks, ReactiveMongoTemplate mongo) {
        return () -> {
            mongo.getConverter().getMappingContext().getPersistentEntity(Playbook.class);
            playbooks.init().block(Duration.ofSeconds(30));
        };
    }
}
