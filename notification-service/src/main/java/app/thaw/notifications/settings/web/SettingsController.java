package app.thaw.notifications.settings.web;

import java.time.Duration;
import java.util.List;

import app.thaw.notifications.settings.SettingsService;
import app.thaw.notifications.settings.TenantSettings;
import app.thaw.notifications.support.Access;
import app.thaw.notifications.support.InvalidField;
import app.thaw.platform.security.CurrentCaller;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
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
    Mono<SettingsBody> get() {
        return CurrentCaller.tenantId().flatMap(settings::forTenant).map(SettingsBody::of);
    }

    @Operation(summary = "Write the tenant's notification settings at the version read (0 replaces the defaults)")
    @PutMapping
    Mono<SettingsBody> put(@Valid @RequestBody SettingsBody body) {
        TenantSettings wanted = body.toSettings();
        return CurrentCaller.get().map(Access::requireAdmin)
                .flatMap(caller -> settings.put(caller.tenantId(), wanted, body.version()))
                .map(SettingsBody::of);
    }

    /** Durations as ISO-8601 (e.g. {@code PT10M}). */
    record SettingsBody(@NotNull @PositiveOrZero Long version, @NotEmpty @Size(max = 10) List<Duration> reminderOffsets,
                        @NotNull Duration escalateAfter, @NotEmpty @Size(max = 20) List<Duration> retrySchedule,
                        @NotNull Duration disableAfter, @NotNull Duration secretOverlap) {

        static SettingsBody of(TenantSettings settings) {
            return new SettingsBody(settings.version(), settings.reminderOffsets(), settings.escalateAfter(), settings.retrySchedule(),
                    settings.disableAfter(), settings.secretOverlap());
        }

        TenantSettings toSettings() {
            positive("reminderOffsets", reminderOffsets);
            positive("retrySchedule", retrySchedule);
            positive("escalateAfter", List.of(escalateAfter));
            positive("disableAfter", List.of(disableAfter));
            return new TenantSettings(reminderOffsets, escalateAfter, retrySchedule, disableAfter, secretOverlap, version);
        }

        private static void positive(String field, List<Duration> durations) {
            if (durations.stream().anyMatch(duration -> duration.isNegative() || duration.isZero())) {
                throw new InvalidField(field, "Positive", "every duration must be longer than zero");
            }
        }
    }
}
