package app.thaw.cases.calendar;

import java.time.Clock;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds and keeps one {@link BusinessCalendar} per distinct {@link TenantCalendarSettings}.
 * Public holidays come from Jollyday; China's State Council schedule (days off and makeup working
 * days) from the data shipped in {@code thaw/calendars/cn.yaml}.
 *
 * <p>Create one instance when the application starts and share it. The first calendar for a
 * country reads that country's holiday data from the classpath (blocking I/O): ask for tenants'
 * calendars at startup, or when a tenant's settings change on {@code Schedulers.boundedElastic()},
 * never on an event loop. The calendars it returns then never do I/O.
 */
public final class BusinessCalendars {

    private static final Logger log = LoggerFactory.getLogger(BusinessCalendars.class);

    // Country codes become resource names: only letters, digits and '_' (Jollyday's "NYSE",
    // "DJ_STOXX"), so that no input can point the loader at another file.
    private static final Pattern COUNTRY_CODE = Pattern.compile("[A-Z][A-Z0-9_]+");

    private final Clock clock;
    private final Set<String> libraryCountries;
    private final ConcurrentMap<String, Optional<OfficialSchedule>> officialSchedules = new ConcurrentHashMap<>();
    private final ConcurrentMap<TenantCalendarSettings, BusinessCalendar> calendars = new ConcurrentHashMap<>();

    public BusinessCalendars() {
        this(Clock.systemUTC());
    }

    /** @param clock tells which years are current, to prepare them and to warn when their data is missing */
    public BusinessCalendars(Clock clock) {
        this.clock = clock;
        this.libraryCountries = HolidayManager.getSupportedCalendarCodes().stream()
                .map(code -> code.toUpperCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * The calendar for these settings, built the first time and then shared.
     *
     * @throws UnknownCalendarCountry     when neither Jollyday nor the shipped data knows the country
     * @throws UnknownCalendarSubdivision when the country has no such subdivision
     */
    public BusinessCalendar forTenant(TenantCalendarSettings settings) {
        return calendars.computeIfAbsent(settings, this::build);
    }

    private BusinessCalendar build(TenantCalendarSettings settings) {
        String country = settings.country();
        if (!COUNTRY_CODE.matcher(country).matches()) {
            throw new UnknownCalendarCountry(country);
        }
        Optional<OfficialSchedule> official = officialSchedules.computeIfAbsent(country, OfficialSchedule::shippedFor);
        HolidayManager library = libraryCountries.contains(country)
                ? HolidayManager.getInstance(ManagerParameters.create(country))
                : null;
        if (library == null && official.isEmpty()) {
            throw new UnknownCalendarCountry(country);
        }
        checkSubdivision(country, settings.subdivision(), library);

        List<HolidaySource> sources = new ArrayList<>();
        if (library != null) {
            sources.add(new LibraryHolidays(library, settings.subdivision()));
        }
        official.ifPresent(sources::add);

        Year thisYear = Year.now(clock.withZone(settings.timeZone()));
        BusinessCalendar calendar =
                new BusinessCalendar(settings, sources, thisYear.minusYears(1), thisYear.plusYears(1));
        if (!calendar.holidayDataCovers(thisYear)) {
            log.warn(
                    "The holiday calendar of {} has no official schedule for {}: until the data in {} is updated, "
                            + "every weekday of {} counts as a business day for tenants in {} (tenant overrides still apply).",
                    country,
                    thisYear,
                    OfficialSchedule.LOCATION,
                    thisYear,
                    country);
        }
        return calendar;
    }

    private static void checkSubdivision(
            String country, @Nullable String subdivision, @Nullable HolidayManager library) {
        if (subdivision == null) {
            return;
        }
        // Jollyday keys regions in lower case; the shipped data has no regions.
        Set<String> known = library == null
                ? Set.of()
                : library.getCalendarHierarchy().getChildren().keySet().stream()
                        .map(code -> code.toUpperCase(Locale.ROOT))
                        .collect(Collectors.toUnmodifiableSet());
        if (!known.contains(subdivision)) {
            throw new UnknownCalendarSubdivision(country, subdivision, known);
        }
    }
}
