package app.thaw.cases.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Year;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * One tenant's business days, in its time zone. Get it from {@link BusinessCalendars}.
 *
 * <p>A day is a business day unless it is a weekend day or a day off, where, from strongest to
 * weakest: the tenant's extra working days and extra holidays; the official schedule's declared
 * working days (China's makeup Saturdays and Sundays) and declared days off; the public holidays
 * of the country (and subdivision); the weekend.
 *
 * <p>Counting never starts on the start day itself: one business day after a Friday is the next
 * business day, Monday in a plain week, and one business day after a Saturday is Monday as well.
 * Adding zero returns the start unchanged.
 *
 * <p>Instants are read in the calendar's zone, days are counted there, and the result keeps the
 * local time of day: in Europe/Berlin, Friday 2025-03-28 09:00 plus one business day is Monday
 * 2025-03-31 09:00, although summer time began in between and only 71 hours passed. Where that
 * local time does not exist on the target day (the hour skipped when clocks go forward) the result
 * is moved later by the length of the gap, 02:30 becoming 03:30; where it exists twice (the hour
 * repeated when clocks go back) the earlier of the two instants is used. Both are
 * {@link ZonedDateTime}'s own rules.
 *
 * <p>Immutable in what it answers and safe to share between threads. It never reads a file or the
 * network: everything it needs was loaded when it was built, so it may be called on an event loop.
 */
public final class BusinessCalendar {

    private final TenantCalendarSettings settings;
    private final List<HolidaySource> sources;
    // Holidays per year, computed from the sources the first time a year is asked for (CPU only).
    private final ConcurrentMap<Integer, YearSchedule> years = new ConcurrentHashMap<>();

    BusinessCalendar(TenantCalendarSettings settings, List<HolidaySource> sources, Year warmFrom, Year warmTo) {
        this.settings = settings;
        this.sources = List.copyOf(sources);
        for (int year = warmFrom.getValue(); year <= warmTo.getValue(); year++) {
            scheduleOf(year);
        }
    }

    public TenantCalendarSettings settings() {
        return settings;
    }

    public ZoneId zone() {
        return settings.timeZone();
    }

    /**
     * Whether the public holidays of {@code year} are known, rather than only the weekend and the
     * tenant's own days. Always true for countries whose holidays Jollyday computes; for China only
     * for the years whose State Council schedule is shipped. Arithmetic in an uncovered year still
     * answers, treating every weekday as a business day.
     */
    public boolean holidayDataCovers(Year year) {
        return sources.stream().allMatch(source -> source.covers(year.getValue()));
    }

    public boolean isBusinessDay(LocalDate date) {
        if (settings.extraWorkingDays().contains(date)) {
            return true;
        }
        if (settings.extraHolidays().contains(date)) {
            return false;
        }
        YearSchedule year = scheduleOf(date.getYear());
        if (year.workingDays().contains(date)) {
            return true;
        }
        if (year.daysOff().contains(date)) {
            return false;
        }
        return !settings.weekend().contains(date.getDayOfWeek());
    }

    /** Whether {@code instant} falls on a business day in the calendar's zone. */
    public boolean isBusinessDay(Instant instant) {
        return isBusinessDay(LocalDate.ofInstant(instant, zone()));
    }

    /**
     * The date {@code days} business days after {@code date} (before it, when negative). The start
     * day never counts, whether it is a business day or not.
     */
    public LocalDate addBusinessDays(LocalDate date, int days) {
        int step = Integer.signum(days);
        long remaining = Math.abs((long) days);
        LocalDate day = date;
        // Terminates: the weekend leaves at least one weekday, and days off are finite.
        while (remaining > 0) {
            day = day.plusDays(step);
            if (isBusinessDay(day)) {
                remaining--;
            }
        }
        return day;
    }

    /**
     * The number of business days after {@code from} up to and including {@code to}; negative
     * when {@code to} is before {@code from}, so that {@code between(a, b) == -between(b, a)}, as
     * with {@link java.time.temporal.ChronoUnit#between}. For business days {@code a} and
     * {@code b}, {@code addBusinessDays(a, businessDaysBetween(a, b))} is {@code b}.
     */
    public int businessDaysBetween(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return -businessDaysBetween(to, from);
        }
        int count = 0;
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (isBusinessDay(day)) {
                count++;
            }
        }
        return count;
    }

    /**
     * The instant {@code days} business days after {@code instant} (before it, when negative) at
     * the same local time of day in the calendar's zone; see the class comment for days on which
     * summer time begins or ends.
     */
    public Instant plusBusinessDays(Instant instant, int days) {
        if (days == 0) {
            return instant;
        }
        LocalDateTime local = LocalDateTime.ofInstant(instant, zone());
        LocalDate target = addBusinessDays(local.toLocalDate(), days);
        return ZonedDateTime.of(target, local.toLocalTime(), zone()).toInstant();
    }

    /**
     * The first instant of the first business day after the day of {@code instant} in the
     * calendar's zone, so always strictly later: from Friday 10:00, or Friday 00:00, it is Monday's
     * start in a plain week. A day that starts inside a summer-time gap starts when the gap ends.
     */
    public Instant nextBusinessDayStart(Instant instant) {
        LocalDate next = addBusinessDays(LocalDate.ofInstant(instant, zone()), 1);
        return next.atStartOfDay(zone()).toInstant();
    }

    @Override
    public String toString() {
        return "BusinessCalendar[" + settings + "]";
    }

    private YearSchedule scheduleOf(int year) {
        return years.computeIfAbsent(year, this::compute);
    }

    private YearSchedule compute(int year) {
        Set<LocalDate> daysOff = new HashSet<>();
        Set<LocalDate> workingDays = new HashSet<>();
        for (HolidaySource source : sources) {
            daysOff.addAll(source.daysOffIn(year));
            workingDays.addAll(source.workingDaysIn(year));
        }
        return new YearSchedule(Set.copyOf(daysOff), Set.copyOf(workingDays));
    }

    private record YearSchedule(Set<LocalDate> daysOff, Set<LocalDate> workingDays) {}
}
