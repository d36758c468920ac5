package app.thaw.notifications.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class ReminderPlanTests {

    static final List<Duration> DEFAULT =
            List.of(Duration.ofMinutes(60), Duration.ofMinutes(30), Duration.ofMinutes(10));

    @Test
    void remindersFallSixtyThirtyAndTenMinutesBeforeTheDeadline() {
        Instant due = Instant.parse("2030-01-01T12:00:00Z");
        assertThat(ReminderPlan.schedule(due, DEFAULT, due.minus(Duration.ofHours(3)), due.minus(Duration.ofHours(3))))
                .containsExactly(
                        java.util.Map.entry(60L, Instant.parse("2030-01-01T11:00:00Z")),
                        java.util.Map.entry(30L, Instant.parse("2030-01-01T11:30:00Z")),
                        java.util.Map.entry(10L, Instant.parse("2030-01-01T11:50:00Z")));
    }

    @Test
    void aDeadlineSetCloseToNowGetsOnlyTheRemindersStillAhead() {
        Instant due = Instant.parse("2030-01-01T12:00:00Z");
        assertThat(ReminderPlan.schedule(
                        due, DEFAULT, due.minus(Duration.ofMinutes(20)), due.minus(Duration.ofMinutes(20))))
                .containsOnlyKeys(10L);
    }

    @Test
    void aReminderThatPassedWhileTheEventWasOnItsWayIsKeptAndSupersedesEarlierOnes() {
        Instant due = Instant.parse("2030-01-01T12:00:00Z");
        Instant setAt = due.minus(Duration.ofHours(3));
        Instant arrived = due.minus(Duration.ofMinutes(25));

        assertThat(ReminderPlan.schedule(due, DEFAULT, setAt, arrived))
                .containsOnly(
                        java.util.Map.entry(30L, Instant.parse("2030-01-01T11:30:00Z")),
                        java.util.Map.entry(10L, Instant.parse("2030-01-01T11:50:00Z")));
    }

    @Test
    void noReminderFiresForADeadlineThatPassedBeforeTheEventArrived() {
        Instant due = Instant.parse("2030-01-01T12:00:00Z");
        assertThat(ReminderPlan.schedule(due, DEFAULT, due.minus(Duration.ofHours(3)), due.plusSeconds(1)))
                .isEmpty();
    }
}
