package app.thaw.platform.events;

import java.util.Map;

import app.thaw.platform.problem.ThawProblem;
import app.thaw.platform.security.AllowedRoles;
import app.thaw.platform.security.Caller;
import app.thaw.platform.security.CurrentCaller;
import app.thaw.platform.security.ThawRoles;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Dead letters for {@code platform_admin}: those this service's relay could not hand over (either
 * transport) and, on Kafka, those its consumer could not handle (origin {@code topic}); list them
 * and replay one. One API for both transports.
 * {@code GET /api/v1/<area>/admin/dead-letters?after=&limit=}, {@code POST …/{id}/replay}.
 */
@RestController
class DeadLetterController {

    static final int MAX_PAGE = 200;

    private final OutboxRelay relay;

    DeadLetterController(OutboxRelay relay) {
        this.relay = relay;
    }

    @GetMapping("/api/v1/${thaw.service.area}/admin/dead-letters")
    @AllowedRoles(ThawRoles.PLATFORM_ADMIN)
    Mono<Map<String, Object>> list(
            @RequestParam(required = false) @Nullable String after, @RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new ThawProblem(
                    HttpStatus.BAD_REQUEST,
                    "validation_failed",
                    "limit must be between 1 and " + MAX_PAGE + ".",
                    Map.of(),
                    null);
        }
        return admin().flatMap(caller -> relay.deadLetters(after, limit)
                        .map(DeadLetterController::view)
                        .collectList())
                .map(items -> {
                    Map<String, Object> page = new java.util.LinkedHashMap<>();
                    page.put("items", items);
                    page.put("next", items.size() == limit ? items.getLast().get("id") : null);
                    return page;
                });
    }

    @PostMapping("/api/v1/${thaw.service.area}/admin/dead-letters/{id}/replay")
    @AllowedRoles(ThawRoles.PLATFORM_ADMIN)
    Mono<Map<String, Object>> replay(@PathVariable String id) {
        return admin().flatMap(caller -> relay.replay(id, caller.subject())).map(replayed -> {
            if (!replayed) {
                throw new ThawProblem(
                        HttpStatus.NOT_FOUND, "not_found", "No dead letter " + id + " waits for a replay.");
            }
            return Map.<String, Object>of("id", id, "status", "requeued");
        });
    }

    private static Mono<Caller> admin() {
        return CurrentCaller.get().map(caller -> {
            if (!caller.hasRole(ThawRoles.PLATFORM_ADMIN)) {
                throw new ThawProblem(
                        HttpStatus.FORBIDDEN, "forbidden", "Only platform administrators manage dead letters.");
            }
            return caller;
        });
    }

    private static Map<String, Object> view(Document deadLetter) {
        Document event = deadLetter.get("event", Document.class);
        Map<String, Object> view = new java.util.LinkedHashMap<>();
        view.put("id", deadLetter.getString("_id"));
        view.put("eventId", deadLetter.getString("eventId"));
        view.put("type", event.getString("type"));
        view.put("subject", event.getString("subject"));
        view.put("tenantId", event.getString("tenantId"));
        view.put("subscriber", deadLetter.getString("subscriber"));
        // Where it was parked: the relay's outbox (it could not be handed over) or this service's topic (it could not
        // be handled).
        view.put("origin", deadLetter.getString("origin") == null ? "outbox" : deadLetter.getString("origin"));
        view.put("attempts", deadLetter.getInteger("attempts", 0));
        view.put("lastError", deadLetter.getString("lastError"));
        view.put("parkedAt", deadLetter.getDate("parkedAt").toInstant().toString());
        return view;
    }
}
