package app.thaw.notifications.rules;

/** Whom a rule addresses, resolved against the tenant's recipients when an event arrives. */
public enum Audience {
    /** Every client contact of the tenant (the case's holder side); the tenant inbox when there is none. */
    CLIENT,
    /** The staff owner named by the event ({@code ownerUserId}, else everyone with {@code ownerRole}). */
    OWNER,
    /** Staff with the {@code staff_supervisor} role. */
    SUPERVISOR,
    /** Every staff recipient of the tenant. */
    STAFF
}
