package app.thaw.evidence.hold;

import java.util.List;

import app.thaw.evidence.casefile.CaseFile;
import app.thaw.evidence.casefile.CaseFiles;
import app.thaw.evidence.casefile.CaseId;
import app.thaw.evidence.events.ConsumedEvents.CaseOpened;
import app.thaw.evidence.events.ConsumedEvents.CaseTriaged;
import app.thaw.platform.events.EventBinding;
import app.thaw.platform.events.EventHandlers;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.publisher.Mono;

/**
 * Learns cases from case-service (this feature's part: the automatic holds): {@code thaw.case.opened} makes the case known here with its
 * tenant and scenario, {@code thaw.case.triaged} changes the scenario. Either may arrive first
 * or twice: the scenario of the newest case event wins (by the events' sequence), and a repeat
 * finds the case known and the hold in place. Compliance and judicial scenarios get their
 * automatic legal hold.
 */
@Configuration(proxyBeanMethods = false)
class CaseEventsHandler {

    private static final Logger log = LoggerFactory.getLogger(CaseEventsHandler.class);

    @Bean
    EventHandlers caseEvents(CaseFiles cases, Holds holds) {
        return new EventHandlers(List.of(
                EventBinding.on(
                        CaseOpened.class,
                        event -> learn(
                                cases,
                                holds,
                                event.tenantId(),
                                event.data().caseId(),
                                event.data().scenario(),
                                event.sequence())),
                EventBinding.on(
                        CaseTriaged.class,
                        event -> learn(
                                cases,
                                holds,
                                event.tenantId(),
                                event.data().caseId(),
                                event.data().scenario(),
                                event.sequence()))));
    }

    private static Mono<Void> learn(
            CaseFiles cases,
            Holds holds,
            String tenantId,
            String caseIdText,
            String scenario,
            @Nullable Long sequence) {
        CaseId caseId = new CaseId(caseIdText);
        return cases.find(tenantId, caseId)
                .flatMap(known -> cases.applyScenario(caseId, tenantId, scenario, sequence)
                        .thenReturn(true))
                .switchIfEmpty(Mono.defer(() -> cases.insertIfAbsent(CaseFile.opened(caseId, tenantId, scenario))
                        // Lost a race with another first event of the case: apply this one by its sequence (a write
                        // naming the tenant: it changes nothing when the id is another tenant's).
                        .flatMap(inserted -> cases.applyScenario(caseId, tenantId, scenario, sequence)
                                .thenReturn(true))))
                .then(cases.find(tenantId, caseId))
                .switchIfEmpty(Mono.fromRunnable(() -> log.error(
                        "Case {} is known under another tenant; ignoring an event of tenant {}", caseId, tenantId)))
                .flatMap(holds::placeAutomaticIfNeeded)
                .then();
    }
}
