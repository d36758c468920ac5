package app.thaw.cases.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** Reading a shipped schedule: its format, and the mistakes it refuses. */
class OfficialScheduleTests {

    @Test
    void readsUnquotedDatesAndInclusiveRangesAsCalendarDays() {
        OfficialSchedule schedule = parse("""
                years:
                  2025:
                    source: a notice
                    days-off:
                      - 2025-01-01
                      - 2025-10-01..2025-10-08
                    working-days:
                      - 2025-10-11
                """);
        assertThat(schedule.daysOffIn(2025))
                .hasSize(9)
                .contains(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 10, 1), LocalDate.of(2025, 10, 8));
        assertThat(schedule.workingDaysIn(2025)).containsExactly(LocalDate.of(2025, 10, 11));
        assertThat(schedule.covers(2025)).isTrue();
        assertThat(schedule.covers(2024)).isFalse();
    }

    @Test
    void aBreakReachingIntoTheNextYearCountsInThatYear() {
        OfficialSchedule schedule = parse("""
                years:
                  2024:
                    source: a notice
                    days-off: [2024-12-31..2025-01-01]
                """);
        assertThat(schedule.daysOffIn(2024)).containsExactly(LocalDate.of(2024, 12, 31));
        assertThat(schedule.daysOffIn(2025)).containsExactly(LocalDate.of(2025, 1, 1));
        assertThat(schedule.covers(2025)).isFalse();
    }

    @Test
    void refusesADayThatIsBothOffAndWorking() {
        assertThatThrownBy(() -> parse("""
                years:
                  2025:
                    source: a notice
                    days-off: [2025-10-01..2025-10-08]
                    working-days: [2025-10-08]
                """))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("2025-10-08");
    }

    @Test
    void refusesAYearThatDoesNotSayWhichNoticeItCopies() {
        assertThatThrownBy(() -> parse("""
                years:
                  2025:
                    days-off: [2025-10-01]
                """))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("source");
    }

    @Test
    void refusesADateFarFromItsYearAsATypo() {
        assertThatThrownBy(() -> parse("""
                years:
                  2025:
                    source: a notice
                    days-off: [2052-10-01]
                """))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("2052-10-01");
    }

    @Test
    void refusesARangeThatEndsBeforeItStarts() {
        assertThatThrownBy(() -> parse("""
                years:
                  2025:
                    source: a notice
                    days-off: [2025-10-08..2025-10-01]
                """))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ends before it starts");
    }

    private static OfficialSchedule parse(String yaml) {
        return OfficialSchedule.parse(new StringReader(yaml), "test.yaml");
    }
}
