package app.thaw.notifications.reminders.internal;

import app.thaw.notifications.reminders.ReminderService;
import app.thaw.platform.timers.TimerFiring;
import app.thaw.platform.timers.TimerHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.publisher.Mono;

/** The reminder and escalation timers. */
@Configuration(proxyBeanMethods = false)
class ReminderTimerHandlers {

    @Bean
    TimerHandler reminderTimerHandler(ReminderService reminders) {
        return handler(ReminderService.REMINDER_TIMER, firing -> reminders.fire(firing));
    }

    @Bean
    TimerHandler reminderEscalationTimerHandler(ReminderService reminders) {
        return handler(ReminderService.ESCALATION_TIMER, firing -> reminders.escalate(firing));
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
