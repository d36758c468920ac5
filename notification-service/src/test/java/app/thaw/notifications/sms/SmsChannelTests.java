package app.thaw.notifications.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import app.thaw.notifications.HttpStub;
import app.thaw.notifications.NotificationsTestBase;
import app.thaw.notifications.delivery.DeliveryId;
import app.thaw.notifications.delivery.OutgoingMessage;
import app.thaw.notifications.mailbox.MailboxService;
import app.thaw.notifications.recipients.Channel;
import app.thaw.notifications.templates.RenderedMessage;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import reactor.test.StepVerifier;

/** SMS through two providers' HTTP APIs (real HTTP stubs), with failover from the first to the second. */
class SmsChannelTests extends NotificationsTestBase {

    @Autowired
    MailboxService mailbox;

    String clientWithPhone(String tenant, String phone) {
        return registerClient(tenant, "name", "Phone Only", "phone", phone, "channels", List.of("SMS"));
    }

    Document smsDelivery(String tenant) {
        return mongo.findOne(
                        Query.query(Criteria.where("tenantId")
                                .is(tenant)
                                .and("channel")
                                .is("SMS")),
                        Document.class,
                        "deliveries")
                .block();
    }

    void alert(String tenant) {
        identityMisuseAlert(tenant, "alert-1");
    }

    @Test
    void anSmsGoesThroughThePrimaryProviderWithItsKey() {
        String tenant = newTenant();
        String phone = "+861390000" + (int) (Math.random() * 9000 + 1000);
        clientWithPhone(tenant, phone);

        alert(tenant);

        HttpStub.Received sent = smsPrimary.received("/messages").stream()
                .filter(r -> r.body().contains(phone))
                .findFirst()
                .orElseThrow();
        assertThat(sent.header("authorization")).isEqualTo("Bearer primary-key");
        assertThat(sent.body()).contains("Thaw alert (high): identity misuse for Z** W**");
        assertThat(smsSecondary.received("/messages")).noneMatch(r -> r.body().contains(phone));
        assertThat(smsDelivery(tenant).getString("status")).isEqualTo("DELIVERED");
    }

    @Test
    void whenThePrimaryProviderFailsTheSecondCarriesTheMessage() {
        String tenant = newTenant();
        String phone = "+861380000" + (int) (Math.random() * 9000 + 1000);
        clientWithPhone(tenant, phone);
        smsPrimary.script("/messages", HttpStub.Answer.status(503));

        alert(tenant);

        assertThat(smsSecondary.received("/messages")).anyMatch(r -> r.body().contains(phone));
        Document delivery = smsDelivery(tenant);
        assertThat(delivery.getString("status")).isEqualTo("DELIVERED");
        getAs(admin(tenant), "/api/v1/notifications/deliveries/{id}", delivery.getString("_id"))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.attempts[0].provider")
                .isEqualTo("secondary")
                .jsonPath("$.attempts[0].response")
                .value(response ->
                        assertThat((String) response).contains("primary").contains("HTTP 503"));
    }

    @Test
    void whenEveryProviderFailsTheDeliveryIsRetriedLater() {
        String tenant = newTenant();
        clientWithPhone(tenant, "+8613700001111");
        smsPrimary.script("/messages", HttpStub.Answer.status(500));
        smsSecondary.script("/messages", HttpStub.Answer.status(502));

        alert(tenant);

        Document delivery = smsDelivery(tenant);
        assertThat(delivery.getString("status")).isEqualTo("RETRYING");
        assertThat(delivery.getString("lastResponse")).contains("every provider failed");
    }

    @Test
    void withNoProviderConfiguredAnSmsIsCapturedInTheDevelopmentMailbox() {
        String tenant = newTenant();
        SmsSender withoutProviders = new SmsSender(List.of(), mailbox);
        OutgoingMessage message = new OutgoingMessage(
                new DeliveryId("ev|rcp|SMS-" + tenant),
                tenant,
                Channel.SMS,
                "+8613800000000",
                "rcp",
                "Dev",
                new RenderedMessage(null, "Your code", null),
                null,
                "thaw.alert.raised",
                1);

        StepVerifier.create(withoutProviders.send(message))
                .assertNext(outcome -> assertThat(outcome.provider()).isEqualTo("mailbox"))
                .verifyComplete();
        getAs(admin(tenant), "/api/v1/notifications/mailbox")
                .expectBody()
                .jsonPath("$.items[0].channel")
                .isEqualTo("SMS")
                .jsonPath("$.items[0].text")
                .isEqualTo("Your code");
    }
}
