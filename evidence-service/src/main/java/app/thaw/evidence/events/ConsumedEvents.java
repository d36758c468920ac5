package app.thaw.evidence.events;

import app.thaw.platform.events.EventType;
import org.jspecify.annotations.Nullable;

/** evidence-service's own records of the case events it consumes: only what it reads (docs/events.md). */
public final class ConsumedEvents {

    private ConsumedEvents() {}

    /** @param reference the case's number and {@code holder} its holder, shown on the dashboard (absent from older producers) */
    @EventType("thaw.case.opened")
    public record CaseOpened(
            String caseId,
            String scenario,
            @Nullable String reference,
            @Nullable Holder holder) {}

    @EventType("thaw.case.triaged")
    public record CaseTriaged(
            String caseId,
            String scenario,
            @Nullable String reference,
            @Nullable Holder holder) {}

    /** The case's holder: only the name staff know the case by. */
    public record Holder(@Nullable String displayName) {}
}
