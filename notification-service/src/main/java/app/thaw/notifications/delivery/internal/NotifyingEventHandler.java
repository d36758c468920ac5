package app.thaw.notifications.delivery.internal;

import java.util.HashMap;
import java.util.Map;

import app.thaw.notifications.delivery.DispatchService;
import app.thaw.notifications.delivery.Notification;
import app.thaw.notifications.events.ConsumedEvents.ClockBreached;
import app.thaw.notifications.events.ConsumedEvents.TaskDue;
import app.thaw.platform.events.EventData;
import app.thaw.platform.events.EventHandler;
import app.thaw.platform.events.ThawEvent;
import app.thaw.platform.privacy.AccountNumbers;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Turns other services' events into notifications. The event id keys every delivery, so a
 * redelivered event (at least once) finds its deliveries stored and sends nothing again. Clock
 * bookkeeping events drive reminders instead (see the reminders feature).
 */
@Component
class NotifyingEventHandler implements EventHandler {

    private final DispatchService dispatch;
    private final CaseReferences references;

    NotifyingEventHandler(DispatchService dispatch, CaseReferences references) {
        this.dispatch = dispatch;
        this.references = references;
    }

    @Override
    public boolean handles(String type) {
        return (type.startsWith("thaw.case.") || type.startsWith("thaw.evidence.") || type.startsWith("thaw.alert."))
                        && !type.startsWith("thaw.case.clock_")
                || type.equals("thaw.case.clock_breached");
    }

    @Override
    public Mono<Void> handle(ThawEvent event) {
        // Whatever a producer sent, account numbers reach records, messages and webhooks masked (docs/events.md).
        Map<String, Object> data = new HashMap<>(AccountNumbers.maskedIn(event.data()));
        Object caseId = data.get("caseId");
        if (caseId == null && event.type().startsWith("thaw.case.")) {
            caseId = event.subject();
        }
        String theCase = caseId == null ? null : caseId.toString();
        Mono<Void> dispatched = Mono.defer(() -> dispatch.dispatch(new Notification(
                event.id(),
                event.tenantId(),
                event.type(),
                theCase,
                Boolean.TRUE.equals(data.get("restricted")),
                false,
                data,
                event.traceparent(),
                event.sequence(),
                ownerOf(event))));
        if (theCase == null) {
            return dispatched;
        }
        // A message names the case by its reference: remember it from the case's events, fill it in for those without
        // it.
        if (data.get("reference") instanceof String reference && !reference.isBlank()) {
            return (event.type().equals("thaw.case.opened") || event.type().equals("thaw.case.triaged")
                            ? references.remember(event.tenantId(), theCase, reference)
                            : Mono.<Void>empty())
                    .then(dispatched);
        }
        return references
                .of(event.tenantId(), theCase)
                .doOnNext(reference -> data.put("reference", reference))
                .then(dispatched);
    }

    /**
     * The staff owner the rules' {@code OWNER} audience means, read through this service's own
     * records of the two events that name one (docs/events.md); none for any other event.
     */
    private static Notification.@Nullable Owner ownerOf(ThawEvent event) {
        return switch (event.type()) {
            case "thaw.case.clock_breached" -> {
                ClockBreached breach = EventData.fromJson(event.data(), ClockBreached.class);
                yield Notification.Owner.of(breach.ownerUserId(), breach.ownerRole());
            }
            case "thaw.case.task_due" ->
                Notification.Owner.of(
                        null, EventData.fromJson(event.data(), TaskDue.class).ownerRole());
            default -> null;
        };
    }
}
