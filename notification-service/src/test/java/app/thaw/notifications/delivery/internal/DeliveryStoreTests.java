package app.thaw.notifications.delivery.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;

import app.thaw.notifications.NotificationsTestBase;
import app.thaw.notifications.delivery.Delivery;
import app.thaw.notifications.delivery.DeliveryStatus;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.test.StepVerifier;

/** The tenant is in every query by id: another tenant's delivery is not found, not claimed, and shows no attempts. */
class DeliveryStoreTests extends NotificationsTestBase {

    @Autowired
    DeliveryStore store;

    @Autowired
    FirstDeliveries firsts;

    @Test
    void anotherTenantsDeliveryIsNotFoundByIdNorClaimed() {
        String theirs = newTenant();
        String id = "evt-" + theirs + "|endpoint-1|WEBHOOK";
        Date now = new Date();
        // DEFERRED: stored, waiting for its timer (nothing attempts it meanwhile).
        store.create(new Document("_id", id)
                        .append("tenantId", theirs)
                        .append("eventId", "evt-" + theirs)
                        .append("eventType", "thaw.case.opened")
                        .append("caseId", "case-1")
                        .append("channel", "WEBHOOK")
                        .append("target", "endpoint-1")
                        .append("recipientKind", "CLIENT")
                        .append("status", DeliveryStatus.DEFERRED.name())
                        .append("attempts", 0)
                        .append("createdAt", now)
                        .append("updatedAt", now))
                .block();
        String mine = newTenant();

        StepVerifier.create(store.find(mine, id)).verifyComplete();
        StepVerifier.create(store.attempts(mine, id)).verifyComplete();
        StepVerifier.create(store.latestTo(mine, "endpoint-1")).verifyComplete();
        StepVerifier.create(store.claim(mine, id)).verifyComplete();
        StepVerifier.create(store.reopen(mine, id)).verifyComplete();
        StepVerifier.create(firsts.of(mine, "case-1")).verifyComplete();

        assertThat(store.find(theirs, id).map(Delivery::status).block()).isEqualTo(DeliveryStatus.DEFERRED);
    }
}
