package app.thaw.notifications.settings;

import reactor.core.publisher.Mono;

/** A tenant's settings: its own once written, else the configured defaults. */
public interface SettingsService {

    /** The tenant's settings, or the defaults (version 0) while it has none of its own. */
    Mono<TenantSettings> forTenant(String tenantId);

    /** Writes the tenant's settings at the version read (0 to replace the defaults); 409 if they changed since. */
    Mono<TenantSettings> put(String tenantId, TenantSettings settings, long expectedVersion);

    TenantSettings defaults();
}
