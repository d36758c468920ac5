package app.thaw.cases.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/** Instants: counted in the tenant's zone, keeping the local time of day across summer-time changes. */
class BusinessCalendarInstantTests {

    private static final BusinessCalendars calendars =
            new BusinessCalendars(Clock.fixed(Instant.parse("2025-06-01T00:00:00Z"), ZoneOffset.UTC));
    private static final BusinessCalendar berlin =
            calendars.forTenant(TenantCalendarSettings.of("DE", "Europe/Berlin"));
    private static final BusinessCalendar newYork =
            calendars.forTenant(TenantCalendarSettings.of("US", "America/New_York"));
    private static final BusinessCalendar shanghai =
            calendars.forTenant(TenantCalendarSettings.of("CN", "Asia/Shanghai"));

    @Test
    void oneBusinessDayAfterFridayNineOClockIsMondayNineOClockAlthoughSummerTimeBeganBetween() {
        Instant friday = at("2025-03-28T09:00+01:00[Europe/Berlin]");
        Instant monday = berlin.plusBusinessDays(friday, 1);
        assertThat(monday)
                .isEqualTo(at("2025-03-31T09:00+02:00[Europe/Berlin]"))
                .isEqualTo("2025-03-31T07:00:00Z");
        assertThat(Duration.between(friday, monday)).isEqualTo(Duration.ofHours(71));
    }

    @Test
    void countingBackAcrossTheEndOfSummerTimeKeepsNineOClockInNewYork() {
        Instant monday = at("2025-11-03T09:00-05:00[America/New_York]");
        assertThat(newYork.plusBusinessDays(monday, -1)).isEqualTo("2025-10-31T13:00:00Z");
    }

    @Test
    void aLocalTimeInTheHourSkippedBySummerTimeMovesOnByTheLengthOfTheGap() {
        // A tenant that works every day; on Sunday 30 March 2025 Berlin skips 02:00-03:00.
        BusinessCalendar everyDay = calendars.forTenant(
                TenantCalendarSettings.of("DE", "Europe/Berlin").withWeekend());
        Instant saturday = at("2025-03-29T02:30+01:00[Europe/Berlin]");
        Instant monday = at("2025-03-31T02:30+02:00[Europe/Berlin]");
        Instant sundayHalfPastThree = at("2025-03-30T03:30+02:00[Europe/Berlin]");
        assertThat(everyDay.plusBusinessDays(saturday, 1)).isEqualTo(sundayHalfPastThree);
        assertThat(everyDay.plusBusinessDays(monday, -1)).isEqualTo(sundayHalfPastThree);
    }

    @Test
    void fridayEveningInNewYorkIsAlreadySaturdayInShanghaiAndEachCalendarAnswersForItsOwnZone() {
        Instant instant = Instant.parse("2025-06-06T23:00:00Z"); // Fri 19:00 in New York, Sat 07:00 in Shanghai
        assertThat(newYork.isBusinessDay(instant)).isTrue();
        assertThat(shanghai.isBusinessDay(instant)).isFalse();
        assertThat(newYork.plusBusinessDays(instant, 1)).isEqualTo(at("2025-06-09T19:00-04:00[America/New_York]"));
        assertThat(shanghai.plusBusinessDays(instant, 1)).isEqualTo(at("2025-06-09T07:00+08:00[Asia/Shanghai]"));
        assertThat(newYork.nextBusinessDayStart(instant)).isEqualTo(at("2025-06-09T00:00-04:00[America/New_York]"));
        assertThat(shanghai.nextBusinessDayStart(instant)).isEqualTo(at("2025-06-09T00:00+08:00[Asia/Shanghai]"));
    }

    @Test
    void negativeOffsetsOnInstantsSkipHolidaysBackwards() {
        Instant mondayAfterThanksgiving = at("2025-12-01T09:00-05:00[America/New_York]");
        assertThat(newYork.plusBusinessDays(mondayAfterThanksgiving, -2))
                .isEqualTo(at("2025-11-26T09:00-05:00[America/New_York]"));
    }

    @Test
    void inTheHourRepeatedWhenSummerTimeEndsTheEarlierInstantIsChosen() {
        // On Sunday 26 October 2025 Berlin lives 02:00-03:00 twice, first at +02:00, then at +01:00.
        BusinessCalendar everyDay = calendars.forTenant(
                TenantCalendarSettings.of("DE", "Europe/Berlin").withWeekend());
        Instant saturday = at("2025-10-25T02:30+02:00[Europe/Berlin]");
        Instant monday = at("2025-10-27T02:30+01:00[Europe/Berlin]");
        assertThat(everyDay.plusBusinessDays(saturday, 1)).isEqualTo("2025-10-26T00:30:00Z");
        assertThat(everyDay.plusBusinessDays(monday, -1)).isEqualTo("2025-10-26T00:30:00Z");
    }

    @Test
    void addingNoBusinessDaysReturnsTheSameInstantEvenInTheRepeatedHour() {
        Instant secondHalfPastTwo = Instant.parse("2025-10-26T01:30:00Z"); // 02:30 at +01:00, the later one
        assertThat(berlin.plusBusinessDays(secondHalfPastTwo, 0)).isEqualTo(secondHalfPastTwo);
    }

    @Test
    void theNextBusinessDayStartsAtLocalMidnightAfterTheWeekendAndTheHoliday() {
        Instant thursdayEvening = at("2025-10-02T23:59+02:00[Europe/Berlin]");
        assertThat(berlin.nextBusinessDayStart(thursdayEvening)).isEqualTo(at("2025-10-06T00:00+02:00[Europe/Berlin]"));
    }

    @Test
    void theNextBusinessDayStartIsStrictlyLaterEvenAtMidnight() {
        Instant mondayMidnight = at("2025-06-16T00:00+02:00[Europe/Berlin]");
        assertThat(berlin.nextBusinessDayStart(mondayMidnight)).isEqualTo(at("2025-06-17T00:00+02:00[Europe/Berlin]"));
    }

    @Test
    void aBuiltCalendarAnswersOnAnEventLoopWithoutBlocking() {
        // BlockHound fails any blocking call on a parallel thread; 2031 was never asked for, so its
        // holidays are computed here, from rules loaded when the calendar was built.
        Instant thursday = at("2031-10-02T09:00+02:00[Europe/Berlin]");
        Mono<Instant> onEventLoop =
                Mono.fromCallable(() -> berlin.plusBusinessDays(thursday, 1)).subscribeOn(Schedulers.parallel());
        StepVerifier.create(onEventLoop)
                .expectNext(at("2031-10-06T09:00+02:00[Europe/Berlin]"))
                .verifyComplete();
    }

    private static Instant at(String zonedDateTime) {
        return ZonedDateTime.parse(zonedDateTime).toInstant();
    }
}
