package app.thaw.notifications.mailbox;

import java.util.List;

import app.thaw.notifications.delivery.OutgoingMessage;
import app.thaw.platform.store.CursorPage;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * The development mailbox: with no SMTP server or SMS provider configured (the {@code ./thaw up}
 * default), e-mails and SMS are kept here instead of sent, one entry per delivery, and shown
 * through the API so a developer sees exactly what would have gone out.
 */
public interface MailboxService {

    /** A captured message as the API shows it. */
    record Captured(
            String id,
            String channel,
            @Nullable String to,
            @Nullable String subject,
            String text,
            @Nullable String html,
            String eventType,
            String capturedAt) {}

    /** Keeps the message instead of sending it; its id (the delivery's). A retried attempt finds it kept. */
    Mono<String> capture(OutgoingMessage message);

    /** The newest captured messages first, at most {@code limit}. */
    Mono<List<Captured>> newest(String tenantId, int limit);

    Mono<CursorPage<Captured>> list(String tenantId, CursorPage.Request page);
}
