package app.thaw.cases.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** China through the State Council schedule shipped in thaw/calendars/cn.yaml: Jollyday has no China. */
class ChinaBusinessCalendarTests {

    private static final BusinessCalendars calendars =
            new BusinessCalendars(Clock.fixed(Instant.parse("2025-06-01T00:00:00Z"), ZoneOffset.UTC));
    private static final BusinessCalendar china = calendars.forTenant(TenantCalendarSettings.of("CN", "Asia/Shanghai"));

    @Test
    void fiveBusinessDaysAfterTheEveOfGoldenWeekLandsAfterTheMakeupSaturday() {
        // Tue 30 Sep, then Oct 1-8 off: Thu 9, Fri 10, Sat 11 (makeup), Mon 13, Tue 14.
        assertThat(china.addBusinessDays(LocalDate.of(2025, 9, 30), 5)).isEqualTo(LocalDate.of(2025, 10, 14));
    }

    @Test
    void theSaturdayAfterGoldenWeekIsAMakeupWorkingDay() {
        assertThat(china.isBusinessDay(LocalDate.of(2025, 10, 11))).isTrue();
        assertThat(china.addBusinessDays(LocalDate.of(2025, 10, 10), 1)).isEqualTo(LocalDate.of(2025, 10, 11));
        assertThat(china.isBusinessDay(LocalDate.of(2025, 10, 12))).isFalse();
    }

    @Test
    void oneBusinessDayAfterTheFridayBeforeGoldenWeekIsTheMakeupSunday() {
        assertThat(china.addBusinessDays(LocalDate.of(2025, 9, 26), 1)).isEqualTo(LocalDate.of(2025, 9, 28));
        assertThat(china.isBusinessDay(LocalDate.of(2025, 9, 27))).isFalse();
    }

    @Test
    void everyDayOfGoldenWeekIsADayOffWeekdaysIncluded() {
        LocalDate.of(2025, 10, 1)
                .datesUntil(LocalDate.of(2025, 10, 9))
                .forEach(day ->
                        assertThat(china.isBusinessDay(day)).as("%s", day).isFalse());
    }

    @Test
    void countingBackwardsJumpsGoldenWeekAndStopsOnTheMakeupDays() {
        assertThat(china.addBusinessDays(LocalDate.of(2025, 10, 9), -1)).isEqualTo(LocalDate.of(2025, 9, 30));
        assertThat(china.addBusinessDays(LocalDate.of(2025, 10, 13), -1)).isEqualTo(LocalDate.of(2025, 10, 11));
        assertThat(china.addBusinessDays(LocalDate.of(2025, 9, 29), -1)).isEqualTo(LocalDate.of(2025, 9, 28));
        assertThat(china.addBusinessDays(LocalDate.of(2025, 10, 14), -5)).isEqualTo(LocalDate.of(2025, 9, 30));
    }

    @Test
    void goldenWeekHoldsFiveBusinessDaysBetweenItsEveAndTheSecondTuesdayWhicheverWayCounted() {
        assertThat(china.businessDaysBetween(LocalDate.of(2025, 9, 30), LocalDate.of(2025, 10, 14)))
                .isEqualTo(5);
        assertThat(china.businessDaysBetween(LocalDate.of(2025, 10, 14), LocalDate.of(2025, 9, 30)))
                .isEqualTo(-5);
    }

    @Test
    void theSpringFestivalBreakOf2025IsFramedByItsMakeupSundayAndSaturday() {
        assertThat(china.isBusinessDay(LocalDate.of(2025, 1, 26))).isTrue();
        assertThat(china.addBusinessDays(LocalDate.of(2025, 1, 27), 1)).isEqualTo(LocalDate.of(2025, 2, 5));
        assertThat(china.addBusinessDays(LocalDate.of(2025, 2, 7), 1)).isEqualTo(LocalDate.of(2025, 2, 8));
    }

    @Test
    void theSpringFestivalBreakOf2026RunsFromTheMakeupSaturdayToTheTuesdayAfter() {
        assertThat(china.addBusinessDays(LocalDate.of(2026, 2, 13), 1)).isEqualTo(LocalDate.of(2026, 2, 14));
        assertThat(china.addBusinessDays(LocalDate.of(2026, 2, 14), 1)).isEqualTo(LocalDate.of(2026, 2, 24));
    }

    @Test
    void aTenantsOwnDayOffWinsOverAnOfficialMakeupDay() {
        BusinessCalendar closedOnTheMakeupSaturday = calendars.forTenant(
                TenantCalendarSettings.of("CN", "Asia/Shanghai").withExtraHolidays(LocalDate.of(2025, 10, 11)));
        assertThat(closedOnTheMakeupSaturday.addBusinessDays(LocalDate.of(2025, 9, 30), 3))
                .isEqualTo(LocalDate.of(2025, 10, 13));
    }

    @Test
    void theShippedScheduleCoversOnlyTheYearsOfItsNotices() {
        assertThat(china.holidayDataCovers(Year.of(2025))).isTrue();
        assertThat(china.holidayDataCovers(Year.of(2026))).isTrue();
        assertThat(china.holidayDataCovers(Year.of(2099))).isFalse();
    }

    @Test
    void inAYearWithNoShippedScheduleOnlyTheWeekendIsOff() {
        // National Day 2099 is a Thursday; with no notice for 2099 nothing but the weekend is off.
        assertThat(china.isBusinessDay(LocalDate.of(2099, 10, 1))).isTrue();
        assertThat(china.isBusinessDay(LocalDate.of(2099, 10, 3))).isFalse();
    }

    @Test
    void everyShippedYearGivesTheThirteenStatutoryDaysAndMakesUpOnlyOnWeekends() {
        // Since 2025 the law grants 13 public holidays; each notice moves weekends so that the
        // weekdays off minus the makeup working days come to exactly 13. A typo in a range breaks it.
        OfficialSchedule schedule = OfficialSchedule.shippedFor("CN").orElseThrow();
        Set<DayOfWeek> weekend = EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        assertThat(schedule.years()).isNotEmpty().allSatisfy(year -> {
            assertThat(schedule.workingDaysIn(year))
                    .allSatisfy(day -> assertThat(weekend).contains(day.getDayOfWeek()));
            long weekdaysOff = schedule.daysOffIn(year).stream()
                    .filter(day -> !weekend.contains(day.getDayOfWeek()))
                    .count();
            assertThat(weekdaysOff - schedule.workingDaysIn(year).size())
                    .as("%s", year)
                    .isEqualTo(13);
        });
    }
}
