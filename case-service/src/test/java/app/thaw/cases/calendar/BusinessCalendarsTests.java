package app.thaw.cases.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import app.thaw.platform.problem.InvalidTimeZone;
import app.thaw.platform.problem.ThawProblem;
import de.focus_shift.jollyday.core.HolidayManager;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** Building calendars from tenants' settings: validation as named problems, and one calendar per settings. */
class BusinessCalendarsTests {

    private static final BusinessCalendars calendars =
            new BusinessCalendars(Clock.fixed(Instant.parse("2025-06-01T00:00:00Z"), ZoneOffset.UTC));

    @Test
    void anUnknownCountryIsANamedProblemThatNamesIt() {
        assertThatThrownBy(() -> calendars.forTenant(TenantCalendarSettings.of("XX", "Europe/Berlin")))
                .isInstanceOfSatisfying(UnknownCalendarCountry.class, problem -> {
                    assertThat(problem.code()).isEqualTo("unknown_calendar_country");
                    assertThat(problem.status()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
                    assertThat(problem.getMessage()).contains("'XX'");
                    assertThat(problem.properties()).containsEntry("country", "XX");
                });
    }

    @Test
    void aCountryCodeCannotPointTheLoaderAtAnotherFile() {
        assertThatThrownBy(() -> calendars.forTenant(TenantCalendarSettings.of("../calendars/cn", "Asia/Shanghai")))
                .isInstanceOf(UnknownCalendarCountry.class);
    }

    @Test
    void anInvalidTimeZoneIsANamedProblemThatNamesIt() {
        assertThatThrownBy(() -> TenantCalendarSettings.of("CN", "Asia/Shanghia"))
                .isInstanceOfSatisfying(InvalidTimeZone.class, problem -> {
                    assertThat(problem.code()).isEqualTo("invalid_time_zone");
                    assertThat(problem.status()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
                    assertThat(problem.getMessage()).contains("'Asia/Shanghia'");
                    assertThat(problem.properties()).containsEntry("timeZone", "Asia/Shanghia");
                });
    }

    @Test
    void anUnknownSubdivisionIsANamedProblemThatListsTheKnownOnes() {
        assertThatThrownBy(() -> calendars.forTenant(
                        TenantCalendarSettings.of("DE", "Europe/Berlin").withSubdivision("XY")))
                .isInstanceOfSatisfying(UnknownCalendarSubdivision.class, problem -> {
                    assertThat(problem.code()).isEqualTo("unknown_calendar_subdivision");
                    assertThat(problem.getMessage()).contains("'XY'", "BY");
                });
        assertThatThrownBy(() -> calendars.forTenant(
                        TenantCalendarSettings.of("CN", "Asia/Shanghai").withSubdivision("GD")))
                .isInstanceOf(UnknownCalendarSubdivision.class);
    }

    @Test
    void aWeekendOfAllSevenDaysIsRefused() {
        assertThatThrownBy(
                        () -> TenantCalendarSettings.of("DE", "Europe/Berlin").withWeekend(DayOfWeek.values()))
                .isInstanceOfSatisfying(
                        InvalidCalendarSettings.class,
                        problem -> assertThat(problem.code()).isEqualTo("invalid_calendar_settings"));
    }

    @Test
    void aDayCannotBeBothAnExtraHolidayAndAnExtraWorkingDay() {
        LocalDate day = LocalDate.of(2025, 12, 24);
        assertThatThrownBy(() -> TenantCalendarSettings.of("DE", "Europe/Berlin")
                        .withExtraHolidays(day)
                        .withExtraWorkingDays(day))
                .isInstanceOf(InvalidCalendarSettings.class)
                .hasMessageContaining("2025-12-24");
    }

    @Test
    void equalSettingsShareOneCalendarWhateverTheCaseOfTheirCodes() {
        BusinessCalendar upper = calendars.forTenant(
                TenantCalendarSettings.of("DE", "Europe/Berlin").withSubdivision("BY"));
        BusinessCalendar lower = calendars.forTenant(
                TenantCalendarSettings.of("de", "Europe/Berlin").withSubdivision("de-by"));
        BusinessCalendar otherZone = calendars.forTenant(
                TenantCalendarSettings.of("DE", "Europe/Vienna").withSubdivision("BY"));
        assertThat(lower).isSameAs(upper);
        assertThat(otherZone).isNotSameAs(upper);
    }

    @Test
    void jollydayHasNoCalendarForChinaSoTheShippedScheduleIsAllThereIs() {
        // Pinned so that the day Jollyday adds China, someone decides how it and cn.yaml combine.
        assertThat(HolidayManager.getSupportedCalendarCodes())
                .contains("DE", "US", "GB")
                .doesNotContain("CN");
    }

    @Test
    void everyCalendarProblemCodeIsListedInDocsProblems() throws IOException {
        String documented = Files.readString(Path.of("..", "docs", "problems.md"));
        List<ThawProblem> problems = List.of(
                new UnknownCalendarCountry("XX"),
                new UnknownCalendarSubdivision("DE", "XY", Set.of()),
                new InvalidTimeZone("Mars/Olympus"),
                new InvalidCalendarSettings("no working day"));
        assertThat(problems).allSatisfy(problem -> assertThat(documented).contains("| `" + problem.code() + "` |"));
    }

    @Test
    void theCalendarUsesNeitherSpringNorReactorBeyondItsProblemsHttpStatus() throws IOException {
        Path sources = Path.of("src", "main", "java", "app", "thaw", "cases", "calendar");
        try (Stream<Path> files = Files.list(sources)) {
            List<String> imports = files.flatMap(BusinessCalendarsTests::lines)
                    .filter(line -> line.startsWith("import "))
                    .toList();
            assertThat(imports)
                    .isNotEmpty()
                    .noneMatch(line -> line.startsWith("import reactor."))
                    .noneMatch(line -> line.startsWith("import org.springframework.")
                            && !line.equals("import org.springframework.http.HttpStatus;"));
        }
    }

    private static Stream<String> lines(Path file) {
        try {
            return Files.readAllLines(file).stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
