package app.thaw.notifications.settings.web;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

import app.thaw.notifications.access.Access;
import app.thaw.notifications.access.TenantAdmins;
import app.thaw.notifications.recipients.Language;
import app.thaw.notifications.recipients.UnsupportedLanguage;
import app.thaw.notifications.settings.SettingsService;
import app.thaw.notifications.settings.TenantSettings;
import app.thaw.platform.problem.InvalidField;
import app.thaw.platform.security.AllowedRoles;
import app.thaw.platform.security.CurrentCaller;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/notifications/settings")
class SettingsController {

    private final SettingsService settings;

    SettingsController(SettingsService settings) {
        this.settings = settings;
    }

    @Operation(summary = "Read the tenant's notification settings (the defaults until it writes its own)")
    @GetMapping
    @AllowedRoles(AllowedRoles.ANY_USER)
    Mono<SettingsBody> get() {
        return CurrentCaller.tenantId().flatMap(settings::forTenant).map(SettingsBody::of);
    }

    @Operation(summary = "Write the tenant's notification settings at the version read (0 replaces the defaults)")
    @PutMapping
    @TenantAdmins
    Mono<SettingsBody> put(@Valid @RequestBody SettingsBody body) {
        return CurrentCaller.get()
                .map(Access::requireAdmin)
                .flatMap(caller -> settings.forTenant(caller.tenantId())
                        .flatMap(current -> settings.put(caller.tenantId(), body.toSettings(current), body.version())))
                .map(SettingsBody::of);
    }

    /**
     * Durations as ISO-8601 (e.g. {@code PT10M}); {@code language} ({@code zh-CN} or {@code en}) and
     * {@code timeZone} (IANA) are the tenant's, for messages to its tenant-wide inbox; left out, they
     * stay as they are.
     */
    record SettingsBody(
            @NotNull @PositiveOrZero Long version,
            @NotEmpty @Size(max = 10) List<Duration> reminderOffsets,
            @NotNull Duration escalateAfter,
            @NotEmpty @Size(max = 20) List<Duration> retrySchedule,
            @NotNull Duration disableAfter,
            @NotNull Duration secretOverlap,
            @Nullable String language,
            @Nullable String timeZone) {

        static SettingsBody of(TenantSettings settings) {
            return new SettingsBody(
                    settings.version(),
                    settings.reminderOffsets(),
                    settings.escalateAfter(),
                    settings.retrySchedule(),
                    settings.disableAfter(),
                    settings.secretOverlap(),
                    settings.language().tag(),
                    settings.timeZone().getId());
        }

        TenantSettings toSettings(TenantSettings current) {
            positive("reminderOffsets", reminderOffsets);
            positive("retrySchedule", retrySchedule);
            positive("escalateAfter", List.of(escalateAfter));
            positive("disableAfter", List.of(disableAfter));
            Language lang;
            try {
                lang = language == null ? current.language() : Language.fromTag(language);
            } catch (UnsupportedLanguage unsupported) {
                throw new InvalidField("language", "OneOf", "must be zh-CN or en");
            }
            ZoneId zone;
            try {
                zone = timeZone == null ? current.timeZone() : ZoneId.of(timeZone);
            } catch (DateTimeException bad) {
                throw new InvalidField("timeZone", "TimeZone", "must be an IANA time zone id such as Asia/Shanghai");
            }
            return new TenantSettings(
                    reminderOffsets, escalateAfter, retrySchedule, disableAfter, secretOverlap, lang, zone, version);
        }

        private static void positive(String field, List<Duration> durations) {
            if (durations.stream().anyMatch(duration -> duration.isNegative() || duration.isZero())) {
                throw new InvalidField(field, "Positive", "every duration must be longer than zero");
            }
        }
    }
}
