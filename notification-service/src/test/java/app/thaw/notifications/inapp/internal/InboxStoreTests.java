package app.thaw.notifications.inapp.internal;

import app.thaw.notifications.NotificationsTestBase;
import app.thaw.notifications.delivery.DeliveryId;
import app.thaw.notifications.delivery.OutgoingMessage;
import app.thaw.notifications.inapp.InboxItem;
import app.thaw.notifications.inapp.InboxService;
import app.thaw.notifications.recipients.Channel;
import app.thaw.notifications.templates.RenderedMessage;
import app.thaw.platform.problem.NotFound;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.test.StepVerifier;

/** The tenant is in every query by id: another tenant's inbox item is simply not there, even for the same user id. */
class InboxStoreTests extends NotificationsTestBase {

    @Autowired
    InboxService inbox;

    @Test
    void anotherTenantsItemIsNotFoundById() {
        String theirs = newTenant();
        InboxItem item = inbox.deliver(new OutgoingMessage(
                        new DeliveryId("evt-" + theirs + "|user-1|IN_APP"),
                        theirs,
                        Channel.IN_APP,
                        "user-1",
                        "user-1",
                        "Wei",
                        new RenderedMessage(null, "Your case was opened", null),
                        null,
                        "thaw.case.opened",
                        1))
                .block();

        StepVerifier.create(inbox.markRead(newTenant(), "user-1", item.id()))
                .expectError(NotFound.class)
                .verify();
        StepVerifier.create(inbox.markRead(theirs, "user-1", item.id()).map(read -> read.readAt() != null))
                .expectNext(true)
                .verifyComplete();
    }
}
