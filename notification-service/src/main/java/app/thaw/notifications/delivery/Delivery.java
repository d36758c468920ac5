package app.thaw.notifications.delivery;

import java.time.Instant;

import app.thaw.notifications.recipients.Channel;
import app.thaw.notifications.recipients.RecipientKind;
import org.jspecify.annotations.Nullable;

/**
 * One delivery as the log shows it: an (event, recipient or endpoint, channel) triple, where it
 * stands and what its last attempt got back. {@code restricted}: it is about a restricted
 * (COMPLIANCE_HOLD) case.
 */
public record Delivery(
        String id,
        String tenantId,
        String eventId,
        String eventType,
        @Nullable String caseId,
        Channel channel,
        String target,
        RecipientKind recipientKind,
        DeliveryStatus status,
        int attempts,
        boolean urgent,
        boolean restricted,
        @Nullable String subject,
        @Nullable String text,
        @Nullable Instant createdAt,
        @Nullable Instant updatedAt,
        @Nullable Instant nextAttemptAt,
        @Nullable Instant deliveredAt,
        @Nullable String lastResponse) {}
