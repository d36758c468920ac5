package app.thaw.cases.calendar;

import java.time.LocalDate;
import java.time.Year;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import org.jspecify.annotations.Nullable;

/**
 * A country's public holidays as Jollyday computes them from its rules, for any year. Jollyday
 * read the country's data when its {@link HolidayManager} was created; asking for a year only
 * computes.
 */
final class LibraryHolidays implements HolidaySource {

    private final HolidayManager holidays;
    private final String[] region;

    LibraryHolidays(HolidayManager holidays, @Nullable String subdivision) {
        this.holidays = holidays;
        this.region = subdivision == null ? new String[0] : new String[] {subdivision.toLowerCase(Locale.ROOT)};
    }

    @Override
    public Set<LocalDate> daysOffIn(int year) {
        // A holiday is listed under its own year but may be observed in the next or previous one
        // (the US observed New Year 2022 on Friday 2021-12-31), so the neighbours are asked too.
        // Only public holidays: bank holidays and observances are working days for a business.
        return IntStream.rangeClosed(year - 1, year + 1)
                .mapToObj(Year::of)
                .flatMap(y -> holidays.getHolidays(y, HolidayType.PUBLIC_HOLIDAY, region).stream())
                .map(Holiday::getDate)
                .filter(date -> date.getYear() == year)
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public Set<LocalDate> workingDaysIn(int year) {
        return Set.of();
    }

    @Override
    public boolean covers(int year) {
        return true;
    }
}
