package app.thaw.notifications.quota;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import app.thaw.notifications.NotificationsTestBase;
import app.thaw.platform.testing.PlanChanges;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The plan quotas notification-service enforces (ADR 62): webhook endpoints registered in a month
 * (429 {@code quota_exceeded}, reset on the 1st) and text messages sent (past the quota the delivery
 * fails unsent); the plan arrives as identity-monitor's {@code thaw.subscription.changed}.
 */
class NotificationQuotaTests extends NotificationsTestBase {

    /** The first requests of a cold context on a busy machine may take longer than the client's default 5 s. */
    @org.junit.jupiter.api.BeforeEach
    void patientClient() {
        web = web.mutate().responseTimeout(java.time.Duration.ofSeconds(60)).build();
    }

    void planChanged(String tenant, String plan, long sequence) {
        deliver(PlanChanges.changed(tenant, plan, sequence, clock.instant()))
                .expectStatus()
                .isOk();
    }

    WebTestClient.ResponseSpec registerEndpoint(String tenant, int n) {
        return web.mutate()
                .responseTimeout(Duration.ofSeconds(60))
                .build()
                .post()
                .uri("/api/v1/notifications/webhooks")
                .headers(h -> h.setBearerAuth(admin(tenant)))
                .bodyValue(
                        Map.of("url", receiver.url("/hooks/" + tenant + "/" + n), "eventTypes", List.of("thaw.case.*")))
                .exchange();
    }

    @Test
    void theSixthEndpointOfAMonitorPlanInAMonthIs429AndTheNextMonthTakesItAgain() {
        String tenant = newTenant();
        clock.set(Instant.parse("2030-01-31T22:00:00Z"));
        planChanged(tenant, "MONITOR", 1);
        for (int n = 1; n <= 5; n++) {
            registerEndpoint(tenant, n).expectStatus().isCreated();
        }

        registerEndpoint(tenant, 6)
                .expectStatus()
                .isEqualTo(429)
                .expectHeader()
                .valueEquals("Retry-After", "7200")
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("quota_exceeded")
                .jsonPath("$.type")
                .isEqualTo("urn:thaw:problem:quota_exceeded")
                .jsonPath("$.quota")
                .isEqualTo("webhookEndpoints")
                .jsonPath("$.limit")
                .isEqualTo(5)
                .jsonPath("$.used")
                .isEqualTo(5)
                .jsonPath("$.plan")
                .isEqualTo("MONITOR")
                .jsonPath("$.resetsAt")
                .isEqualTo("2030-02-01T00:00:00Z");
        assertThat(mongo.count(Query.query(Criteria.where("tenantId").is(tenant)), "webhook_endpoints")
                        .block())
                .isEqualTo(5);

        clock.advance(Duration.ofHours(2));
        registerEndpoint(tenant, 6).expectStatus().isCreated();
        getAs(
                        tokens.token(List.of("thaw_service"), claims -> claims.claim("tenant_id", "thaw")),
                        "/internal/usage/{tenant}?month=2030-01",
                        tenant)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.used.webhookEndpoints")
                .isEqualTo(5)
                .jsonPath("$.plan")
                .isEqualTo("MONITOR");
    }

    @Test
    void aTextMessagePastThePlansQuotaFailsUnsentAndSaysWhy() {
        String tenant = newTenant();
        planChanged(tenant, "INSURER", 1);
        String phone = "+861370000" + (int) (Math.random() * 9000 + 1000);
        registerClient(tenant, "name", "Phone Only", "phone", phone, "channels", List.of("SMS"));

        identityMisuseAlert(tenant, "alert-q");

        Document sms = mongo.findOne(
                        Query.query(Criteria.where("tenantId")
                                .is(tenant)
                                .and("channel")
                                .is("SMS")),
                        Document.class,
                        "deliveries")
                .block();
        assertThat(sms.getString("status")).isEqualTo("FAILED");
        assertThat(sms.getString("lastResponse")).contains("quota_exceeded").contains("sms");
        assertThat(smsPrimary.received("/messages"))
                .noneMatch(request -> request.body().contains(phone));
        assertThat(smsSecondary.received("/messages"))
                .noneMatch(request -> request.body().contains(phone));
    }

    @Test
    void withinTheQuotaATextMessageGoesAndIsCounted() {
        String tenant = newTenant();
        String phone = "+861360000" + (int) (Math.random() * 9000 + 1000);
        registerClient(tenant, "name", "Phone Only", "phone", phone, "channels", List.of("SMS"));

        identityMisuseAlert(tenant, "alert-c");

        assertThat(smsPrimary.received("/messages"))
                .anyMatch(request -> request.body().contains(phone));
        getAs(
                        tokens.token(List.of("thaw_service"), claims -> claims.claim("tenant_id", "thaw")),
                        "/internal/usage/{tenant}",
                        tenant)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.used.sms")
                .isEqualTo(1);
    }
}
