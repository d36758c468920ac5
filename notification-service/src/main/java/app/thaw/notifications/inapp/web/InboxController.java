package app.thaw.notifications.inapp.web;

import java.time.Duration;

import app.thaw.notifications.inapp.InboxItem;
import app.thaw.notifications.inapp.InboxService;
import app.thaw.platform.security.AllowedRoles;
import app.thaw.platform.security.CurrentCaller;
import app.thaw.platform.store.CursorPage;
import io.swagger.v3.oas.annotations.Operation;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/notifications/inbox")
class InboxController {

    /** Keeps idle connections open through proxies that drop silent ones. */
    private static final Duration HEARTBEAT = Duration.ofSeconds(20);

    private final InboxService inbox;

    InboxController(InboxService inbox) {
        this.inbox = inbox;
    }

    @Operation(summary = "The caller's in-app messages and the tenant-wide ones, by page")
    @GetMapping
    @AllowedRoles(AllowedRoles.ANY_USER)
    Mono<CursorPage<InboxItem>> list(
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable Integer limit) {
        CursorPage.Request page = CursorPage.Request.of(cursor, limit);
        return CurrentCaller.get().flatMap(caller -> inbox.list(caller.tenantId(), caller.subject(), page));
    }

    @Operation(summary = "Mark an in-app message read")
    @PostMapping("/{id}/read")
    @AllowedRoles(AllowedRoles.ANY_USER)
    Mono<InboxItem> read(@PathVariable String id) {
        return CurrentCaller.get().flatMap(caller -> inbox.markRead(caller.tenantId(), caller.subject(), id));
    }

    @Operation(summary = "Server-sent events: the caller's in-app messages as they are delivered, for the dashboards")
    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @AllowedRoles(AllowedRoles.ANY_USER)
    Flux<ServerSentEvent<InboxItem>> stream() {
        // The opening comment sends the response headers at once, so a client knows it is connected.
        return CurrentCaller.get()
                .flatMapMany(caller -> Flux.concat(
                        Flux.just(ServerSentEvent.<InboxItem>builder()
                                .comment("connected")
                                .build()),
                        Flux.merge(
                                inbox.stream(caller.tenantId(), caller.subject())
                                        .map(item -> ServerSentEvent.builder(item)
                                                .id(item.id())
                                                .event("message")
                                                .build()),
                                Flux.interval(HEARTBEAT)
                                        .map(tick -> ServerSentEvent.<InboxItem>builder()
                                                .comment("heartbeat")
                                                .build()))));
    }
}
