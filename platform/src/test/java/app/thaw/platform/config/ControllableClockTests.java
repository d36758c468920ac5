package app.thaw.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

import app.thaw.platform.problem.ThawProblem;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class ControllableClockTests {

    private final ApplicationContextRunner contexts =
            new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(ClockAutoConfiguration.class));

    @Test
    void theRealClockIsTheDefault() {
        contexts.run(context -> assertThat(context.getBean(Clock.class)).isNotInstanceOf(ControllableClock.class));
    }

    @Test
    void aControllableClockIsRefusedOutsideTheTestProfile() {
        contexts.withPropertyValues("thaw.clock.controllable=true")
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("refused")
                        .hasMessageContaining("test-clock"));
    }

    @Test
    void theTestProfileGivesAClockThatMovesForward() {
        contexts.withPropertyValues("thaw.clock.controllable=true")
                .withInitializer(context ->
                        context.getEnvironment().setActiveProfiles(ClockAutoConfiguration.TEST_CLOCK_PROFILE))
                .run(context -> {
                    Clock clock = context.getBean(Clock.class);
                    assertThat(clock).isInstanceOf(ControllableClock.class);
                    Instant before = clock.instant();
                    ((ControllableClock) clock).advance(Duration.ofHours(24));
                    assertThat(Duration.between(before, clock.instant()))
                            .isBetween(Duration.ofHours(24), Duration.ofHours(25));
                });
    }

    @Test
    void aRestartedInstanceStartsAtTheOffsetItIsGiven() {
        contexts.withPropertyValues("thaw.clock.controllable=true", "thaw.clock.offset=P12D")
                .withInitializer(context ->
                        context.getEnvironment().setActiveProfiles(ClockAutoConfiguration.TEST_CLOCK_PROFILE))
                .run(context -> {
                    ControllableClock clock = context.getBean(ControllableClock.class);
                    assertThat(clock.offset()).isEqualTo(Duration.ofDays(12));
                    assertThat(Duration.between(Instant.now(), clock.instant()))
                            .isBetween(
                                    Duration.ofDays(12).minusMinutes(1),
                                    Duration.ofDays(12).plusMinutes(1));
                });
    }

    @Test
    void aZonedViewMovesWithTheOriginal() {
        ControllableClock clock =
                new ControllableClock(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
        Clock shanghai = clock.withZone(ZoneId.of("Asia/Shanghai"));
        clock.advance(Duration.ofDays(3));
        assertThat(shanghai.instant()).isEqualTo(Instant.parse("2026-01-04T00:00:00Z"));
    }

    @Test
    void theEndpointAdvancesByAnIsoDurationAndRefusesToGoBack() {
        ControllableClock clock =
                new ControllableClock(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
        ClockController endpoint = new ClockController(clock);

        assertThat(endpoint.advance(Map.of("by", "PT24H")))
                .containsEntry("now", "2026-01-02T00:00:00Z")
                .containsEntry("offset", "PT24H");
        assertThatThrownBy(() -> endpoint.advance(Map.of("by", "-PT1H"))).isInstanceOf(ThawProblem.class);
        assertThatThrownBy(() -> endpoint.advance(Map.of("by", "tomorrow"))).isInstanceOf(ThawProblem.class);
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-01-02T00:00:00Z"));
    }
}
