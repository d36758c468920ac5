package app.thaw.notifications.templates.web;

import java.util.Map;

import app.thaw.notifications.access.Access;
import app.thaw.notifications.access.TenantAdmins;
import app.thaw.notifications.recipients.Channel;
import app.thaw.notifications.recipients.Language;
import app.thaw.notifications.recipients.UnsupportedLanguage;
import app.thaw.notifications.templates.ChannelTemplate;
import app.thaw.notifications.templates.RenderedMessage;
import app.thaw.notifications.templates.TemplateKey;
import app.thaw.notifications.templates.TemplateService;
import app.thaw.platform.problem.InvalidField;
import app.thaw.platform.security.AllowedRoles;
import app.thaw.platform.security.CurrentCaller;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/notifications/templates")
class TemplateController {

    private final TemplateService templates;

    TemplateController(TemplateService templates) {
        this.templates = templates;
    }

    @Operation(
            summary =
                    "Read the template in force for an event type, channel and language (tenant's, Thaw's, or the English fallback)")
    @GetMapping("/{eventType}/{channel}/{language}")
    @AllowedRoles(AllowedRoles.ANY_USER)
    Mono<TemplateResponse> get(
            @PathVariable String eventType, @PathVariable Channel channel, @PathVariable String language) {
        TemplateKey key = new TemplateKey(eventType, channel, language(language));
        return CurrentCaller.tenantId()
                .flatMap(tenant -> templates.resolve(tenant, key))
                .map(resolved -> TemplateResponse.of(key, resolved));
    }

    @Operation(
            summary =
                    "Write the tenant's template for an event type, channel and language at the version read (0 for a first one)")
    @PutMapping("/{eventType}/{channel}/{language}")
    @TenantAdmins
    Mono<TemplateResponse> put(
            @PathVariable String eventType,
            @PathVariable Channel channel,
            @PathVariable String language,
            @Valid @RequestBody TemplateRequest request) {
        TemplateKey key = new TemplateKey(eventType, channel, language(language));
        return CurrentCaller.get()
                .map(Access::requireAdmin)
                .flatMap(caller -> templates.put(caller.tenantId(), key, request.template(), request.version()))
                .map(resolved -> TemplateResponse.of(key, resolved));
    }

    @Operation(
            summary =
                    "Preview a message: the given template (or the one in force) rendered with sample data, escaped for its channel")
    @PostMapping("/preview")
    @AllowedRoles(AllowedRoles.ANY_USER)
    Mono<RenderedMessage> preview(@Valid @RequestBody PreviewRequest request) {
        TemplateKey key = new TemplateKey(request.eventType(), request.channel(), language(request.language()));
        Map<String, Object> data = request.data() == null ? Map.of() : request.data();
        if (request.template() != null) {
            return Mono.fromSupplier(() -> templates.preview(request.template().toTemplate(), data));
        }
        return CurrentCaller.tenantId()
                .flatMap(tenant -> templates.preview(tenant, key, data, Boolean.TRUE.equals(request.restricted())));
    }

    private static Language language(@Nullable String tag) {
        try {
            return tag == null ? Language.FALLBACK : Language.fromTag(tag);
        } catch (UnsupportedLanguage unsupported) {
            throw new InvalidField("language", "OneOf", "must be zh-CN or en");
        }
    }

    record TemplateBody(
            @Nullable @Size(max = 500) String subject,
            @NotBlank @Size(max = 20_000) String body,
            @Nullable @Size(max = 100_000) String html) {

        ChannelTemplate toTemplate() {
            return new ChannelTemplate(subject, body, html);
        }
    }

    record TemplateRequest(
            @NotNull @PositiveOrZero Long version,
            @NotNull @Valid TemplateBody body) {

        ChannelTemplate template() {
            return body.toTemplate();
        }
    }

    record PreviewRequest(
            @NotBlank String eventType,
            @NotNull Channel channel,
            @Nullable String language,
            @Nullable @Valid TemplateBody template,
            @Nullable Map<String, Object> data,
            @Nullable Boolean restricted) {}

    record TemplateResponse(
            String eventType, Channel channel, String language, String origin, long version, TemplateBody template) {

        static TemplateResponse of(TemplateKey key, TemplateService.Resolved resolved) {
            ChannelTemplate template = resolved.template();
            return new TemplateResponse(
                    key.eventType(),
                    key.channel(),
                    resolved.language().tag(),
                    resolved.origin(),
                    resolved.version(),
                    new TemplateBody(template.subject(), template.body(), template.html()));
        }
    }
}
