package app.thaw.cases.events;

import java.util.ArrayList;
import java.util.List;

import app.thaw.cases.checklist.ChecklistCatalogue;
import app.thaw.cases.incident.CaseClock;
import app.thaw.cases.incident.CaseEvent;
import app.thaw.cases.incident.IncidentCase;
import app.thaw.platform.events.ThawEvent;
import app.thaw.platform.privacy.AccountNumbers;
import org.jspecify.annotations.Nullable;

/**
 * Turns what a case recorded into its {@code thaw.case.*} events. Each event's {@code sequence} is
 * its line on the case's timeline, so it only grows per case and a consumer can tell a late event
 * from a newer one.
 */
public final class CaseEventMapper {

    public static final String SOURCE = "/thaw/case-service";

    private CaseEventMapper() {}

    /** @param events the case's newest recorded events, the last lines of its timeline */
    public static List<ThawEvent> toThaw(IncidentCase c, List<CaseEvent> events, @Nullable String traceparent) {
        long firstSequence = c.timeline().size() - events.size() + 1L;
        List<ThawEvent> published = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            CaseEvent event = events.get(i);
            Object data = data(c, event);
            if (data != null) {
                published.add(
                        ThawEvent.of(SOURCE, c.id(), c.tenantId(), event.at(), firstSequence + i, traceparent, data));
            }
        }
        return published;
    }

    /** The event's record, or null for what only the timeline keeps. */
    static @Nullable Object data(IncidentCase c, CaseEvent event) {
        String id = c.id();
        var scenario = c.scenario();
        boolean drill = c.drill();
        boolean restricted = c.restricted();
        String reference = c.reference();
        return switch (event) {
            case CaseEvent.Opened e ->
                new CaseEvents.Opened(
                        id,
                        scenario,
                        drill,
                        restricted,
                        c.reference(),
                        new CaseEvents.Holder(
                                c.holder().type(),
                                c.holder().displayName(),
                                AccountNumbers.masked(c.holder().accountReference())),
                        c.platform(),
                        c.scope(),
                        c.openedAt(),
                        c.sourceAlertId());
            case CaseEvent.Triaged e ->
                new CaseEvents.Triaged(
                        id,
                        e.scenario(),
                        drill,
                        restricted,
                        e.scope(),
                        e.confidence(),
                        e.previousScenario(),
                        e.overridden(),
                        c.reference(),
                        new CaseEvents.HolderName(c.holder().displayName()),
                        c.checklist().stream()
                                .map(item -> new CaseEvents.Requirement(
                                        item.code(),
                                        ChecklistCatalogue.label(item.code(), "en"),
                                        ChecklistCatalogue.label(item.code(), "zh"),
                                        item.reasonEn(),
                                        item.reasonZh(),
                                        item.status()))
                                .toList());
            case CaseEvent.StatusChanged e ->
                new CaseEvents.StatusChanged(
                        id, scenario, drill, restricted, reference, e.from(), e.to(), e.reason(), e.actor());
            case CaseEvent.ClockSet e ->
                new CaseEvents.ClockSet(
                        id,
                        scenario,
                        drill,
                        restricted,
                        reference,
                        e.clock().id(),
                        e.clock().kind(),
                        e.clock().dueAt(),
                        e.clock().ownerRole(),
                        c.assignee(),
                        e.clock().urgent(),
                        e.clock().label());
            case CaseEvent.ClockPaused e ->
                new CaseEvents.ClockPaused(
                        id,
                        scenario,
                        drill,
                        restricted,
                        reference,
                        e.clock().id(),
                        e.clock().kind(),
                        e.waitingOn());
            case CaseEvent.ClockMet e ->
                new CaseEvents.ClockMet(
                        id,
                        scenario,
                        drill,
                        restricted,
                        reference,
                        e.clock().id(),
                        e.clock().kind(),
                        metAt(e.clock(), e));
            case CaseEvent.ClockCancelled e ->
                new CaseEvents.ClockCancelled(
                        id,
                        scenario,
                        drill,
                        restricted,
                        reference,
                        e.clock().id(),
                        e.clock().kind(),
                        e.reason());
            case CaseEvent.ClockBreached e ->
                new CaseEvents.ClockBreached(
                        id,
                        scenario,
                        drill,
                        restricted,
                        reference,
                        e.clock().id(),
                        e.clock().kind(),
                        e.clock().dueAt(),
                        e.clock().ownerRole(),
                        c.assignee());
            case CaseEvent.TaskDue e ->
                new CaseEvents.TaskDue(
                        id,
                        scenario,
                        drill,
                        restricted,
                        reference,
                        e.task().id(),
                        e.task().title(),
                        e.task().ownerRole(),
                        e.dueAt());
            case CaseEvent.SupplementRequested e ->
                new CaseEvents.SupplementRequested(
                        id, scenario, drill, restricted, reference, e.at(), e.items(), e.acknowledgeBy());
            case CaseEvent.EscalationFlagged e ->
                new CaseEvents.EscalationFlagged(id, scenario, drill, restricted, reference, e.level(), e.reason());
            case CaseEvent.Closed e ->
                new CaseEvents.Closed(id, scenario, drill, restricted, reference, e.at(), e.outcome());
            case CaseEvent.Noted e -> null;
        };
    }

    private static java.time.Instant metAt(CaseClock clock, CaseEvent event) {
        return clock.metAt() != null ? clock.metAt() : event.at();
    }
}
