package app.thaw.notifications.access;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import app.thaw.platform.security.AllowedRoles;
import app.thaw.platform.security.ThawRoles;

/**
 * The roles that change a tenant's notification setup ({@link Access#requireAdmin}'s). The one list
 * of them, declared as {@link AllowedRoles} (ADR 51) on a handler or on a controller for all its
 * handlers (a handler's own list wins).
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@AllowedRoles({
    ThawRoles.MERCHANT_ADMIN,
    ThawRoles.PARTNER_BANK,
    ThawRoles.INSURER,
    ThawRoles.STAFF_SUPERVISOR,
    ThawRoles.PLATFORM_ADMIN
})
public @interface TenantAdmins {}
