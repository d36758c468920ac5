package app.thaw.notifications.dashboard.web;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import app.thaw.notifications.access.Access;
import app.thaw.notifications.dashboard.DeadLetters;
import app.thaw.notifications.delivery.Delivery;
import app.thaw.notifications.delivery.DeliveryLogService;
import app.thaw.notifications.delivery.DeliveryStatus;
import app.thaw.notifications.delivery.GoldenFifteenStatistics;
import app.thaw.notifications.mailbox.MailboxService;
import app.thaw.notifications.recipients.Channel;
import app.thaw.notifications.webhooks.DisabledReason;
import app.thaw.notifications.webhooks.WebhookEndpoint;
import app.thaw.notifications.webhooks.WebhookService;
import app.thaw.platform.dashboard.ThawDashboard;
import app.thaw.platform.problem.NotFound;
import app.thaw.platform.problem.ThawProblem;
import app.thaw.platform.security.Caller;
import app.thaw.platform.security.CurrentCaller;
import app.thaw.platform.security.TenantIds;
import app.thaw.platform.security.ThawRoles;
import app.thaw.platform.store.CursorPage;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The notification-service staff dashboard under {@code /dashboard/notifications/}, for
 * {@code staff_supervisor} and {@code platform_admin} (anyone else: 404, as for a page that does
 * not exist); dead letters for {@code platform_admin} only. Every read and write goes through the
 * same application services as the API. The delivery log and the golden 15 minutes are the
 * caller's tenant's, or — Thaw's staff work every tenant's cases — the tenant named in the form
 * ({@code tenantId}), each such read audited and another tenant's restricted cases hidden as in
 * the API; writes (replay, enabling an endpoint) stay in the caller's tenant, as in the API.
 */
@ThawDashboard
class NotificationsDashboard {

    static final String BASE = "/dashboard/notifications";

    private final DeliveryLogService log;
    private final MailboxService mailbox;
    private final WebhookService webhooks;
    private final DeadLetters deadLetters;

    NotificationsDashboard(
            DeliveryLogService log, MailboxService mailbox, WebhookService webhooks, DeadLetters deadLetters) {
        this.log = log;
        this.mailbox = mailbox;
        this.webhooks = webhooks;
        this.deadLetters = deadLetters;
    }

    /** Whether the caller sees the dead letters (the navigation offers them to platform admins only). */
    @ModelAttribute("platformAdmin")
    Mono<Boolean> platformAdminFlag() {
        return CurrentCaller.get()
                .map(caller -> caller.hasRole(ThawRoles.PLATFORM_ADMIN))
                .defaultIfEmpty(false);
    }

    // ---------------------------------------------------------------- delivery log

    @GetMapping({BASE, BASE + "/"})
    Mono<String> deliveries(
            @RequestParam(required = false) @Nullable String channel,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String caseId,
            @RequestParam(required = false) @Nullable String tenantId,
            @RequestParam(required = false) @Nullable String cursor,
            Model model,
            ServerWebExchange exchange) {
        model.addAttribute("channels", Channel.values());
        model.addAttribute("statuses", DeliveryStatus.values());
        model.addAttribute("channel", blankToNull(channel));
        model.addAttribute("status", blankToNull(status));
        model.addAttribute("caseId", blankToNull(caseId));
        model.addAttribute("tenantId", tenantId == null ? null : tenantId.strip());
        return staff().flatMap(caller -> {
                    Channel wantedChannel;
                    DeliveryStatus wantedStatus;
                    String wantedTenant;
                    try {
                        wantedChannel = parse(Channel.class, channel);
                        wantedStatus = parse(DeliveryStatus.class, status);
                    } catch (IllegalArgumentException unknown) {
                        return refusedFilter(exchange, model, "notifications.problem.filter")
                                .thenReturn(caller);
                    }
                    try {
                        wantedTenant = tenant(tenantId);
                    } catch (ThawProblem malformed) {
                        return refusedFilter(exchange, model, "notifications.problem.tenant")
                                .thenReturn(caller);
                    }
                    model.addAttribute("admin", isAdmin(caller));
                    return log.search(
                                    caller,
                                    wantedTenant,
                                    wantedChannel,
                                    wantedStatus,
                                    caseId,
                                    CursorPage.Request.of(cursor, 25))
                            .doOnNext(page -> {
                                model.addAttribute(
                                        "rows",
                                        page.items().stream()
                                                .map(DeliveryRow::new)
                                                .toList());
                                model.addAttribute("next", page.nextCursor());
                            })
                            .thenReturn(caller);
                })
                .thenReturn("notifications/deliveries");
    }

    /** A filter the log cannot apply: 400, the message where the log would be, no rows. */
    private static Mono<Void> refusedFilter(ServerWebExchange exchange, Model model, String message) {
        exchange.getResponse().setStatusCode(HttpStatus.BAD_REQUEST);
        model.addAttribute("problem", message);
        model.addAttribute("rows", List.of());
        return Mono.empty();
    }

    @GetMapping(BASE + "/deliveries/{id}")
    Mono<String> delivery(
            @PathVariable String id,
            @RequestParam(required = false) @Nullable String tenantId,
            Model model,
            ServerWebExchange exchange) {
        return staff().flatMap(caller -> log.get(caller, tenant(tenantId), id)
                        .doOnNext(entry -> detail(model, entry, caller))
                        .thenReturn("notifications/deliveries :: detail"))
                .onErrorResume(ThawProblem.class, problem -> problem(exchange, model, problem));
    }

    @PostMapping(BASE + "/deliveries/{id}/replay")
    Mono<String> replay(@PathVariable String id, Model model, ServerWebExchange exchange) {
        return staff().map(Access::requireAdmin)
                .flatMap(caller -> log.replay(caller.tenantId(), id)
                        .doOnNext(entry -> {
                            detail(model, entry, caller);
                            model.addAttribute("done", "notifications.deliveries.replayed");
                        })
                        .thenReturn("notifications/deliveries :: detail"))
                .onErrorResume(ThawProblem.class, problem -> problem(exchange, model, problem))
                .onErrorResume(AccessDeniedException.class, denied -> problem(exchange, model, HttpStatus.FORBIDDEN));
    }

    private static void detail(Model model, DeliveryLogService.Entry entry, Caller caller) {
        model.addAttribute("delivery", new DeliveryRow(entry.delivery()));
        model.addAttribute("subject", entry.delivery().subject());
        model.addAttribute("text", entry.delivery().text());
        model.addAttribute("attempts", entry.attempts());
        // A replay is a write, in the caller's own tenant only (as in the API): not offered on another tenant's
        // delivery.
        model.addAttribute(
                "admin",
                isAdmin(caller) && caller.tenantId().equals(entry.delivery().tenantId()));
    }

    // ---------------------------------------------------------------- development mailbox

    @GetMapping(BASE + "/mailbox")
    Mono<String> mailbox(Model model) {
        return staff().flatMap(caller -> mailbox.newest(caller.tenantId(), 50))
                .doOnNext(messages -> model.addAttribute("messages", messages))
                .thenReturn("notifications/mailbox");
    }

    // ---------------------------------------------------------------- failing webhook endpoints

    @GetMapping(BASE + "/webhooks")
    Mono<String> webhooks(Model model) {
        return staff().flatMap(caller -> webhooks.failing(caller.tenantId(), 100)
                        .concatMap(endpoint -> log.latestTo(caller.tenantId(), endpoint.id())
                                .map(last -> EndpointRow.of(endpoint, last.lastResponse(), last.updatedAt()))
                                .defaultIfEmpty(EndpointRow.of(endpoint, null, null)))
                        .collectList()
                        .doOnNext(rows -> {
                            model.addAttribute("endpoints", rows);
                            model.addAttribute("admin", isAdmin(caller));
                        }))
                .thenReturn("notifications/webhooks");
    }

    @PostMapping(BASE + "/webhooks/{id}/enable")
    Mono<String> enable(
            @PathVariable String id,
            @RequestParam(required = false) @Nullable Long version,
            Model model,
            ServerWebExchange exchange) {
        return staff().map(Access::requireAdmin)
                .flatMap(caller -> webhooks.get(caller.tenantId(), id)
                        .flatMap(endpoint -> webhooks.update(
                                caller.tenantId(),
                                id,
                                version == null ? -1 : version,
                                endpoint.url(),
                                endpoint.eventTypes(),
                                true)))
                .doOnNext(endpoint -> {
                    model.addAttribute("endpoint", EndpointRow.of(endpoint, null, null));
                    model.addAttribute("done", "notifications.webhooks.enabled");
                })
                .thenReturn("notifications/webhooks :: result")
                .onErrorResume(ThawProblem.class, problem -> problem(exchange, model, problem))
                .onErrorResume(
                        org.springframework.dao.OptimisticLockingFailureException.class,
                        changed -> problem(exchange, model, HttpStatus.CONFLICT))
                .onErrorResume(AccessDeniedException.class, denied -> problem(exchange, model, HttpStatus.FORBIDDEN));
    }

    // ---------------------------------------------------------------- golden 15 minutes

    @GetMapping(BASE + "/golden-15")
    Mono<String> goldenFifteen(
            @RequestParam(required = false) @Nullable String tenantId, Model model, ServerWebExchange exchange) {
        model.addAttribute("tenantId", tenantId == null ? null : tenantId.strip());
        return staff().flatMap(caller -> {
            String wantedTenant;
            try {
                wantedTenant = tenant(tenantId);
            } catch (ThawProblem malformed) {
                exchange.getResponse().setStatusCode(HttpStatus.BAD_REQUEST);
                model.addAttribute("problem", "notifications.problem.tenant");
                return Mono.just("notifications/golden15");
            }
            return log.goldenFifteen(caller, wantedTenant, 14)
                    .doOnNext(statistics -> {
                        model.addAttribute("statistics", statistics);
                        model.addAttribute(
                                "chart",
                                Map.of(
                                        "labels",
                                                statistics.days().stream()
                                                        .map(day -> day.date().toString())
                                                        .toList(),
                                        "within",
                                                statistics.days().stream()
                                                        .map(GoldenFifteenStatistics.Day::within)
                                                        .toList(),
                                        "late",
                                                statistics.days().stream()
                                                        .map(GoldenFifteenStatistics.Day::late)
                                                        .toList(),
                                        "pending",
                                                statistics.days().stream()
                                                        .map(GoldenFifteenStatistics.Day::pending)
                                                        .toList()));
                    })
                    .thenReturn("notifications/golden15");
        });
    }

    // ---------------------------------------------------------------- dead letters (platform_admin)

    @GetMapping(BASE + "/dead-letters")
    Mono<String> deadLetters(Model model) {
        return platformAdmin()
                .flatMap(caller -> deadLetters.oldest(100).collectList())
                .doOnNext(rows -> model.addAttribute("letters", rows))
                .thenReturn("notifications/dead-letters");
    }

    @PostMapping(BASE + "/dead-letters/{id}/replay")
    Mono<String> replayDeadLetter(@PathVariable String id, Model model, ServerWebExchange exchange) {
        model.addAttribute("id", id);
        return platformAdmin()
                .flatMap(caller -> deadLetters.replay(id, caller.subject()))
                .flatMap(replayed -> replayed
                        ? Mono.just("notifications/dead-letters :: replayed")
                                .doOnNext(view -> model.addAttribute("replayed", true))
                        : problem(exchange, model, new NotFound("dead letter", id)));
    }

    // ---------------------------------------------------------------- access and helpers

    /** The dashboard's roles; anyone else finds no such page. */
    private static Mono<Caller> staff() {
        return CurrentCaller.get()
                .filter(caller -> caller.hasAnyRole(ThawRoles.STAFF_SUPERVISOR, ThawRoles.PLATFORM_ADMIN))
                .switchIfEmpty(Mono.error(() -> new NotFound("page", BASE)));
    }

    private static Mono<Caller> platformAdmin() {
        return CurrentCaller.get()
                .filter(caller -> caller.hasRole(ThawRoles.PLATFORM_ADMIN))
                .switchIfEmpty(Mono.error(() -> new NotFound("page", BASE + "/dead-letters")));
    }

    private static boolean isAdmin(Caller caller) {
        try {
            Access.requireAdmin(caller);
            return true;
        } catch (AccessDeniedException denied) {
            return false;
        }
    }

    private static Mono<String> problem(ServerWebExchange exchange, Model model, ThawProblem problem) {
        return problem(exchange, model, problem.status());
    }

    /** A refused write: its status, and a message the page shows where the result would have gone. */
    private static Mono<String> problem(ServerWebExchange exchange, Model model, HttpStatusCode status) {
        exchange.getResponse().setStatusCode(status);
        model.addAttribute(
                "problem",
                switch (status.value()) {
                    case 404 -> "notifications.problem.not-found";
                    case 409 -> "notifications.problem.conflict";
                    case 403 -> "notifications.problem.forbidden";
                    default -> "notifications.problem.invalid";
                });
        return Mono.just("notifications/fragments :: problem");
    }

    private static <E extends Enum<E>> @Nullable E parse(Class<E> type, @Nullable String value) {
        return value == null || value.isBlank()
                ? null
                : Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
    }

    /**
     * The tenant a form names: a person types it, so surrounding spaces are dropped and empty names
     * none (the caller's own); otherwise it must be a well-formed tenant id.
     *
     * @throws ThawProblem 400 when it is not
     */
    private static @Nullable String tenant(@Nullable String typed) {
        // strip(), not trim(): trim() would also drop control characters, which the rule refuses.
        return TenantIds.named(typed == null ? null : typed.strip());
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** A delivery as the log's page shows it: the record itself, and an id for its detail cell. */
    record DeliveryRow(Delivery delivery) {

        /** An id usable in an HTML id attribute. */
        public String anchor() {
            return "d-" + Integer.toHexString(delivery.id().hashCode());
        }
    }

    record EndpointRow(
            String id,
            String url,
            boolean enabled,
            @Nullable String disabledReason,
            DisabledReason.@Nullable Read disabledBecause,
            @Nullable Instant failingSince,
            @Nullable String lastError,
            @Nullable Instant lastAt,
            long version) {

        static EndpointRow of(WebhookEndpoint endpoint, @Nullable String lastError, @Nullable Instant lastAt) {
            String reason = endpoint.disabledReason();
            return new EndpointRow(
                    endpoint.id(),
                    endpoint.url().toString(),
                    endpoint.enabled(),
                    reason,
                    reason == null ? null : DisabledReason.read(reason).orElse(null),
                    endpoint.failingSince(),
                    lastError,
                    lastAt,
                    endpoint.version());
        }
    }
}
