package app.thaw.platform.idempotency;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import app.thaw.platform.idempotency.IdempotencyRecord.StoredResponse;
import app.thaw.platform.problem.ThawProblem;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** The answers a client gets when its {@code Idempotency-Key} cannot simply run or replay; codes in docs/problems.md. */
final class IdempotencyProblems {

    static final String INVALID_KEY = "invalid_idempotency_key";
    static final String KEY_REUSED = "idempotency_key_reused";
    static final String IN_PROGRESS = "idempotency_key_in_progress";
    static final String NOT_RETAINED = "idempotency_response_not_retained";

    private IdempotencyProblems() {}

    static ThawProblem invalidKey() {
        return new ThawProblem(
                HttpStatus.BAD_REQUEST,
                INVALID_KEY,
                "Send one " + IdempotencyKeyFilter.HEADER + " header of 1 to 255 printable ASCII characters.",
                Map.of("header", IdempotencyKeyFilter.HEADER),
                null);
    }

    static ThawProblem keyReused() {
        return new ThawProblem(
                HttpStatus.UNPROCESSABLE_CONTENT,
                KEY_REUSED,
                "This " + IdempotencyKeyFilter.HEADER + " was used for a different request (method, path or body). "
                        + "Use a new key for a new request.");
    }

    static ThawProblem inProgress(Duration retryAfter) {
        return new ThawProblem(
                HttpStatus.CONFLICT,
                IN_PROGRESS,
                "A request with this " + IdempotencyKeyFilter.HEADER + " is still being processed. "
                        + "Retry later to receive its response.",
                Map.of(),
                retryAfter);
    }

    static ThawProblem notRetained(StoredResponse first) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("originalStatus", first.status());
        var location = first.headers().get(HttpHeaders.LOCATION);
        if (location != null && !location.isEmpty()) {
            properties.put("location", location.getFirst());
        }
        return new ThawProblem(
                HttpStatus.CONFLICT,
                NOT_RETAINED,
                "The request with this " + IdempotencyKeyFilter.HEADER + " was already processed (status "
                        + first.status() + "), but its response was too large or streamed to be kept. "
                        + "Read the result instead of retrying.",
                properties,
                null);
    }
}
