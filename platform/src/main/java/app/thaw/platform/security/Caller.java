package app.thaw.platform.security;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who is calling, as the validated token says: the tenant whose data the call may touch, the
 * subject, the OAuth client it came through, and its Thaw roles. The tenant is taken from the
 * token only, never from a path or body.
 *
 * @param tenantId the {@code tenant_id} claim
 * @param subject  the {@code sub} claim (a user, or a client's service account)
 * @param clientId the {@code azp} claim: the client the token was issued to
 * @param username {@code preferred_username}, when the token has one
 * @param roles    the realm roles that Thaw knows (see {@link ThawRoles})
 */
public record Caller(
        String tenantId,
        String subject,
        @Nullable String clientId,
        @Nullable String username,
        Set<String> roles) {

    public Caller {
        roles = Set.copyOf(roles);
    }

    public static Caller from(Jwt jwt) {
        return new Caller(
                jwt.getClaimAsString(TokenValidation.TENANT_CLAIM),
                jwt.getSubject(),
                jwt.getClaimAsString("azp"),
                jwt.getClaimAsString("preferred_username"),
                ThawRoles.of(realmRoles(jwt)));
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean hasAnyRole(String... candidates) {
        for (String role : candidates) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }

    /** The roles sorted, for stable output. */
    public List<String> sortedRoles() {
        return List.copyOf(new TreeSet<>(roles));
    }

    static Collection<String> realmRoles(Jwt jwt) {
        Map<String, Object> realmAccess = jwt.getClaimAsMap("realm_access");
        if (realmAccess == null || !(realmAccess.get("roles") instanceof Collection<?> roles)) {
            return List.of();
        }
        return roles.stream().map(String::valueOf).toList();
    }
}
