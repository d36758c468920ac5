package app.thaw.notifications.recipients.internal;

import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import app.thaw.notifications.NotificationsTestBase;
import app.thaw.notifications.recipients.Channel;
import app.thaw.notifications.recipients.Language;
import app.thaw.notifications.recipients.Recipient;
import app.thaw.notifications.recipients.RecipientId;
import app.thaw.notifications.recipients.RecipientKind;
import app.thaw.notifications.recipients.RecipientService;
import app.thaw.platform.problem.NotFound;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.test.StepVerifier;

/** The tenant is in every query by id: another tenant's recipient is simply not there. */
class RecipientStoreTests extends NotificationsTestBase {

    @Autowired
    RecipientService recipients;

    Recipient storedIn(String tenant) {
        Recipient recipient = new Recipient(
                RecipientId.random(),
                tenant,
                RecipientKind.CLIENT,
                "Wei",
                null,
                Set.of(),
                "wei@example.com",
                null,
                Set.of(Channel.EMAIL),
                Language.FALLBACK,
                ZoneId.of("UTC"),
                null,
                1);
        mongo.insert(RecipientDocuments.toDocument(recipient), RecipientDocuments.COLLECTION)
                .block();
        return recipient;
    }

    @Test
    void anotherTenantsRecipientIsNotFoundById() {
        Recipient theirs = storedIn(newTenant());
        String mine = newTenant();

        StepVerifier.create(recipients.get(mine, theirs.id()))
                .expectError(NotFound.class)
                .verify();
        StepVerifier.create(recipients.byIds(mine, List.of(theirs.id().value())))
                .verifyComplete();
        StepVerifier.create(recipients.remove(mine, theirs.id()))
                .expectError(NotFound.class)
                .verify();
        // Its own tenant finds it, and it is still there.
        StepVerifier.create(recipients.get(theirs.tenantId(), theirs.id()).map(Recipient::name))
                .expectNext("Wei")
                .verifyComplete();
    }
}
