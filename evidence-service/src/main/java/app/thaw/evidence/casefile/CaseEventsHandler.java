package app.thaw.evidence.casefile;

import java.util.Map;

import app.thaw.evidence.domain.CaseFile;
import app.thaw.evidence.domain.CaseId;
import app.thaw.platform.events.EventHandler;
import app.thaw.platform.events.ThawEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Learns cases from case-service: {@code thaw.case.opened} makes the case known here with its
 * tenant and scenario, {@code thaw.case.triaged} (and any later case event) updates the scenario.
 * Compliance and judicial scenarios get their automatic legal hold. Idempotent: a repeated event
 * finds the case known and the hold in place.
 */
@Component
class CaseEventsHandler implements EventHandler {

    private static final Logger log = LoggerFactory.getLogger(CaseEventsHandler.class);

    private final CaseFiles cases;
    private final Holds holds;

    CaseEventsHandler(CaseFiles cases, Holds holds) {
        this.cases = cases;
        this.holds = holds;
    }

    @Override
    public boolean handles(String type) {
        return type.equals("thaw.case.opened") || type.equals("thaw.case.triaged");
    }

    @Override
    public Mono<Void> handle(ThawEvent event) {
        Map<String, Object> data = event.data();
        if (!(data.get("caseId") instanceof String caseIdText) || !(data.get("scenario") instanceof String scenario)) {
            log.warn("Ignoring {} {}: no caseId or scenario in its data", event.type(), event.id());
            return Mono.empty();
        }
        CaseId caseId = new CaseId(caseIdText);
        return cases.insertIfAbsent(CaseFile.opened(caseId, event.tenantId(), scenario))
                .then(cases.find(caseId))
                .flatMap(file -> {
                    if (!file.tenantId().equals(event.tenantId())) {
                        log.error("Case {} is known under another tenant; ignoring {} {}", caseId, event.type(), event.id());
                        return Mono.empty();
                    }
                    Mono<CaseFile> current = file.scenario().equals(scenario) ? Mono.just(file)
                            : cases.update(file.withScenario(scenario), java.util.List.of());
                    return current.flatMap(holds::placeAutomaticIfNeeded);
                })
                .then();
    }
}
