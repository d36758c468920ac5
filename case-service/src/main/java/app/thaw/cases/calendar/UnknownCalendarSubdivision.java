package app.thaw.cases.calendar;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import app.thaw.platform.problem.ThawProblem;
import org.springframework.http.HttpStatus;

/** A tenant named a region (state, province) that its country's calendar does not have. */
public class UnknownCalendarSubdivision extends ThawProblem {

    public UnknownCalendarSubdivision(String country, String subdivision, Set<String> known) {
        super(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "unknown_calendar_subdivision",
                "The calendar of " + country + " has no subdivision '" + subdivision + "'"
                        + (known.isEmpty()
                                ? "; it has none."
                                : "; known: " + String.join(", ", new TreeSet<>(known)) + "."),
                Map.of("country", country, "subdivision", subdivision),
                null);
    }
}
