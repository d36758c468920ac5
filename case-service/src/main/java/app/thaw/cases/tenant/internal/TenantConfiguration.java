package app.thaw.cases.tenant.internal;

import java.time.Clock;

import app.thaw.cases.calendar.BusinessCalendars;
import app.thaw.cases.tenant.CaseProperties;
import app.thaw.cases.tenant.TenantPolicies;
import app.thaw.cases.tenant.TenantSettings;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/** Tenants' settings in the store, and their policies and calendars over the service's defaults. */
@Configuration(proxyBeanMethods = false)
class TenantConfiguration {

    @Bean
    BusinessCalendars businessCalendars(Clock clock) {
        return new BusinessCalendars(clock);
    }

    @Bean
    MongoTenantSettingsStore tenantSettingsStore(ReactiveMongoTemplate mongo) {
        return new MongoTenantSettingsStore(mongo);
    }

    @Bean
    TenantPolicies tenantPolicies(
            MongoTenantSettingsStore store, BusinessCalendars calendars, CaseProperties properties) {
        return new TenantPolicies(store, calendars, properties);
    }

    /** The settings' mapping built at start-up, so first requests that arrive together do not wait on its lock. */
    @Bean
    SmartInitializingSingleton tenantSettingsMapping(ReactiveMongoTemplate mongo) {
        return () -> mongo.getConverter().getMappingContext().getPersistentEntity(TenantSettings.class);
    }
}
