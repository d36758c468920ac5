package app.thaw.cases.playbook.internal;

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

    /** The playbook's mapping built at start-up, so first requests that arrive together do not wait on its lock (indexes: StoreIndexes). */
    @Bean
    SmartInitializingSingleton playbookMapping(ReactiveMongoTemplate mongo) {
        return () -> mongo.getConverter().getMappingContext().getPersistentEntity(Playbook.class);
    }
}
