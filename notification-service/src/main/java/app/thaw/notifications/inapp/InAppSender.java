package app.thaw.notifications.inapp;

import app.thaw.notifications.delivery.ChannelSender;
import app.thaw.notifications.delivery.OutgoingMessage;
import app.thaw.notifications.delivery.SendOutcome;
import app.thaw.notifications.recipients.Channel;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Delivers in-app messages into the recipient's inbox (and its live stream). */
@Component
class InAppSender implements ChannelSender {

    private final InboxService inbox;

    InAppSender(InboxService inbox) {
        this.inbox = inbox;
    }

    @Override
    public Channel channel() {
        return Channel.IN_APP;
    }

    @Override
    public Mono<SendOutcome> send(OutgoingMessage message) {
        return inbox.deliver(message)
                .map(item -> SendOutcome.success(
                        "inbox",
                        "stored in "
                                + (item.userId() == null ? "the tenant-wide inbox" : "the inbox of " + item.userId())));
    }
}
