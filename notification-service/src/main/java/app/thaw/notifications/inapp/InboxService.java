package app.thaw.notifications.inapp;

import app.thaw.notifications.delivery.OutgoingMessage;
import app.thaw.platform.store.CursorPage;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Per-user inboxes and their live stream. An item's id is its delivery's id, so a retried
 * delivery stores it once. The stream carries items delivered by this instance; a dashboard that
 * reconnects reads the inbox to catch up.
 */
public interface InboxService {

    /** Stores the message as an item of the user's inbox (the tenant-wide one without a user) and streams it. */
    Mono<InboxItem> deliver(OutgoingMessage message);

    /** The caller's items and the tenant-wide ones, by page. */
    Mono<CursorPage<InboxItem>> list(String tenantId, String userId, CursorPage.Request page);

    /** Marks one of the caller's (or the tenant-wide) items read; 404 for any other. */
    Mono<InboxItem> markRead(String tenantId, String userId, String id);

    /** Items delivered from now on to this user (or tenant-wide), as they arrive. */
    Flux<InboxItem> stream(String tenantId, String userId);
}
