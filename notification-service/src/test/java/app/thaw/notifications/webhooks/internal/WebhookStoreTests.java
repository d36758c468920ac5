package app.thaw.notifications.webhooks.internal;

import java.util.List;

import app.thaw.notifications.NotificationsTestBase;
import app.thaw.notifications.webhooks.WebhookEndpoint;
import app.thaw.notifications.webhooks.WebhookSecret;
import app.thaw.notifications.webhooks.WebhookService;
import app.thaw.platform.problem.NotFound;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.test.StepVerifier;

/** The tenant is in every query by id: another tenant's endpoint is not found, for the API or for sending. */
class WebhookStoreTests extends NotificationsTestBase {

    @Autowired
    WebhookService webhooks;

    @Test
    void anotherTenantsEndpointIsNotFoundById() {
        String theirs = newTenant();
        String id = "wh_" + theirs;
        mongo.insert(
                        new Document("_id", id)
                                .append("tenantId", theirs)
                                .append("url", "https://hooks.example.com/thaw")
                                .append("eventTypes", List.of())
                                .append(
                                        "secrets",
                                        List.of(new Document(
                                                WebhookStore.IN_CLEAR,
                                                WebhookSecret.generate().value())))
                                .append("enabled", true)
                                .append("version", 1L),
                        WebhookStore.COLLECTION)
                .block();
        String mine = newTenant();

        StepVerifier.create(webhooks.get(mine, id)).expectError(NotFound.class).verify();
        StepVerifier.create(webhooks.forSending(mine, id)).verifyComplete();
        StepVerifier.create(webhooks.remove(mine, id))
                .expectError(NotFound.class)
                .verify();
        StepVerifier.create(webhooks.disable(mine, id, "not mine"))
                .expectNext(false)
                .verifyComplete();
        StepVerifier.create(webhooks.get(theirs, id).map(WebhookEndpoint::enabled))
                .expectNext(true)
                .verifyComplete();
    }
}
