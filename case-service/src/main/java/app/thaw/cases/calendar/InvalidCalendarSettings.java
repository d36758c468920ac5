package app.thaw.cases.calendar;

import app.thaw.platform.problem.ThawProblem;
import org.springframework.http.HttpStatus;

/** Calendar settings that contradict themselves or leave no day to work on. */
public class InvalidCalendarSettings extends ThawProblem {

    public InvalidCalendarSettings(String detail) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "invalid_calendar_settings", detail);
    }
}
