package app.thaw.monitor.access;

import app.thaw.platform.security.Caller;
import app.thaw.platform.security.ThawRoles;
import org.springframework.security.access.AccessDeniedException;

/** Who may do what in the monitor; a refusal is the platform's 403 {@code forbidden} problem. */
public final class Roles {

    /** Enrol subjects, push signals, manage the tenant's settings and rules. */
    public static final String[] SUBSCRIBER = {
        ThawRoles.PARTNER_BANK, ThawRoles.MERCHANT_ADMIN, ThawRoles.PLATFORM_ADMIN
    };
    /** Enrol subjects: subscribers, and insurers enrolling their policyholders under their own plan. */
    public static final String[] ENROLLER = {
        ThawRoles.PARTNER_BANK, ThawRoles.MERCHANT_ADMIN, ThawRoles.PLATFORM_ADMIN, ThawRoles.INSURER
    };
    /** Read the tenant's monitoring data. */
    public static final String[] READER = {
        ThawRoles.PARTNER_BANK,
        ThawRoles.MERCHANT_ADMIN,
        ThawRoles.MERCHANT_MEMBER,
        ThawRoles.INSURER,
        ThawRoles.STAFF_AGENT,
        ThawRoles.STAFF_SUPERVISOR,
        ThawRoles.COMPLIANCE_OFFICER,
        ThawRoles.PLATFORM_ADMIN
    };
    /** Work alerts. */
    public static final String[] ALERT_WORKER = {
        ThawRoles.PARTNER_BANK,
        ThawRoles.MERCHANT_ADMIN,
        ThawRoles.STAFF_AGENT,
        ThawRoles.STAFF_SUPERVISOR,
        ThawRoles.COMPLIANCE_OFFICER,
        ThawRoles.PLATFORM_ADMIN
    };
    /** Place and lift legal holds, clear sanctions hits. */
    public static final String[] COMPLIANCE = {ThawRoles.COMPLIANCE_OFFICER, ThawRoles.PLATFORM_ADMIN};
    /** See protected identifiers in clear. */
    public static final String[] REVEAL = {
        ThawRoles.PARTNER_BANK, ThawRoles.MERCHANT_ADMIN, ThawRoles.COMPLIANCE_OFFICER
    };

    private Roles() {}

    public static Caller require(Caller caller, String... roles) {
        if (!caller.hasAnyRole(roles)) {
            throw new AccessDeniedException("Your roles do not allow this action.");
        }
        return caller;
    }
}
