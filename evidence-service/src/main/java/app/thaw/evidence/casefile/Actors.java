package app.thaw.evidence.casefile;

import app.thaw.platform.security.Caller;
import app.thaw.platform.security.ThawRoles;
import app.thaw.platform.tenancy.TenantAccess;

/** How a caller is named in records and logs, and which roles are the case holder's own people. */
public final class Actors {

    /**
     * The case's own tenant's people: a merchant's users, or a partner bank whose case it is (an
     * identity-misuse or compliance case opened from its own alert, or one it opened itself).
     */
    public static final String[] MERCHANT = {ThawRoles.MERCHANT_ADMIN, ThawRoles.MERCHANT_MEMBER, ThawRoles.PARTNER_BANK
    };

    private Actors() {}

    /** "tenant/username" (or the subject, for a machine client): stable and readable in a dossier. */
    public static String name(Caller caller) {
        return caller.tenantId() + "/" + (caller.username() != null ? caller.username() : caller.subject());
    }

    /** Staff work cases of every tenant (the platform's rule, {@link TenantAccess#staff}); each such access is audited. */
    public static boolean isStaff(Caller caller) {
        return TenantAccess.staff(caller);
    }
}
