package app.thaw.monitor.settings;

import java.time.Instant;

import reactor.core.publisher.Mono;

/** The stored settings and plan overrides of each tenant: one versioned record per tenant. */
public interface StoredSettings {

    /** The tenant's stored settings and their version; empty when it stored none. */
    Mono<SettingsService.Versioned<TenantSettings>> settings(String tenantId);

    /**
     * Stores the settings if {@code expectedVersion} is still current (0: none stored yet); an
     * {@code OptimisticLockingFailureException} otherwise.
     */
    Mono<SettingsService.Versioned<TenantSettings>> replace(
            String tenantId, TenantSettings settings, long expectedVersion, Instant at);

    /** The subject limit an administrator stored for the tenant; empty when none was. */
    Mono<Long> maxSubjects(String tenantId);

    Mono<Void> setMaxSubjects(String tenantId, long maxSubjects, Instant at);
}
