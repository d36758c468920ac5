package app.thaw.evidence.item;

import app.thaw.platform.security.Caller;
import app.thaw.platform.security.ThawRoles;

/** How a caller is named in records and logs, and which roles act across tenants. */
public final class Actors {

    /** Staff roles work cases of every tenant; each such access is audited. */
    public static final String[] STAFF = {ThawRoles.STAFF_AGENT, ThawRoles.STAFF_SUPERVISOR, ThawRoles.COMPLIANCE_OFFICER,
            ThawRoles.PLATFORM_ADMIN};
    /**
     * The case's own tenant's people: a merchant's users, or a partner bank whose case it is (an
     * identity-misuse or compliance case opened from its own alert, or one it opened itself).
     */
    public static final String[] MERCHANT = {ThawRoles.MERCHANT_ADMIN, ThawRoles.MERCHANT_MEMBER, ThawRoles.PARTNER_BANK};

    private Actors() {
    }

    /** "tenant/username" (or the subject, for a machine client): stable and readable in a dossier. */
    public static String name(Caller caller) {
        return caller.tenantId() + "/" + (caller.username() != null ? caller.username() : caller.subject());
    }

    public static boolean isStaff(Caller caller) {
        return caller.hasAnyRole(STAFF);
    }
}
