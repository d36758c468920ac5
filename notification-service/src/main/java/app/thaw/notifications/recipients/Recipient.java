package app.thaw.notifications.recipients;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Someone a tenant's notifications reach: a client contact or a staff member, with the channels
 * they accept, their language, time zone and quiet hours.
 *
 * @param userId the Thaw user (token subject) whose in-app inbox this recipient reads, if any
 * @param roles  staff roles (e.g. {@code staff_supervisor}) that rules address by
 */
public record Recipient(
        RecipientId id,
        String tenantId,
        RecipientKind kind,
        String name,
        @Nullable String userId,
        Set<String> roles,
        @Nullable String email,
        @Nullable String phone,
        Set<Channel> channels,
        Language language,
        ZoneId timeZone,
        @Nullable QuietHours quietHours,
        long version) {

    public Recipient {
        roles = Set.copyOf(roles);
        channels = Set.copyOf(channels);
    }

    /** The tenant-wide in-app inbox, which stands in when a tenant has registered no client yet. */
    public static Recipient tenantInbox(String tenantId) {
        return tenantInbox(tenantId, Language.FALLBACK, ZoneId.of("UTC"));
    }

    /** The tenant-wide inbox, written to in the tenant's language and zone (its notification settings). */
    public static Recipient tenantInbox(String tenantId, Language language, ZoneId zone) {
        return inbox(RecipientId.TENANT_INBOX, tenantId, RecipientKind.CLIENT, "Tenant inbox", language, zone);
    }

    /**
     * A partner bank's tenant-wide inbox, where it hears of the cases of a merchant that linked it
     * (ADR 61); its id names the bank, so two banks of one merchant get a delivery each.
     */
    public static Recipient partnerInbox(String partnerTenantId, Language language, ZoneId zone) {
        return inbox(
                new RecipientId("partner-inbox:" + partnerTenantId),
                partnerTenantId,
                RecipientKind.STAFF,
                "Partner inbox",
                language,
                zone);
    }

    /** A tenant-wide in-app inbox: no person, no address, no quiet hours. */
    private static Recipient inbox(
            RecipientId id, String tenantId, RecipientKind kind, String name, Language language, ZoneId zone) {
        return new Recipient(
                id, tenantId, kind, name, null, Set.of(), null, null, Set.of(Channel.IN_APP), language, zone, null, 0);
    }

    /** Whether a message on {@code channel} can reach this recipient: accepted and with an address. */
    public boolean reachableBy(Channel channel) {
        if (!channels.contains(channel)) {
            return false;
        }
        return switch (channel) {
            case EMAIL -> email != null;
            case SMS -> phone != null;
            case IN_APP -> true;
            case WEBHOOK -> false;
        };
    }

    /** Where {@code channel} reaches this recipient: the e-mail address, phone number or inbox owner. */
    public @Nullable String address(Channel channel) {
        return switch (channel) {
            case EMAIL -> email;
            case SMS -> phone;
            case IN_APP -> userId;
            case WEBHOOK -> null;
        };
    }

    /**
     * When a message may go out: now, or the end of quiet hours for a non-urgent message on a
     * channel that interrupts. Urgent messages pass quiet hours.
     */
    public Optional<Instant> deferredUntil(Instant now, Channel channel, boolean urgent) {
        if (urgent || quietHours == null || !channel.interrupts()) {
            return Optional.empty();
        }
        return quietHours.endingAfter(now, timeZone);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
