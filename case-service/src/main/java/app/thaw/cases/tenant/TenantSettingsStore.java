package app.thaw.cases.tenant;

import reactor.core.publisher.Mono;

/** Where each tenant's own settings are kept, under its tenant id (so a read names the tenant). */
public interface TenantSettingsStore {

    /** The tenant's stored settings; nothing when it has set none. */
    Mono<TenantSettings> find(String tenantId);

    /**
     * Stores {@code next} as version {@code expectedVersion + 1} if the stored settings are still at
     * {@code expectedVersion} (0: none stored yet); otherwise a {@code version_conflict}.
     */
    Mono<Void> replace(TenantSettings next, long expectedVersion);
}
