package app.thaw.notifications.webhooks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import app.thaw.notifications.NotificationsTestBase;
import app.thaw.notifications.delivery.DeliveryId;
import app.thaw.notifications.delivery.OutgoingMessage;
import app.thaw.notifications.delivery.SendOutcome;
import app.thaw.notifications.recipients.Channel;
import app.thaw.notifications.webhooks.AddressGuard;
import app.thaw.notifications.webhooks.WebhookProperties;
import app.thaw.notifications.webhooks.WebhookService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The sender's HTTP client judges the addresses it actually connects to, after its own name
 * resolution — not only the URL checked a moment before. Shown with two guards: the service's,
 * which allows the test receiver's 127.0.0.1 when the URL is checked (as a name whose answer was
 * public then), and the client's, which allows nothing (as the same name answering a loopback
 * address by the time the client connects): the send is refused and nothing reaches the receiver.
 */
class WebhookSenderPinsAddressesTests extends NotificationsTestBase {

    @Autowired
    WebClient.Builder builder;

    @Autowired
    ReactorResourceFactory resources;

    @Autowired
    WebhookService webhooks;

    @Autowired
    WebhookProperties properties;

    @Autowired
    Clock clock;

    SendOutcome send(WebhookSender sender, String tenant, String endpointId) {
        return sender.send(new OutgoingMessage(
                        new DeliveryId("pin-" + UUID.randomUUID() + "|" + endpointId + "|WEBHOOK"),
                        tenant,
                        Channel.WEBHOOK,
                        endpointId,
                        endpointId,
                        "pin",
                        null,
                        "{\"type\":\"thaw.case.closed\"}",
                        "thaw.case.closed",
                        1))
                .block();
    }

    @Test
    void aHostThatResolvesToAPrivateAddressWhenTheClientConnectsIsRefusedThere() {
        String tenant = newTenant();
        String path = "/pinned-" + tenant;
        Map<?, ?> answer = postJson(
                        admin(tenant),
                        "/api/v1/notifications/webhooks",
                        Map.of("url", receiver.url(path), "eventTypes", List.of("thaw.case.*")))
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        String endpointId = (String) ((Map<?, ?>) answer.get("endpoint")).get("id");

        WebhookSender pinned =
                new WebhookSender(builder, resources, new AddressGuard(Set.of()), webhooks, properties, clock);
        SendOutcome refused = send(pinned, tenant, endpointId);
        assertThat(refused.succeeded()).isFalse();
        assertThat(refused.response())
                .contains("The webhook URL is refused", "resolved, when connecting, to a private");
        assertThat(receiver.received(path)).isEmpty();

        WebhookSender allowing = new WebhookSender(
                builder, resources, new AddressGuard(Set.of("127.0.0.1")), webhooks, properties, clock);
        assertThat(send(allowing, tenant, endpointId).succeeded()).isTrue();
        assertThat(receiver.received(path)).hasSize(1);
    }
}
