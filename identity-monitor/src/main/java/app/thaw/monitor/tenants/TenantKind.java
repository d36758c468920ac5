package app.thaw.monitor.tenants;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import app.thaw.platform.security.ThawRoles;
import org.jspecify.annotations.Nullable;

/**
 * What a tenant is: the realm role its first admin user (and its client's service account) gets, the
 * plan it starts on when the request names none (null: the configured default), and whether it gets a
 * client-credentials client of its own.
 */
public enum TenantKind {
    MERCHANT(ThawRoles.MERCHANT_ADMIN, null, false),
    PARTNER_BANK(ThawRoles.PARTNER_BANK, "PARTNER_BANK", true),
    INSURER(ThawRoles.INSURER, "INSURER", true);

    private final String role;
    private final @Nullable String defaultPlan;
    private final boolean hasClient;

    TenantKind(String role, @Nullable String defaultPlan, boolean hasClient) {
        this.role = role;
        this.defaultPlan = defaultPlan;
        this.hasClient = hasClient;
    }

    /** The realm role of the tenant's first admin user and of its client's service account. */
    public String role() {
        return role;
    }

    public @Nullable String defaultPlan() {
        return defaultPlan;
    }

    /** Banks and insurers call Thaw machine to machine: they get a confidential client with a service account. */
    public boolean hasClient() {
        return hasClient;
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(Enum::name).toList();
    }

    /**
     * The kind of tenant a realm role belongs to ({@code merchant_admin} and {@code merchant_member}: a
     * merchant's), none for a role of no tenant kind (staff, services).
     */
    public static Optional<TenantKind> ofRole(String role) {
        if (role.equals(ThawRoles.MERCHANT_MEMBER)) {
            return Optional.of(MERCHANT);
        }
        return Arrays.stream(values()).filter(kind -> kind.role.equals(role)).findFirst();
    }

    public static Optional<TenantKind> of(@Nullable String name) {
        return Arrays.stream(values()).filter(kind -> kind.name().equals(name)).findFirst();
    }
}
