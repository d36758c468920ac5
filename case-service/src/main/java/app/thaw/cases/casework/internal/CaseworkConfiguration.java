package app.thaw.cases.casework.internal;

import java.time.Clock;
import java.time.Duration;

import app.thaw.cases.access.CaseAccess;
import app.thaw.cases.analytics.CaseAnalytics;
import app.thaw.cases.casework.CaseAccessLog;
import app.thaw.cases.casework.CaseClockTimers;
import app.thaw.cases.casework.CaseEventConsumers;
import app.thaw.cases.casework.CaseOverview;
import app.thaw.cases.casework.CaseService;
import app.thaw.cases.casework.CaseStore;
import app.thaw.cases.casework.StaffTriage;
import app.thaw.cases.incident.IncidentCase;
import app.thaw.cases.playbook.Playbooks;
import app.thaw.cases.tenant.CaseProperties;
import app.thaw.cases.tenant.TenantPolicies;
import app.thaw.cases.triage.TriageEngine;
import app.thaw.platform.audit.AuditLog;
import app.thaw.platform.events.EventHandlers;
import app.thaw.platform.events.EventOutbox;
import app.thaw.platform.events.Traceparents;
import app.thaw.platform.plans.Quotas;
import app.thaw.platform.tenancy.TenantAccess;
import app.thaw.platform.timers.Timers;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/** Wires working a case: its store, its service, the reads across cases, its clocks and the events it consumes. */
@Configuration(proxyBeanMethods = false)
class CaseworkConfiguration {

    @Bean
    MongoCaseStore caseStore(
            ReactiveMongoTemplate mongo, EventOutbox outbox, Timers timers, Traceparents traceparents) {
        return new MongoCaseStore(mongo, outbox, timers, traceparents);
    }

    @Bean
    CaseAccess caseAccess(AuditLog audit, TenantAccess tenants) {
        return new CaseAccess(audit, tenants);
    }

    @Bean
    CaseService caseService(
            CaseStore store,
            TenantPolicies policies,
            TriageEngine triage,
            Playbooks playbooks,
            CaseAccess access,
            Clock clock,
            CaseProperties properties,
            Quotas quotas) {
        return new CaseService(store, policies, triage, playbooks, access, clock, properties, quotas);
    }

    @Bean
    CaseAccessLog caseAccessLog(ReactiveMongoTemplate mongo, CaseService cases) {
        return new MongoCaseAccessLog(mongo, cases);
    }

    @Bean
    CaseAnalytics caseAnalytics(ReactiveMongoTemplate mongo, CaseAccess access, Clock clock) {
        return new MongoCaseAnalytics(mongo, access, clock);
    }

    @Bean
    StaffTriage staffTriage(CaseService cases, Playbooks playbooks) {
        return new StaffTriage(cases, playbooks);
    }

    @Bean
    CaseOverview caseOverview(CaseStore store, CaseAccess access, Clock clock, CaseProperties properties) {
        return new CaseOverview(store, access, clock, properties);
    }

    @Bean
    CaseClockTimers caseClockTimers(CaseService cases) {
        return new CaseClockTimers(cases);
    }

    @Bean
    EventHandlers caseEventConsumers(CaseService cases) {
        return new EventHandlers(CaseEventConsumers.bindings(cases));
    }

    // The store's indexes are made with every store's (the platform's StoreIndexes). Spring Data builds a
    // type's mapping metadata on first use under a lock; building it here keeps first requests that arrive
    // together from parking an event loop on that lock. Start-up, on the starting thread: blocking is fine.
    @Bean
    SmartInitializingSingleton caseStoreStart(MongoCaseStore store, ReactiveMongoTemplate mongo) {
        return () -> {
            mongo.getConverter().getMappingContext().getPersistentEntity(IncidentCase.class);
            store.start().block(Duration.ofSeconds(30));
        };
    }
}
