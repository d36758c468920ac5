package app.thaw.notifications.reminders.internal;

import java.util.List;

import app.thaw.notifications.events.ConsumedEvents.ClockCancelled;
import app.thaw.notifications.events.ConsumedEvents.ClockMet;
import app.thaw.notifications.events.ConsumedEvents.ClockPaused;
import app.thaw.notifications.events.ConsumedEvents.ClockSet;
import app.thaw.notifications.reminders.ReminderService;
import app.thaw.platform.events.EventBinding;
import app.thaw.platform.events.EventHandlers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * case-service's clocks: set (or moved, or reassigned) schedules reminders; met, cancelled or
 * paused clears them. Events may arrive late or twice: the reminder service applies each by its
 * sequence and remembers a met or cancelled clock, so a late {@code set} re-arms nothing.
 */
@Configuration(proxyBeanMethods = false)
class ReminderEventHandler {

    @Bean
    EventHandlers clockEvents(ReminderService reminders) {
        return new EventHandlers(List.of(
                EventBinding.on(ClockSet.class, event -> {
                    ClockSet clock = event.data();
                    return reminders.set(
                            new ReminderService.Deadline(
                                    event.tenantId(),
                                    clock.clockId(),
                                    clock.clock(),
                                    clock.caseId(),
                                    clock.reference(),
                                    event.time(),
                                    clock.dueAt(),
                                    clock.ownerRole(),
                                    clock.ownerUserId(),
                                    clock.urgent(),
                                    clock.label()),
                            event.sequence());
                }),
                EventBinding.on(
                        ClockMet.class,
                        event -> reminders.clear(event.tenantId(), event.data().clockId(), "MET", event.sequence())),
                EventBinding.on(
                        ClockPaused.class,
                        event -> reminders.clear(event.tenantId(), event.data().clockId(), "PAUSED", event.sequence())),
                EventBinding.on(
                        ClockCancelled.class,
                        event -> reminders.clear(
                                event.tenantId(), event.data().clockId(), "CANCELLED", event.sequence()))));
    }
}
