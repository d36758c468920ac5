package app.thaw.platform.config;

import java.time.Clock;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * The one clock every time-dependent part of the platform and the services reads (outbox, timers,
 * audit, case clocks, reminders), so a test can move time without waiting.
 *
 * <p>{@code thaw.clock.controllable=true} swaps in a {@link ControllableClock} with
 * {@code /internal/clock} to move it — for the acceptance journeys only: it is refused (the
 * application does not start) unless the {@value #TEST_CLOCK_PROFILE} profile is active too, so
 * a stray property can never let anyone move a production clock. {@code thaw.clock.offset} (an ISO-8601
 * duration) starts it that far ahead of real time: an instance restarted mid-test joins its peers' moved time
 * before it reads a single event or claims a single lease, so no lease it takes looks lapsed to them.
 */
@AutoConfiguration
public class ClockAutoConfiguration {

    public static final String TEST_CLOCK_PROFILE = "test-clock";

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(name = "thaw.clock.controllable", havingValue = "false", matchIfMissing = true)
    Clock clock() {
        return Clock.systemUTC();
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "thaw.clock.controllable", havingValue = "true")
    static class Controllable {

        @Bean
        ControllableClock clock(Environment environment) {
            if (!environment.acceptsProfiles(Profiles.of(TEST_CLOCK_PROFILE))) {
                throw new IllegalStateException("thaw.clock.controllable=true is refused: a controllable clock exists "
                        + "only for acceptance tests, under the '" + TEST_CLOCK_PROFILE + "' profile");
            }
            ControllableClock clock = new ControllableClock(Clock.systemUTC());
            clock.advance(DurationStyle.detectAndParse(environment.getProperty("thaw.clock.offset", "PT0S")));
            return clock;
        }

        @Bean
        @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
        ClockController clockController(ControllableClock clock) {
            return new ClockController(clock);
        }
    }
}
