package app.thaw.platform.events;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import app.thaw.platform.problem.FieldViolation;
import app.thaw.platform.problem.ThawProblem;
import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code POST /internal/events}: where other services' relays deliver events. Only service
 * tokens (role {@code thaw_service}) get here; the gateway routes nothing to /internal. Answers
 * 2xx only once the event's effect is stored (or was already), 503 with Retry-After while another
 * delivery of the same event is being handled.
 */
@Hidden
@RestController
class InternalEventsController {

    private final EventInbox inbox;
    private final EventSpans spans;

    InternalEventsController(EventInbox inbox, EventSpans spans) {
        this.inbox = inbox;
        this.spans = spans;
    }

    @PostMapping(
            path = "/internal/events",
            consumes = {"application/cloudevents+json", "application/json"})
    Mono<Map<String, String>> receive(@RequestBody Map<String, Object> cloudEvent) {
        ThawEvent event = parse(cloudEvent);
        return spans.around(event, "http", Map.of(), inbox.receive(event)).map(outcome -> switch (outcome) {
            case PROCESSED -> Map.of("id", event.id(), "status", "processed");
            case DUPLICATE -> Map.of("id", event.id(), "status", "duplicate");
            case IN_PROGRESS ->
                throw new ThawProblem(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "event_in_progress",
                        "Event " + event.id() + " is being handled by another delivery.",
                        Map.of(),
                        Duration.ofSeconds(5));
        });
    }

    @SuppressWarnings("unchecked")
    static ThawEvent parse(Map<String, Object> json) {
        List<FieldViolation> missing = new java.util.ArrayList<>();
        for (String member : List.of("specversion", "id", "source", "type", "time", "tenantid")) {
            if (!(json.get(member) instanceof String text) || text.isBlank()) {
                missing.add(new FieldViolation(member, "Required", "CloudEvents member '" + member + "' is required"));
            }
        }
        if (!missing.isEmpty()) {
            throw new ThawProblem(
                    HttpStatus.BAD_REQUEST,
                    "validation_failed",
                    "The CloudEvent is incomplete.",
                    Map.of("errors", missing),
                    null);
        }
        Instant time;
        try {
            time = Instant.parse((String) json.get("time"));
        } catch (DateTimeParseException e) {
            throw new ThawProblem(
                    HttpStatus.BAD_REQUEST,
                    "validation_failed",
                    "The CloudEvent's time is not an RFC 3339 instant.",
                    Map.of("errors", List.of(new FieldViolation("time", "Format", "must be an RFC 3339 instant"))),
                    null);
        }
        Object sequence = json.get("sequence");
        if (sequence != null
                && !(sequence instanceof Number number
                        && number.longValue() >= 0
                        && number.doubleValue() == number.longValue())) {
            throw new ThawProblem(
                    HttpStatus.BAD_REQUEST,
                    "validation_failed",
                    "The CloudEvent's sequence is not a whole number.",
                    Map.of("errors", List.of(new FieldViolation("sequence", "Format", "must be a whole number >= 0"))),
                    null);
        }
        Object data = json.get("data");
        return new ThawEvent(
                (String) json.get("id"),
                (String) json.get("source"),
                (String) json.get("type"),
                String.valueOf(json.getOrDefault("subject", "")),
                time,
                (String) json.get("tenantid"),
                sequence == null ? null : ((Number) sequence).longValue(),
                json.get("traceparent") instanceof String traceparent ? traceparent : null,
                data instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of());
    }
}
