package app.thaw.monitor.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import app.thaw.monitor.metering.UsageMeter;
import app.thaw.platform.testing.ApiAnswers;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * {@code /api/v1/subscription} answers this month's use across the four services (ADR 62): the
 * other three answer {@code GET /internal/usage/{tenant}} (here real HTTP servers standing in for
 * them, which see the service token); one that does not answer leaves its items' use null. A plan
 * change is published as {@code thaw.subscription.changed} for the services that enforce it.
 */
class SubscriptionAcrossServicesTests extends AcrossServicesTestBase {

    @Autowired
    UsageMeter meter;

    @Test
    void theSubscriptionAnswersUseAcrossTheServicesAndNullWhereOneIsDown() {
        String tenant = newTenant();
        meter.add(tenant, UsageMeter.Counter.SIGNALS, 5).block();

        subscription(bank(tenant))
                .jsonPath("$.quotas[?(@.item == 'cases')].used")
                .isEqualTo(List.of(12))
                .jsonPath("$.quotas[?(@.item == 'cases')].limit")
                .isEqualTo(List.of(200))
                .jsonPath("$.quotas[?(@.item == 'evidenceStorageMb')].used")
                .isEqualTo(List.of(3))
                .jsonPath("$.quotas[?(@.item == 'signals')].used")
                .isEqualTo(List.of(5))
                .jsonPath("$.quotas[?(@.item == 'sms')].used")
                .isEqualTo(java.util.Collections.singletonList(null))
                .jsonPath("$.quotas[?(@.item == 'webhookEndpoints')].used")
                .isEqualTo(java.util.Collections.singletonList(null));

        assertThat(asked)
                .filteredOn(question -> question.path().startsWith("/internal/usage/" + tenant + "?month="))
                .extracting(AcrossServicesTestBase.Asked::service)
                .containsExactlyInAnyOrder("case-service", "evidence-service");
        assertThat(asked)
                .allSatisfy(question -> assertThat(question.authorization()).startsWith("Bearer "));
    }

    @Test
    void aPlanChangeIsPublishedForTheServicesThatEnforceItWithAGrowingSequence() {
        String tenant = newTenant();
        for (String plan : List.of("MONITOR", "PARTNER_BANK")) {
            putPlan(platformAdmin(), tenant, plan).expectStatus().isOk();
        }

        List<Document> published = mongo.find(
                        Query.query(Criteria.where("event.type")
                                .is("thaw.subscription.changed")
                                .and("event.tenantId")
                                .is(tenant)),
                        Document.class,
                        "outbox")
                .collectList()
                .block();
        assertThat(published)
                .extracting(entry -> entry.getString("subscriber"))
                .containsOnly("case-service", "evidence-service", "notification-service");
        assertThat(published)
                .filteredOn(entry -> "case-service".equals(entry.getString("subscriber")))
                .extracting(entry -> entry.get("event", Document.class).get("data", Document.class))
                .extracting(data -> data.getString("plan") + "@" + data.get("sequence"))
                .containsExactlyInAnyOrder("MONITOR@1", "PARTNER_BANK@2");
    }

    @Test
    void aScreeningOnRequestPastTheMonthlyQuotaIs429NamingTheQuota() {
        String tenant = newTenant();
        putPlan(platformAdmin(), tenant, "MONITOR").expectStatus().isOk();
        meter.add(tenant, UsageMeter.Counter.SCREENINGS, 4_999).block();

        postJson(bank(tenant), "/api/v1/monitor/screening/check", Map.of("name", "Li Wei"))
                .expectStatus()
                .isOk();
        ApiAnswers.quotaExceeded(
                        postJson(bank(tenant), "/api/v1/monitor/screening/check", Map.of("name", "Li Wei")),
                        "screenings",
                        5_000)
                .jsonPath("$.used")
                .isEqualTo(5_000)
                .jsonPath("$.plan")
                .isEqualTo("MONITOR")
                .jsonPath("$.resetsAt")
                .exists();
    }
}
