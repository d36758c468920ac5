package app.thaw.platform.tenancy;

/** How a caller reaches a tenant's data, as {@link TenantAccess} decides it. */
public enum Reach {
    /** The caller's own tenant. */
    OWN,
    /** Thaw staff, through their role (every such act is audited). */
    STAFF,
    /** A partner bank the tenant has linked and not revoked (every such act is audited on both sides). */
    PARTNER,
    /** Nothing: the data does not exist for this caller. */
    NONE;

    /** Whether the caller reaches the data at all. */
    public boolean reaches() {
        return this != NONE;
    }

    /** Whether the data is another tenant's. */
    public boolean crossTenant() {
        return this == STAFF || this == PARTNER;
    }
}
