package app.thaw.notifications.delivery.internal;

import java.util.Optional;

import app.thaw.notifications.delivery.DispatchService;
import app.thaw.notifications.delivery.Notification;
import app.thaw.notifications.events.ConsumedEvents;
import app.thaw.notifications.templates.TemplateFacts;
import app.thaw.platform.events.EventBinding;
import app.thaw.platform.events.EventHandler;
import app.thaw.platform.events.EventHandlers;
import app.thaw.platform.events.ThawEvent;
import app.thaw.platform.privacy.AccountNumbers;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.publisher.Mono;

/**
 * Turns other services' events into notifications, each through this service's own record of it
 * ({@link ConsumedEvents#NOTIFIED}): the record is what the templates may name and the webhooks
 * pass on. The event id keys every delivery, so a redelivered event (at least once) finds its
 * deliveries stored and sends nothing again. Clock bookkeeping events drive reminders instead (see
 * the reminders feature).
 */
@Configuration(proxyBeanMethods = false)
class NotifyingEventHandler {

    @Bean
    EventHandlers notifiedEvents(DispatchService dispatch, CaseReferences references) {
        Notifier notifier = new Notifier(dispatch, references);
        return new EventHandlers(ConsumedEvents.NOTIFIED.stream()
                .map(record -> masked(bind(record, notifier)))
                .toList());
    }

    private static <T extends TemplateFacts> EventBinding<T> bind(Class<T> record, Notifier notifier) {
        return EventBinding.on(record, notifier::tell);
    }

    /**
     * Whatever a producer sent, account numbers reach records, messages and webhooks masked
     * (docs/events.md): the data is masked before it becomes the record.
     */
    private static EventHandler masked(EventBinding<?> binding) {
        return new EventHandler() {
            @Override
            public boolean handles(String type) {
                return binding.handles(type);
            }

            @Override
            public Mono<Void> handle(ThawEvent event) {
                return binding.handle(new ThawEvent(
                        event.id(),
                        event.source(),
                        event.type(),
                        event.subject(),
                        event.time(),
                        event.tenantId(),
                        event.sequence(),
                        event.traceparent(),
                        AccountNumbers.maskedIn(event.data())));
            }
        };
    }

    private record Notifier(DispatchService dispatch, CaseReferences references) {

        Mono<Void> tell(EventBinding.Received<? extends TemplateFacts> event) {
            TemplateFacts facts = event.data();
            String theCase = facts.caseId() != null
                    ? facts.caseId()
                    : event.type().startsWith("thaw.case.") ? event.subject() : null;
            if (theCase == null) {
                return dispatch(event, null, null);
            }
            // A message names the case by its reference: remember it from the case's events, fill it in for those
            // without it.
            String reference = facts.reference();
            if (reference != null && !reference.isBlank()) {
                // The event names its case's reference, so planning does not read it back: remembering it for later
                // events and planning this one's messages are independent writes, made at once.
                return event.type().equals("thaw.case.opened") || event.type().equals("thaw.case.triaged")
                        ? Mono.when(
                                references.remember(event.tenantId(), theCase, reference),
                                dispatch(event, theCase, null))
                        : dispatch(event, theCase, null);
            }
            return references
                    .of(event.tenantId(), theCase)
                    .map(Optional::of)
                    .defaultIfEmpty(Optional.empty())
                    .flatMap(known -> dispatch(event, theCase, known.orElse(null)));
        }

        private Mono<Void> dispatch(
                EventBinding.Received<? extends TemplateFacts> event,
                @Nullable String theCase,
                @Nullable String knownReference) {
            TemplateFacts facts = event.data();
            return Mono.defer(() -> dispatch.dispatch(new Notification(
                    event.id(),
                    event.tenantId(),
                    event.type(),
                    theCase,
                    knownReference,
                    Boolean.TRUE.equals(facts.restricted()),
                    false,
                    facts,
                    event.traceparent(),
                    event.sequence(),
                    // The staff owner the rules' OWNER audience means: a breached clock's, a due task's role.
                    Notification.Owner.of(facts.ownerUserId(), facts.ownerRole()))));
        }
    }
}
