package app.thaw.platform.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The roles that may call an operation at all (ADR 51): the one list the security chain enforces
 * ({@link RoleGate}, 403 {@code forbidden} before the request is read or its key looked up) and
 * the OpenAPI document publishes ({@code x-thaw-roles} on the operation). On a handler method, or on
 * a controller for all its methods (a method's own list wins). The handler may still refuse a role
 * it allows here for what the request names (another tenant, a restricted case); it never refuses a
 * role for being that role.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface AllowedRoles {

    /** Role names from {@link ThawRoles}, or {@link #ANY_USER}. */
    String[] value();

    /** Stands for every human role of the realm ({@link ThawRoles#USERS}): not the services' own clients. */
    String ANY_USER = "any_user";
}
