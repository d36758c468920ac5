package app.thaw.evidence.events;

import app.thaw.platform.events.EventType;

/** evidence-service's own records of the case events it consumes: only what it reads (docs/events.md). */
public final class ConsumedEvents {

    private ConsumedEvents() {
    }

    @EventType("thaw.case.opened")
    public record CaseOpened(String caseId, String scenario) {
    }

    @EventType("thaw.case.triaged")
    public record CaseTriaged(String caseId, String scenario) {
    }
}
