package app.thaw.cases.application;

import java.time.Clock;

import app.thaw.cases.playbook.DefaultPlaybooks;
import app.thaw.cases.playbook.ScriptRenderer;
import app.thaw.cases.triage.TriageEngine;
import app.thaw.cases.triage.TriageRules;
import app.thaw.platform.audit.AuditLog;
import app.thaw.platform.calendar.BusinessCalendars;
import app.thaw.platform.events.EventHandlers;
import app.thaw.platform.events.EventOutbox;
import app.thaw.platform.events.Traceparents;
import app.thaw.platform.timers.Timers;
import io.micrometer.tracing.Tracer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/** Wires the case service: rules and playbooks read once at startup, indexes created before the first request. */
@Configuration(proxyBeanMethods = false)
class CaseServiceConfiguration {

    @Bean
    TriageEngine triageEngine() {
        return new TriageEngine(TriageRules.defaults());
    }

    @Bean
    DefaultPlaybooks defaultPlaybooks() {
        return DefaultPlaybooks.load();
    }

    @Bean
    ScriptRenderer scriptRenderer(DefaultPlaybooks defaults) {
        return new ScriptRenderer(defaults.restrictedNotice());
    }

    @Bean
    app.thaw.cases.appeal.AppealLetters appealLetters(ScriptRenderer renderer, CaseProperties properties) {
        return new app.thaw.cases.appeal.AppealLetters(renderer, properties.cjkFonts());
    }

    @Bean
    BusinessCalendars businessCalendars(Clock clock) {
        return new BusinessCalendars(clock);
    }

    @Bean
    TenantPolicies tenantPolicies(ReactiveMongoTemplate mongo, BusinessCalendars calendars, CaseProperties properties) {
        return new TenantPolicies(mongo, calendars, properties);
    }


    @Bean
    CaseStore caseStore(ReactiveMongoTemplate mongo, EventOutbox outbox, Timers timers, Traceparents traceparents) {
        return new CaseStore(mongo, outbox, timers, traceparents);
    }

    @Bean
    Playbooks playbooks(ReactiveMongoTemplate mongo, DefaultPlaybooks defaults) {
        return new Playbooks(mongo, defaults);
    }

    @Bean
    CaseAccessLog caseAccessLog(ReactiveMongoTemplate mongo, CaseService cases) {
        return new CaseAccessLog(mongo, cases);
    }

    @Bean
    app.thaw.cases.partner.PartnerLinkService partnerLinkService(app.thaw.platform.tenancy.PartnerLinks links,
                                                                  app.thaw.platform.tenancy.TenantAccess tenants, Traceparents traceparents) {
        return new app.thaw.cases.partner.PartnerLinkService(links, tenants, traceparents);
    }

    @Bean
    app.thaw.cases.insurer.InsurerFollows insurerFollows(ReactiveMongoTemplate mongo) {
        app.thaw.cases.insurer.InsurerFollows follows = new app.thaw.cases.insurer.InsurerFollows(mongo);
        follows.createIndexes().subscribe();
        return follows;
    }

    @Bean
    EventHandlers insurerFollowEvents(app.thaw.cases.insurer.InsurerFollows follows) {
        return follows.bindings();
    }

    @Bean
    app.thaw.cases.insurer.FollowedCases followedCases(app.thaw.cases.insurer.InsurerFollows follows, CaseStore store,
                                                       app.thaw.platform.tenancy.TenantAccess tenants) {
        return new app.thaw.cases.insurer.FollowedCases(follows, store, tenants);
    }

    @Bean
    CaseAccess caseAccess(AuditLog audit, app.thaw.platform.tenancy.TenantAccess tenants) {
        return new CaseAccess(audit, tenants);
    }

    @Bean
    CaseService caseService(CaseStore store, TenantPolicies policies, TriageEngine triage, Playbooks playbooks, CaseAccess access,
                            Clock clock, CaseProperties properties, app.thaw.platform.plans.Quotas quotas) {
        return new CaseService(store, policies, triage, playbooks, access, clock, properties, quotas);
    }

    @Bean
    CaseAnalytics caseAnalytics(ReactiveMongoTemplate mongo, CaseAccess access, Clock clock) {
        return new CaseAnalytics(mongo, access, clock);
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

    // Indexes before the first request; blocking is fine here, on the main thread at startup.
    // Spring Data builds a type's mapping metadata on first use under a lock; building it here
    // keeps first requests that arrive together from parking an event loop on that lock.
    @Bean
    SmartInitializingSingleton caseIndexes(CaseStore store, Playbooks playbooks, ReactiveMongoTemplate mongo) {
        return () -> {
            for (Class<?> stored : new Class<?>[] {app.thaw.cases.incident.IncidentCase.class, TenantSettings.class,
                    app.thaw.cases.playbook.Playbook.class}) {
                mongo.getConverter().getMappingContext().getPersistentEntity(stored);
            }
            // Start-up, on the starting thread, not an event loop: the service must not answer before
            // its indexes and default playbooks exist, so it waits for them (bounded).
            store.init().then(playbooks.init()).block(java.time.Duration.ofSeconds(30));
        };
    }
}
