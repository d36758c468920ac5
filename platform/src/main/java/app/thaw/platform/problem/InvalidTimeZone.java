package app.thaw.platform.problem;

import java.util.Map;

import org.springframework.http.HttpStatus;

/** A tenant's time zone is not a zone id the JDK knows (e.g. a typo in {@code Asia/Shanghai}). */
public class InvalidTimeZone extends ThawProblem {

    public InvalidTimeZone(String timeZone) {
        super(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "invalid_time_zone",
                "'" + timeZone + "' is not a time zone; use an IANA zone id such as Asia/Shanghai or Europe/Berlin.",
                Map.of("timeZone", timeZone),
                null);
    }
}
