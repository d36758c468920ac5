package app.thaw.cases.insurer.internal;

import app.thaw.cases.casework.CaseStore;
import app.thaw.cases.insurer.FollowedCases;
import app.thaw.cases.insurer.InsurerFollows;
import app.thaw.platform.events.EventHandlers;
import app.thaw.platform.tenancy.TenantAccess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/** Insurers' follows of cases, from evidence-service's consent events, and their view of the cases they follow. */
@Configuration(proxyBeanMethods = false)
class InsurerConfiguration {

    @Bean
    MongoInsurerFollows insurerFollows(ReactiveMongoTemplate mongo) {
        // Its indexes are made with every store's, before the service serves (the platform's StoreIndexes).
        return new MongoInsurerFollows(mongo);
    }

    @Bean
    EventHandlers insurerFollowEvents(InsurerFollows follows) {
        return follows.bindings();
    }

    @Bean
    FollowedCases followedCases(InsurerFollows follows, CaseStore store, TenantAccess tenants) {
        return new FollowedCases(follows, store, tenants);
    }
}
