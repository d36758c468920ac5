package app.thaw.platform.tenancy;

import java.time.Clock;

import app.thaw.platform.audit.AuditAutoConfiguration;
import app.thaw.platform.audit.AuditLog;
import app.thaw.platform.events.EventHandlers;
import app.thaw.platform.events.EventOutbox;
import app.thaw.platform.events.EventsAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/** Partner links and the tenant-access rule for every application that owns a database. */
@AutoConfiguration(after = {AuditAutoConfiguration.class, EventsAutoConfiguration.class})
@ConditionalOnClass(ReactiveMongoTemplate.class)
@ConditionalOnBean({ReactiveMongoTemplate.class, AuditLog.class})
public class TenancyAutoConfiguration {

    @Bean
    PartnerLinks partnerLinks(ReactiveMongoTemplate mongo, Clock clock, ObjectProvider<EventOutbox> outbox) {
        return new PartnerLinks(mongo, clock, outbox.getIfAvailable());
    }

    @Bean
    TenantAccess tenantAccess(PartnerLinks links, AuditLog audit) {
        return new TenantAccess(links, audit);
    }

    @Bean
    EventHandlers partnerLinkReplica(PartnerLinks links) {
        return PartnerLinkEvents.replica(links);
    }
}
