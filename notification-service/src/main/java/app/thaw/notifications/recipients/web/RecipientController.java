package app.thaw.notifications.recipients.web;

import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import app.thaw.notifications.access.Access;
import app.thaw.notifications.access.TenantAdmins;
import app.thaw.notifications.recipients.Channel;
import app.thaw.notifications.recipients.Language;
import app.thaw.notifications.recipients.QuietHours;
import app.thaw.notifications.recipients.Recipient;
import app.thaw.notifications.recipients.RecipientId;
import app.thaw.notifications.recipients.RecipientKind;
import app.thaw.notifications.recipients.RecipientService;
import app.thaw.notifications.recipients.UnsupportedLanguage;
import app.thaw.platform.problem.InvalidField;
import app.thaw.platform.security.AllowedRoles;
import app.thaw.platform.security.CurrentCaller;
import app.thaw.platform.store.CursorPage;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
@RequestMapping("/api/v1/notifications/recipients")
// Every change takes the administrators' roles; reads name their own (AllowedRoles.ANY_USER).
@TenantAdmins
class RecipientController {

    private final RecipientService recipients;

    RecipientController(RecipientService recipients) {
        this.recipients = recipients;
    }

    @Operation(
            summary =
                    "Register a recipient (client contact or staff member) with channels, language, time zone and quiet hours")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<RecipientResponse> register(@Valid @RequestBody RecipientRequest request) {
        return CurrentCaller.get()
                .map(Access::requireAdmin)
                .flatMap(caller ->
                        recipients.register(caller.tenantId(), id -> request.toRecipient(id, caller.tenantId(), 0)))
                .map(RecipientResponse::of);
    }

    @Operation(summary = "List the tenant's recipients, by page")
    @GetMapping
    @AllowedRoles(AllowedRoles.ANY_USER)
    Mono<CursorPage<RecipientResponse>> list(
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable Integer limit) {
        CursorPage.Request page = CursorPage.Request.of(cursor, limit);
        return CurrentCaller.tenantId()
                .flatMap(tenant -> recipients.list(tenant, page))
                .map(found -> found.map(RecipientResponse::of));
    }

    @Operation(summary = "Read one recipient")
    @GetMapping("/{id}")
    @AllowedRoles(AllowedRoles.ANY_USER)
    Mono<RecipientResponse> get(@PathVariable String id) {
        return CurrentCaller.tenantId()
                .flatMap(tenant -> recipients.get(tenant, new RecipientId(id)))
                .map(RecipientResponse::of);
    }

    @Operation(summary = "Change a recipient at the version read (stale version: 409 version_conflict)")
    @PutMapping("/{id}")
    Mono<RecipientResponse> update(@PathVariable String id, @Valid @RequestBody RecipientUpdate request) {
        return CurrentCaller.get()
                .map(Access::requireAdmin)
                .flatMap(caller -> recipients.update(
                        request.recipient().toRecipient(new RecipientId(id), caller.tenantId(), 0), request.version()))
                .map(RecipientResponse::of);
    }

    @Operation(summary = "Remove a recipient")
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> remove(@PathVariable String id) {
        return CurrentCaller.get()
                .map(Access::requireAdmin)
                .flatMap(caller -> recipients.remove(caller.tenantId(), new RecipientId(id)));
    }

    record QuietHoursBody(
            @NotNull @Pattern(regexp = "\\d\\d:\\d\\d") String start,
            @NotNull @Pattern(regexp = "\\d\\d:\\d\\d") String end) {}

    record RecipientRequest(
            @NotNull RecipientKind kind,
            @NotBlank @Size(max = 200) String name,
            @Nullable @Size(max = 200) String userId,
            @Nullable Set<String> roles,
            @Nullable @Email String email,

            @Nullable @Pattern(regexp = "\\+[1-9]\\d{6,14}", message = "must be an E.164 number like +8613800000000")
            String phone,

            @NotEmpty Set<Channel> channels,
            @Nullable String language,
            @Nullable String timeZone,
            @Nullable @Valid QuietHoursBody quietHours) {

        Recipient toRecipient(RecipientId id, String tenantId, long version) {
            Language lang;
            try {
                lang = language == null ? Language.FALLBACK : Language.fromTag(language);
            } catch (UnsupportedLanguage unsupported) {
                throw new InvalidField("language", "OneOf", "must be zh-CN or en");
            }
            ZoneId zone;
            try {
                zone = timeZone == null ? ZoneId.of("UTC") : ZoneId.of(timeZone);
            } catch (DateTimeException bad) {
                throw new InvalidField("timeZone", "TimeZone", "must be an IANA time zone id such as Asia/Shanghai");
            }
            QuietHours quiet;
            try {
                quiet = quietHours == null
                        ? null
                        : new QuietHours(LocalTime.parse(quietHours.start()), LocalTime.parse(quietHours.end()));
            } catch (DateTimeException bad) {
                throw new InvalidField("quietHours", "LocalTime", "start and end must be times of day HH:mm");
            }
            if (channels.contains(Channel.EMAIL) && email == null) {
                throw new InvalidField("email", "RequiredForChannel", "is required when channels include EMAIL");
            }
            if (channels.contains(Channel.SMS) && phone == null) {
                throw new InvalidField("phone", "RequiredForChannel", "is required when channels include SMS");
            }
            if (channels.contains(Channel.WEBHOOK)) {
                throw new InvalidField(
                        "channels", "NoWebhook", "webhooks go to registered endpoints, not to a recipient");
            }
            return new Recipient(
                    id,
                    tenantId,
                    kind,
                    name,
                    userId,
                    roles == null ? Set.of() : roles,
                    email,
                    phone,
                    channels,
                    lang,
                    zone,
                    quiet,
                    version);
        }
    }

    record RecipientUpdate(
            @NotNull Long version, @NotNull @Valid RecipientRequest recipient) {}

    record RecipientResponse(
            String id,
            RecipientKind kind,
            String name,
            @Nullable String userId,
            List<String> roles,
            @Nullable String email,
            @Nullable String phone,
            List<Channel> channels,
            String language,
            String timeZone,
            @Nullable QuietHoursBody quietHours,
            long version) {

        static RecipientResponse of(Recipient recipient) {
            QuietHours quiet = recipient.quietHours();
            return new RecipientResponse(
                    recipient.id().value(),
                    recipient.kind(),
                    recipient.name(),
                    recipient.userId(),
                    recipient.roles().stream().sorted().toList(),
                    recipient.email(),
                    recipient.phone(),
                    recipient.channels().stream().sorted().toList(),
                    recipient.language().tag(),
                    recipient.timeZone().getId(),
                    quiet == null
                            ? null
                            : new QuietHoursBody(
                                    quiet.start().toString(), quiet.end().toString()),
                    recipient.version());
        }
    }
}
