package app.thaw.notifications.access;

import app.thaw.platform.security.Caller;
import app.thaw.platform.security.ThawRoles;
import org.springframework.security.access.AccessDeniedException;

/**
 * Who may do what: a tenant's administrators, supervisors and platform admins change its
 * notification setup; of Thaw's staff (who reach another tenant's delivery log through the
 * platform's {@code TenantAccess}), only compliance officers and platform admins see what is about
 * a restricted (COMPLIANCE_HOLD) case of another tenant.
 */
public final class Access {

    private Access() {}

    /** Who sees what concerns a restricted (COMPLIANCE_HOLD) case, as in case-service and evidence-service. */
    public static boolean seesRestricted(Caller caller) {
        return caller.hasAnyRole(ThawRoles.COMPLIANCE_OFFICER, ThawRoles.PLATFORM_ADMIN);
    }

    public static Caller requireAdmin(Caller caller) {
        if (!caller.hasAnyRole(
                ThawRoles.MERCHANT_ADMIN,
                ThawRoles.PARTNER_BANK,
                ThawRoles.INSURER,
                ThawRoles.STAFF_SUPERVISOR,
                ThawRoles.PLATFORM_ADMIN)) {
            throw new AccessDeniedException("Changing notification setup needs an administrator role");
        }
        return caller;
    }
}
