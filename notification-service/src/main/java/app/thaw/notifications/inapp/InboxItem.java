package app.thaw.notifications.inapp;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One in-app message. {@code userId} is whose inbox it is; absent for the tenant-wide inbox that
 * every user of the tenant sees (used when a tenant has registered no client recipient).
 */
public record InboxItem(
        String id,
        String tenantId,
        @Nullable String userId,
        String eventType,
        @Nullable String title,
        String body,
        Instant createdAt,
        @Nullable Instant readAt) {

    public boolean visibleTo(String tenant, String user) {
        return tenantId.equals(tenant) && (userId == null || userId.equals(user));
    }
}
