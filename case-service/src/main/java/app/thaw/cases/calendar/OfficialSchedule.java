package app.thaw.cases.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * A government's published day-by-day schedule for whole years, shipped as data in
 * {@code thaw/calendars/<country>.yaml}: the days off it declares and the weekend days it declares
 * working days. China needs it because its State Council moves weekends every year (调休), which
 * no rule-based library can compute.
 */
final class OfficialSchedule implements HolidaySource {

    static final String LOCATION = "thaw/calendars/";

    private final Set<Integer> years;
    private final Map<Integer, Set<LocalDate>> daysOff;
    private final Map<Integer, Set<LocalDate>> workingDays;

    private OfficialSchedule(
            Set<Integer> years, Map<Integer, Set<LocalDate>> daysOff, Map<Integer, Set<LocalDate>> workingDays) {
        this.years = Set.copyOf(years);
        this.daysOff = Map.copyOf(daysOff);
        this.workingDays = Map.copyOf(workingDays);
    }

    /** The schedule shipped for {@code country}, if any. Reads the classpath: call it at startup, not on an event loop. */
    static Optional<OfficialSchedule> shippedFor(String country) {
        String resource = LOCATION + country.toLowerCase(Locale.ROOT) + ".yaml";
        try (InputStream in = OfficialSchedule.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(parse(new InputStreamReader(in, StandardCharsets.UTF_8), resource));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + resource, e);
        }
    }

    /**
     * Reads a schedule: under {@code years}, per year the notice's {@code source}, its
     * {@code days-off} and its {@code working-days}, each a date ({@code 2025-10-11}) or an
     * inclusive range ({@code 2025-10-01..2025-10-08}).
     *
     * @throws IllegalStateException naming the file and the entry when the data is malformed
     */
    static OfficialSchedule parse(Reader yaml, String origin) {
        Object document = yamlWithoutTimestamps().load(yaml);
        if (!(document instanceof Map<?, ?> top) || !(top.get("years") instanceof Map<?, ?> notices)) {
            throw new IllegalStateException(origin + ": expected a 'years' map");
        }
        Set<Integer> years = new HashSet<>();
        Map<Integer, Set<LocalDate>> daysOff = new HashMap<>();
        Map<Integer, Set<LocalDate>> workingDays = new HashMap<>();
        for (Map.Entry<?, ?> notice : notices.entrySet()) {
            if (!(notice.getKey() instanceof Integer year) || !(notice.getValue() instanceof Map<?, ?> body)) {
                throw new IllegalStateException(origin + ": '" + notice.getKey() + "' is not a year with a schedule");
            }
            if (!(body.get("source") instanceof String source) || source.isBlank()) {
                throw new IllegalStateException(origin + ": " + year + " names no source; say which notice it copies");
            }
            years.add(year);
            Set<LocalDate> off = dates(body.get("days-off"), year, origin);
            Set<LocalDate> working = dates(body.get("working-days"), year, origin);
            for (LocalDate day : off) {
                daysOff.computeIfAbsent(day.getYear(), y -> new HashSet<>()).add(day);
            }
            for (LocalDate day : working) {
                workingDays.computeIfAbsent(day.getYear(), y -> new HashSet<>()).add(day);
            }
        }
        Set<LocalDate> both = new TreeSet<>();
        daysOff.values().forEach(both::addAll);
        Set<LocalDate> allWorking = new HashSet<>();
        workingDays.values().forEach(allWorking::addAll);
        both.retainAll(allWorking);
        if (!both.isEmpty()) {
            throw new IllegalStateException(origin + ": days both off and working: " + both);
        }
        daysOff.replaceAll((year, days) -> Set.copyOf(days));
        workingDays.replaceAll((year, days) -> Set.copyOf(days));
        return new OfficialSchedule(years, daysOff, workingDays);
    }

    @Override
    public Set<LocalDate> daysOffIn(int year) {
        return daysOff.getOrDefault(year, Set.of());
    }

    @Override
    public Set<LocalDate> workingDaysIn(int year) {
        return workingDays.getOrDefault(year, Set.of());
    }

    @Override
    public boolean covers(int year) {
        return years.contains(year);
    }

    Set<Integer> years() {
        return years;
    }

    private static Set<LocalDate> dates(Object entries, int year, String origin) {
        if (entries == null) {
            return Set.of();
        }
        if (!(entries instanceof List<?> list)) {
            throw new IllegalStateException(origin + ": " + year + " expects a list of dates, got " + entries);
        }
        Set<LocalDate> dates = new HashSet<>();
        for (Object entry : list) {
            String text = String.valueOf(entry).strip();
            String[] ends = text.split(Pattern.quote(".."), 2);
            try {
                LocalDate first = LocalDate.parse(ends[0].strip());
                LocalDate last = ends.length == 2 ? LocalDate.parse(ends[1].strip()) : first;
                if (last.isBefore(first)) {
                    throw new IllegalStateException(origin + ": range '" + text + "' ends before it starts");
                }
                // A notice for one year may reach into the next or previous (a New Year break that
                // starts on 30 December), never further: anything else is a typo in the year.
                if (Math.abs(first.getYear() - year) > 1 || Math.abs(last.getYear() - year) > 1) {
                    throw new IllegalStateException(origin + ": '" + text + "' is too far from " + year);
                }
                first.datesUntil(last.plusDays(1)).forEach(dates::add);
            } catch (DateTimeParseException e) {
                throw new IllegalStateException(origin + ": '" + text + "' is neither a date nor a range of dates", e);
            }
        }
        return dates;
    }

    // SnakeYAML turns an unquoted 2025-10-11 into a java.util.Date at UTC midnight; dates stay text
    // here so that they become LocalDates with no time zone in between.
    private static Yaml yamlWithoutTimestamps() {
        LoaderOptions loading = new LoaderOptions();
        DumperOptions dumping = new DumperOptions();
        Resolver resolver = new Resolver() {
            @Override
            public void addImplicitResolver(Tag tag, Pattern regexp, String first, int limit) {
                if (!Tag.TIMESTAMP.equals(tag)) {
                    super.addImplicitResolver(tag, regexp, first, limit);
                }
            }
        };
        return new Yaml(new SafeConstructor(loading), new Representer(dumping), dumping, loading, resolver);
    }
}
