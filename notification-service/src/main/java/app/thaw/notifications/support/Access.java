package app.thaw.notifications.support;

import app.thaw.platform.security.Caller;
import app.thaw.platform.security.ThawRoles;
import org.springframework.security.access.AccessDeniedException;

/** Who may change a tenant's notification setup: its administrators, supervisors and platform admins. */
public final class Access {

    private Access() {
    }

    public static Caller requireAdmin(Caller caller) {
        if (!caller.hasAnyRole(ThawRoles.MERCHANT_ADMIN, ThawRoles.PARTNER_BANK, ThawRoles.INSURER,
                ThawRoles.STAFF_SUPERVISOR, ThawRoles.PLATFORM_ADMIN)) {
            throw new AccessDeniedException("Changing notification setup needs an administrator role");
        }
        return caller;
    }
}
