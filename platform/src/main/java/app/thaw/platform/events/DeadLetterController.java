package app.thaw.platform.events;

import java.util.List;
import java.util.Map;

import app.thaw.platform.problem.ThawProblem;
import app.thaw.platform.security.AllowedRoles;
import app.thaw.platform.security.Caller;
import app.thaw.platform.security.CurrentCaller;
import app.thaw.platform.security.ThawRoles;
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

    /** A page of dead letters; {@code next} is the {@code after} of the next page, null on the last. */
    record Page(List<DeadLetter> items, @Nullable String next) {}

    @GetMapping("/api/v1/${thaw.service.area}/admin/dead-letters")
    @AllowedRoles(ThawRoles.PLATFORM_ADMIN)
    Mono<Page> list(
            @RequestParam(required = false) @Nullable String after, @RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new ThawProblem(
                    HttpStatus.BAD_REQUEST,
                    "validation_failed",
                    "limit must be between 1 and " + MAX_PAGE + ".",
                    Map.of(),
                    null);
        }
        return admin().flatMap(caller -> relay.deadLetters(after, limit).collectList())
                .map(items ->
                        new Page(items, items.size() == limit ? items.getLast().id() : null));
    }

    /** A dead letter sent again: {@code status} is {@code requeued}. */
    record Replayed(String id, String status) {}

    @PostMapping("/api/v1/${thaw.service.area}/admin/dead-letters/{id}/replay")
    @AllowedRoles(ThawRoles.PLATFORM_ADMIN)
    Mono<Replayed> replay(@PathVariable String id) {
        return admin().flatMap(caller -> relay.replay(id, caller.subject())).map(replayed -> {
            if (!replayed) {
                throw new ThawProblem(
                        HttpStatus.NOT_FOUND, "not_found", "No dead letter " + id + " waits for a replay.");
            }
            return new Replayed(id, "requeued");
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
}
