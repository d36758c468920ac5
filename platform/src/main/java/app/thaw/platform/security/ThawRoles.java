package app.thaw.platform.security;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

/** The realm roles Thaw grants (see infra/keycloak/README.md). Keycloak's own default roles are ignored. */
public final class ThawRoles {

    public static final String MERCHANT_ADMIN = "merchant_admin";
    public static final String MERCHANT_MEMBER = "merchant_member";
    public static final String PARTNER_BANK = "partner_bank";
    public static final String INSURER = "insurer";
    public static final String STAFF_AGENT = "staff_agent";
    public static final String STAFF_SUPERVISOR = "staff_supervisor";
    public static final String COMPLIANCE_OFFICER = "compliance_officer";
    public static final String PLATFORM_ADMIN = "platform_admin";
    /** Held by the services' own client-credentials clients, for service-to-service calls. */
    public static final String SERVICE = "thaw_service";

    public static final Set<String> ALL = Set.of(
            MERCHANT_ADMIN,
            MERCHANT_MEMBER,
            PARTNER_BANK,
            INSURER,
            STAFF_AGENT,
            STAFF_SUPERVISOR,
            COMPLIANCE_OFFICER,
            PLATFORM_ADMIN,
            SERVICE);

    /** Every role a person holds: all but {@link #SERVICE}. */
    public static final Set<String> USERS = Set.of(
            MERCHANT_ADMIN,
            MERCHANT_MEMBER,
            PARTNER_BANK,
            INSURER,
            STAFF_AGENT,
            STAFF_SUPERVISOR,
            COMPLIANCE_OFFICER,
            PLATFORM_ADMIN);

    private ThawRoles() {}

    public static Set<String> of(Collection<String> realmRoles) {
        return realmRoles.stream().filter(ALL::contains).collect(Collectors.toUnmodifiableSet());
    }
}
