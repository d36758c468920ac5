package app.thaw.notifications.webhooks.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import app.thaw.notifications.access.Access;
import app.thaw.notifications.access.TenantAdmins;
import app.thaw.notifications.settings.SettingsService;
import app.thaw.notifications.webhooks.WebhookEndpoint;
import app.thaw.notifications.webhooks.WebhookSecret;
import app.thaw.notifications.webhooks.WebhookService;
import app.thaw.platform.problem.InvalidField;
import app.thaw.platform.security.AllowedRoles;
import app.thaw.platform.security.CurrentCaller;
import app.thaw.platform.store.CursorPage;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/notifications/webhooks")
// Every change takes the administrators' roles; reads name their own (AllowedRoles.ANY_USER).
@TenantAdmins
class WebhookController {

    private final WebhookService webhooks;
    private final SettingsService settings;

    WebhookController(WebhookService webhooks, SettingsService settings) {
        this.webhooks = webhooks;
        this.settings = settings;
    }

    @Operation(
            summary =
                    "Register a webhook endpoint; the answer carries its whsec_ signing secret (private and metadata addresses are refused)")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<EndpointWithSecret> register(@Valid @RequestBody EndpointRequest request) {
        WebhookSecret secret = request.secret() == null ? null : secret(request.secret());
        return CurrentCaller.get()
                .map(Access::requireAdmin)
                .flatMap(caller -> webhooks.register(caller.tenantId(), request.uri(), request.eventTypes(), secret))
                .map(EndpointWithSecret::of);
    }

    @Operation(summary = "List the tenant's webhook endpoints, by page")
    @GetMapping
    @AllowedRoles(AllowedRoles.ANY_USER)
    Mono<CursorPage<EndpointResponse>> list(
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable Integer limit) {
        CursorPage.Request page = CursorPage.Request.of(cursor, limit);
        return CurrentCaller.tenantId()
                .flatMap(tenant -> webhooks.list(tenant, page))
                .map(found -> found.map(EndpointResponse::of));
    }

    @Operation(summary = "Read a webhook endpoint")
    @GetMapping("/{id}")
    @AllowedRoles(AllowedRoles.ANY_USER)
    Mono<EndpointResponse> get(@PathVariable String id) {
        return CurrentCaller.tenantId()
                .flatMap(tenant -> webhooks.get(tenant, id))
                .map(EndpointResponse::of);
    }

    @Operation(summary = "Change a webhook endpoint at the version read; enabling it again clears its failures")
    @PutMapping("/{id}")
    Mono<EndpointResponse> update(@PathVariable String id, @Valid @RequestBody EndpointUpdate request) {
        return CurrentCaller.get()
                .map(Access::requireAdmin)
                .flatMap(caller -> webhooks.update(
                        caller.tenantId(),
                        id,
                        request.version(),
                        request.uri(),
                        request.eventTypes(),
                        request.enabled()))
                .map(EndpointResponse::of);
    }

    @Operation(
            summary =
                    "Rotate the signing secret: the old one keeps signing alongside the new for the tenant's overlap (default 24 h)")
    @PostMapping("/{id}/rotate-secret")
    Mono<EndpointWithSecret> rotate(@PathVariable String id, @Valid @RequestBody VersionBody request) {
        return CurrentCaller.get()
                .map(Access::requireAdmin)
                .flatMap(caller -> settings.forTenant(caller.tenantId())
                        .flatMap(tenantSettings -> webhooks.rotate(
                                caller.tenantId(), id, request.version(), tenantSettings.secretOverlap())))
                .map(EndpointWithSecret::of);
    }

    @Operation(summary = "Remove a webhook endpoint")
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> remove(@PathVariable String id) {
        return CurrentCaller.get().map(Access::requireAdmin).flatMap(caller -> webhooks.remove(caller.tenantId(), id));
    }

    private static WebhookSecret secret(String value) {
        try {
            return new WebhookSecret(value, null);
        } catch (IllegalArgumentException weak) {
            throw new InvalidField(
                    "secret", "WebhookSecret", weak.getMessage() == null ? "invalid secret" : weak.getMessage());
        }
    }

    private static URI uri(String url) {
        try {
            URI uri = new URI(url);
            if (!uri.isAbsolute()) {
                throw new InvalidField("url", "AbsoluteUrl", "must be an absolute http(s) URL");
            }
            return uri;
        } catch (java.net.URISyntaxException bad) {
            throw new InvalidField("url", "Url", "must be a URL");
        }
    }

    record EndpointRequest(
            @NotNull @Size(max = 2000) String url,
            @NotEmpty @Size(max = 50) List<String> eventTypes,
            @Nullable String secret) {

        URI uri() {
            return WebhookController.uri(url);
        }
    }

    record EndpointUpdate(
            @NotNull @PositiveOrZero Long version,
            @NotNull @Size(max = 2000) String url,
            @NotEmpty @Size(max = 50) List<String> eventTypes,
            @NotNull Boolean enabled) {

        URI uri() {
            return WebhookController.uri(url);
        }
    }

    record VersionBody(@NotNull @PositiveOrZero Long version) {}

    record EndpointResponse(
            String id,
            String url,
            List<String> eventTypes,
            boolean enabled,
            @Nullable String disabledReason,
            @Nullable Instant failingSince,
            int activeSecrets,
            long version) {

        static EndpointResponse of(WebhookEndpoint endpoint) {
            return new EndpointResponse(
                    endpoint.id(),
                    endpoint.url().toString(),
                    endpoint.eventTypes(),
                    endpoint.enabled(),
                    endpoint.disabledReason(),
                    endpoint.failingSince(),
                    endpoint.secrets().size(),
                    endpoint.version());
        }
    }

    /** Only registration and rotation show the secret: it is the tenant's to keep. */
    record EndpointWithSecret(EndpointResponse endpoint, String secret) {

        static EndpointWithSecret of(WebhookEndpoint endpoint) {
            return new EndpointWithSecret(
                    EndpointResponse.of(endpoint), endpoint.currentSecret().value());
        }
    }
}
