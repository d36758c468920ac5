package app.thaw.evidence.casefile;

import java.util.Collection;
import java.util.Set;

/**
 * The tenants a read may find an object in, named in the store's query: the caller's own, those a
 * partner bank reaches through its links, or — for staff only, by their role — every tenant. An
 * object of a tenant outside the scope is simply not found.
 *
 * @param anyTenant   staff's reach: the query names no tenant
 * @param tenantIds   the tenants named in the query otherwise
 */
public record TenantScope(boolean anyTenant, Set<String> tenantIds) {

    public TenantScope {
        tenantIds = Set.copyOf(tenantIds);
    }

    public static TenantScope of(String tenantId) {
        return new TenantScope(false, Set.of(tenantId));
    }

    public static TenantScope of(Collection<String> tenantIds) {
        return new TenantScope(false, Set.copyOf(tenantIds));
    }

    /** Staff's scope: the platform's {@code TenantAccess} grants it by role, and each access is audited. */
    public static TenantScope everyTenant() {
        return new TenantScope(true, Set.of());
    }

    public boolean includes(String tenantId) {
        return anyTenant || tenantIds.contains(tenantId);
    }
}
