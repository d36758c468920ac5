package app.thaw.cases.calendar;

import java.util.Map;

import app.thaw.platform.problem.ThawProblem;
import org.springframework.http.HttpStatus;

/** A tenant asked for the calendar of a country that neither Jollyday nor Thaw's shipped data knows. */
public class UnknownCalendarCountry extends ThawProblem {

    public UnknownCalendarCountry(String country) {
        super(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "unknown_calendar_country",
                "No holiday calendar is known for country '" + country
                        + "'; use an ISO 3166-1 alpha-2 code such as CN, DE or US.",
                Map.of("country", country),
                null);
    }
}
