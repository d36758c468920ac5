package app.thaw.platform.tenancy;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A merchant tenant's link to a partner bank tenant: while {@code active}, the bank opens and works
 * the merchant's cases. {@code sequence} grows with each change, so a replica applies newer over
 * older.
 */
public record PartnerLink(
        String merchantTenantId,
        String partnerTenantId,
        boolean active,
        long sequence,
        Instant changedAt,
        String changedBy,
        @Nullable Instant linkedAt) {

    /** The link's id: {@code <merchant>|<partner>}. */
    public String id() {
        return key(merchantTenantId, partnerTenantId);
    }

    public static String key(String merchantTenantId, String partnerTenantId) {
        return merchantTenantId + "|" + partnerTenantId;
    }
}
