package app.thaw.platform.config;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import app.thaw.platform.problem.FieldViolation;
import app.thaw.platform.problem.ThawProblem;
import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /internal/clock} and {@code POST /internal/clock/advance {"by": "PT24H"}}: how
 * acceptance tests move a service's time. Registered only with the controllable clock (test
 * profile); like every {@code /internal} path it takes service tokens only and the gateway
 * routes nothing here.
 */
@Hidden
@RestController
class ClockController {

    private final ControllableClock clock;

    ClockController(ControllableClock clock) {
        this.clock = clock;
    }

    @GetMapping("/internal/clock")
    Map<String, String> now() {
        return describe(clock.instant());
    }

    @PostMapping("/internal/clock/advance")
    Map<String, String> advance(@RequestBody Map<String, Object> request) {
        Duration by;
        try {
            by = Duration.parse(String.valueOf(request.get("by")));
        } catch (DateTimeParseException e) {
            throw invalid("must be an ISO-8601 duration such as PT24H");
        }
        if (by.isNegative()) {
            throw invalid("must not be negative: the clock only moves forward");
        }
        return describe(clock.advance(by));
    }

    private Map<String, String> describe(Instant now) {
        return Map.of("now", now.toString(), "offset", clock.offset().toString());
    }

    private static ThawProblem invalid(String message) {
        return new ThawProblem(
                HttpStatus.BAD_REQUEST,
                "validation_failed",
                "The clock cannot move that way.",
                Map.of("errors", List.of(new FieldViolation("by", "Duration", message))),
                null);
    }
}
