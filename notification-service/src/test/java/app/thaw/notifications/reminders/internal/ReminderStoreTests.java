package app.thaw.notifications.reminders.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;

import app.thaw.notifications.NotificationsTestBase;
import app.thaw.notifications.reminders.ReminderService;
import app.thaw.platform.problem.NotFound;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.test.StepVerifier;

/** The tenant is in every query by id: another tenant's reminder is simply not there, and stays unacknowledged. */
class ReminderStoreTests extends NotificationsTestBase {

    @Autowired
    ReminderService reminders;

    @Test
    void anotherTenantsReminderIsNotFoundById() {
        String theirs = newTenant();
        String id = "rem_" + theirs;
        mongo.insert(
                        new Document("_id", id)
                                .append("tenantId", theirs)
                                .append("clockId", "clock-1")
                                .append("urgent", true)
                                .append("firedAt", new Date())
                                .append("acknowledgedAt", null),
                        ReminderStore.REMINDERS)
                .block();

        StepVerifier.create(reminders.acknowledge(newTenant(), id, "someone"))
                .expectError(NotFound.class)
                .verify();
        assertThat(mongo.findById(id, Document.class, ReminderStore.REMINDERS)
                        .block()
                        .get("acknowledgedAt"))
                .isNull();
    }
}
