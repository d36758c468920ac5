package app.thaw.platform.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The roles that may change a case and its evidence (case-service's {@code CaseAccess.writer}):
 * the merchant's people, a partner bank and Thaw staff; insurers only read. The one list of them,
 * for case-service and evidence-service, declared as {@link AllowedRoles} (ADR 51) on a handler or
 * on a controller for all its handlers (a handler's own list wins).
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@AllowedRoles({
    ThawRoles.MERCHANT_ADMIN,
    ThawRoles.MERCHANT_MEMBER,
    ThawRoles.PARTNER_BANK,
    ThawRoles.STAFF_AGENT,
    ThawRoles.STAFF_SUPERVISOR,
    ThawRoles.COMPLIANCE_OFFICER,
    ThawRoles.PLATFORM_ADMIN
})
public @interface CaseWriters {}
