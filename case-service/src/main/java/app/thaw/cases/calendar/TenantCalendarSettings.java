package app.thaw.cases.calendar;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import app.thaw.platform.problem.InvalidTimeZone;
import org.jspecify.annotations.Nullable;

/**
 * How one tenant counts business days: whose public holidays, in which time zone, which days are
 * the weekend, and the tenant's own exceptions. Equal settings share one {@link BusinessCalendar}.
 *
 * @param country          ISO 3166-1 alpha-2 code ({@code CN}, {@code DE}, {@code US}); any case, kept upper-case
 * @param subdivision      a region with its own holidays ({@code BY} or {@code DE-BY} for Bavaria), or null for
 *                         the country's nation-wide holidays only
 * @param timeZone         where the tenant's days begin and end
 * @param weekend          the days of the week that are never worked unless declared otherwise
 * @param extraHolidays    the tenant's own days off (a company holiday), on top of the public ones
 * @param extraWorkingDays days the tenant works although they are weekend days or holidays; they win over both
 */
public record TenantCalendarSettings(
        String country,
        @Nullable String subdivision,
        ZoneId timeZone,
        Set<DayOfWeek> weekend,
        Set<LocalDate> extraHolidays,
        Set<LocalDate> extraWorkingDays) {

    private static final Set<DayOfWeek> SATURDAY_AND_SUNDAY = Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);

    public TenantCalendarSettings {
        country = country.strip().toUpperCase(Locale.ROOT);
        subdivision = normalizedSubdivision(country, subdivision);
        weekend = Set.copyOf(weekend);
        extraHolidays = Set.copyOf(extraHolidays);
        extraWorkingDays = Set.copyOf(extraWorkingDays);
        if (weekend.size() == DayOfWeek.values().length) {
            throw new InvalidCalendarSettings("A weekend of all seven days leaves no business day.");
        }
        Set<LocalDate> both = new TreeSet<>(extraHolidays);
        both.retainAll(extraWorkingDays);
        if (!both.isEmpty()) {
            throw new InvalidCalendarSettings(
                    "These days are both extra holidays and extra working days: " + both + ".");
        }
    }

    /**
     * A country's public holidays in a time zone, with a Saturday-and-Sunday weekend and no
     * exceptions of the tenant's own.
     *
     * @throws InvalidTimeZone when {@code timeZone} is not a zone id the JDK knows
     */
    public static TenantCalendarSettings of(String country, String timeZone) {
        return new TenantCalendarSettings(country, null, zoneOf(timeZone), SATURDAY_AND_SUNDAY, Set.of(), Set.of());
    }

    /**
     * Reads a zone id as tenants type it ({@code Asia/Shanghai}, {@code Europe/Berlin}).
     *
     * @throws InvalidTimeZone naming the value when the JDK does not know it
     */
    public static ZoneId zoneOf(String timeZone) {
        try {
            return ZoneId.of(timeZone.strip());
        } catch (DateTimeException e) {
            throw new InvalidTimeZone(timeZone);
        }
    }

    public TenantCalendarSettings withSubdivision(@Nullable String subdivision) {
        return new TenantCalendarSettings(country, subdivision, timeZone, weekend, extraHolidays, extraWorkingDays);
    }

    public TenantCalendarSettings withWeekend(DayOfWeek... days) {
        Set<DayOfWeek> weekend = days.length == 0 ? Set.of() : EnumSet.copyOf(List.of(days));
        return new TenantCalendarSettings(country, subdivision, timeZone, weekend, extraHolidays, extraWorkingDays);
    }

    public TenantCalendarSettings withExtraHolidays(LocalDate... days) {
        Set<LocalDate> holidays = new HashSet<>(extraHolidays);
        holidays.addAll(List.of(days));
        return new TenantCalendarSettings(country, subdivision, timeZone, weekend, holidays, extraWorkingDays);
    }

    public TenantCalendarSettings withExtraWorkingDays(LocalDate... days) {
        Set<LocalDate> workingDays = new HashSet<>(extraWorkingDays);
        workingDays.addAll(List.of(days));
        return new TenantCalendarSettings(country, subdivision, timeZone, weekend, extraHolidays, workingDays);
    }

    // Tenants write ISO 3166-2 codes ("DE-BY") as often as the bare region ("BY"); both mean the same calendar.
    private static @Nullable String normalizedSubdivision(String country, @Nullable String subdivision) {
        if (subdivision == null || subdivision.isBlank()) {
            return null;
        }
        String code = subdivision.strip().toUpperCase(Locale.ROOT);
        return code.startsWith(country + "-") ? code.substring(country.length() + 1) : code;
    }
}
