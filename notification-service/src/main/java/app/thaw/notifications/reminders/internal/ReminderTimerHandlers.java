package app.thaw.notifications.reminders.internal;

import app.thaw.notifications.reminders.ReminderService;
import app.thaw.platform.timers.TimerFiring;
import app.thaw.platform.timers.TimerHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.publisher.Mono;

/**
 * The reminder and escalation timers. Timers collect their handlers when created and reminders
 * schedule timers, so the service is looked up when a timer fires.
 */
@Configuration(proxyBeanMethods = false)
class ReminderTimerHandlers {

    @Bean
    TimerHandler reminderTimerHandler(ObjectProvider<ReminderService> reminders) {
        return handler(ReminderService.REMINDER_TIMER, firing -> reminders.getObject().fire(firing));
    }

    @Bean
    TimerHandler reminderEscalationTimerHandler(ObjectProvider<ReminderService> reminders) {
        return handler(ReminderService.ESCALATION_TIMER, firing -> reminders.getObject().escalate(firing));
    }

    private static TimerHandler handler(String type, java.util.function.Function<TimerFiring, Mono<Void>> fire) {
        return new TimerHandler() {
            @Override
            public String type() {
                return type;
            }

            @Override
            public Mono<Void> fire(TimerFiring firing) {
                return fire.apply(firing);
            }
        };
    }
}
