package app.thaw.notifications.recipients;

import java.util.UUID;

/** Identifies a recipient within its tenant. */
public record RecipientId(String value) {

    /** The stand-in recipient for a tenant with no client registered: the tenant-wide in-app inbox. */
    public static final RecipientId TENANT_INBOX = new RecipientId("tenant-inbox");

    public static RecipientId random() {
        return keyed(UUID.randomUUID());
    }

    /** The id named by a UUID, say one an Idempotency-Key derives (ADR 56). */
    public static RecipientId keyed(UUID uuid) {
        return new RecipientId("rcp_" + uuid.toString().replace("-", ""));
    }

    @Override
    public String toString() {
        return value;
    }
}
