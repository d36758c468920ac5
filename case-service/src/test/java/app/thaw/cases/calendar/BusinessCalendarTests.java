package app.thaw.cases.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Days: weekends, the library's public holidays, subdivisions, tenant overrides, counting both ways. */
class BusinessCalendarTests {

    private static final BusinessCalendars calendars =
            new BusinessCalendars(Clock.fixed(Instant.parse("2025-06-01T00:00:00Z"), ZoneOffset.UTC));
    private static final BusinessCalendar germany =
            calendars.forTenant(TenantCalendarSettings.of("DE", "Europe/Berlin"));
    private static final BusinessCalendar unitedStates =
            calendars.forTenant(TenantCalendarSettings.of("US", "America/New_York"));

    private static final LocalDate FRIDAY = LocalDate.of(2025, 6, 13);
    private static final LocalDate SATURDAY = LocalDate.of(2025, 6, 14);
    private static final LocalDate SUNDAY = LocalDate.of(2025, 6, 15);
    private static final LocalDate MONDAY = LocalDate.of(2025, 6, 16);
    private static final LocalDate NEXT_FRIDAY = LocalDate.of(2025, 6, 20);

    @Test
    void oneBusinessDayAfterFridayIsMondayAcrossAPlainWeekend() {
        assertThat(germany.addBusinessDays(FRIDAY, 1)).isEqualTo(MONDAY);
        assertThat(germany.isBusinessDay(SATURDAY)).isFalse();
        assertThat(germany.isBusinessDay(SUNDAY)).isFalse();
    }

    @Test
    void negativeOffsetsCountBackAcrossTheWeekend() {
        assertThat(germany.addBusinessDays(MONDAY, -1)).isEqualTo(FRIDAY);
        assertThat(germany.addBusinessDays(NEXT_FRIDAY, -5)).isEqualTo(FRIDAY);
        assertThat(germany.addBusinessDays(SUNDAY, -1)).isEqualTo(FRIDAY);
    }

    @Test
    void theStartDayNeverCountsEvenWhenItIsAWeekendDay() {
        assertThat(germany.addBusinessDays(SATURDAY, 1)).isEqualTo(MONDAY);
        assertThat(germany.addBusinessDays(SATURDAY, 5)).isEqualTo(NEXT_FRIDAY);
    }

    @Test
    void addingNoBusinessDaysLeavesEvenASaturdayAlone() {
        assertThat(germany.addBusinessDays(SATURDAY, 0)).isEqualTo(SATURDAY);
    }

    @Test
    void germanUnityDayFromTheLibraryIsSkipped() {
        // Friday 3 October 2025: Thursday + 1 is the Monday after.
        assertThat(germany.isBusinessDay(LocalDate.of(2025, 10, 3))).isFalse();
        assertThat(germany.addBusinessDays(LocalDate.of(2025, 10, 2), 1)).isEqualTo(LocalDate.of(2025, 10, 6));
        assertThat(germany.addBusinessDays(LocalDate.of(2025, 10, 6), -1)).isEqualTo(LocalDate.of(2025, 10, 2));
    }

    @Test
    void thanksgivingIsSkippedInTheUnitedStatesButNotInGermany() {
        LocalDate thanksgiving = LocalDate.of(2025, 11, 27);
        assertThat(unitedStates.addBusinessDays(LocalDate.of(2025, 11, 26), 1)).isEqualTo(LocalDate.of(2025, 11, 28));
        assertThat(germany.isBusinessDay(thanksgiving)).isTrue();
    }

    @Test
    void aHolidayObservedOnTheLastDayOfThePreviousYearIsADayOff() {
        // New Year's Day 2022 was a Saturday; the US observed it on Friday 31 December 2021.
        assertThat(unitedStates.isBusinessDay(LocalDate.of(2021, 12, 31))).isFalse();
        assertThat(unitedStates.addBusinessDays(LocalDate.of(2021, 12, 30), 1)).isEqualTo(LocalDate.of(2022, 1, 3));
    }

    @Test
    void aSubdivisionAddsItsOwnHolidays() {
        LocalDate corpusChristi = LocalDate.of(2025, 6, 19);
        BusinessCalendar bavaria = calendars.forTenant(
                TenantCalendarSettings.of("DE", "Europe/Berlin").withSubdivision("DE-BY"));
        BusinessCalendar berlin = calendars.forTenant(
                TenantCalendarSettings.of("DE", "Europe/Berlin").withSubdivision("BE"));
        assertThat(bavaria.isBusinessDay(corpusChristi)).isFalse();
        assertThat(berlin.isBusinessDay(corpusChristi)).isTrue();
        assertThat(bavaria.isBusinessDay(LocalDate.of(2025, 10, 3))).isFalse();
    }

    @Test
    void aTenantsExtraHolidayIsNoBusinessDay() {
        BusinessCalendar closedOnChristmasEve = calendars.forTenant(
                TenantCalendarSettings.of("DE", "Europe/Berlin").withExtraHolidays(LocalDate.of(2025, 12, 24)));
        assertThat(germany.addBusinessDays(LocalDate.of(2025, 12, 23), 1)).isEqualTo(LocalDate.of(2025, 12, 24));
        assertThat(closedOnChristmasEve.addBusinessDays(LocalDate.of(2025, 12, 23), 1))
                .isEqualTo(LocalDate.of(2025, 12, 29));
    }

    @Test
    void aTenantsExtraWorkingDaysWinOverAHolidayAndTheWeekend() {
        BusinessCalendar worksThroughUnityDay = calendars.forTenant(TenantCalendarSettings.of("DE", "Europe/Berlin")
                .withExtraWorkingDays(LocalDate.of(2025, 10, 3), LocalDate.of(2025, 10, 4)));
        assertThat(worksThroughUnityDay.addBusinessDays(LocalDate.of(2025, 10, 2), 1))
                .isEqualTo(LocalDate.of(2025, 10, 3));
        assertThat(worksThroughUnityDay.addBusinessDays(LocalDate.of(2025, 10, 2), 2))
                .isEqualTo(LocalDate.of(2025, 10, 4));
        assertThat(worksThroughUnityDay.isBusinessDay(LocalDate.of(2025, 10, 5)))
                .isFalse();
    }

    @Test
    void aTenantsOwnWeekendReplacesSaturdayAndSunday() {
        BusinessCalendar fridayAndSaturdayOff = calendars.forTenant(
                TenantCalendarSettings.of("US", "America/New_York").withWeekend(DayOfWeek.FRIDAY, DayOfWeek.SATURDAY));
        assertThat(fridayAndSaturdayOff.addBusinessDays(LocalDate.of(2025, 6, 12), 1))
                .isEqualTo(SUNDAY);
    }

    @Test
    void businessDaysBetweenIsTheSameCountWithTheSignFlippedWhenReversed() {
        assertThat(germany.businessDaysBetween(FRIDAY, NEXT_FRIDAY)).isEqualTo(5);
        assertThat(germany.businessDaysBetween(NEXT_FRIDAY, FRIDAY)).isEqualTo(-5);
        assertThat(germany.businessDaysBetween(FRIDAY, MONDAY)).isEqualTo(1);
        assertThat(germany.businessDaysBetween(MONDAY, FRIDAY)).isEqualTo(-1);
        assertThat(germany.businessDaysBetween(FRIDAY, FRIDAY)).isZero();
        assertThat(germany.businessDaysBetween(SATURDAY, SUNDAY)).isZero();
        assertThat(germany.businessDaysBetween(SUNDAY, SATURDAY)).isZero();
    }

    @Test
    void businessDaysBetweenSkipsPublicHolidays() {
        // Thursday 2 to Tuesday 7 October 2025: Friday 3 is German Unity Day.
        assertThat(germany.businessDaysBetween(LocalDate.of(2025, 10, 2), LocalDate.of(2025, 10, 7)))
                .isEqualTo(2);
        assertThat(germany.businessDaysBetween(LocalDate.of(2025, 10, 7), LocalDate.of(2025, 10, 2)))
                .isEqualTo(-2);
    }

    @Test
    void countingTheBusinessDaysToWhereAddingLedGivesBackTheNumberAdded() {
        BusinessCalendar china = calendars.forTenant(TenantCalendarSettings.of("CN", "Asia/Shanghai"));
        for (BusinessCalendar calendar : List.of(germany, unitedStates, china)) {
            LocalDate.of(2025, 1, 1)
                    .datesUntil(LocalDate.of(2026, 1, 1))
                    .filter(calendar::isBusinessDay)
                    .forEach(start -> {
                        for (int days = -15; days <= 15; days++) {
                            LocalDate end = calendar.addBusinessDays(start, days);
                            assertThat(calendar.businessDaysBetween(start, end))
                                    .as("%s %s %+d", calendar, start, days)
                                    .isEqualTo(days);
                        }
                    });
        }
    }
}
