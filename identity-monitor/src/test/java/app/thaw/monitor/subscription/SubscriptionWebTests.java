package app.thaw.monitor.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import app.thaw.monitor.MonitorWebTestBase;
import app.thaw.monitor.metering.UsageMeter;
import app.thaw.platform.testing.ApiAnswers;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

class SubscriptionWebTests extends MonitorWebTestBase {

    @Autowired
    UsageMeter meter;

    String admin() {
        return platformAdmin();
    }

    void changePlan(String tenant, String plan) {
        putPlan(admin(), tenant, plan)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.plan")
                .isEqualTo(plan);
    }

    @Test
    void aTenantReadsItsPlanQuotasAndThisMonthsUsage() {
        String tenant = newTenant();
        meter.add(tenant, UsageMeter.Counter.SIGNALS, 7).block();

        subscription(bank(tenant))
                .jsonPath("$.tenantId")
                .isEqualTo(tenant)
                .jsonPath("$.plan")
                .isEqualTo("THAW_ASSIST")
                .jsonPath("$.resetsAt")
                .exists()
                .jsonPath("$.quotas[?(@.item == 'signals')].limit")
                .isEqualTo(java.util.List.of(1_000_000))
                .jsonPath("$.quotas[?(@.item == 'signals')].used")
                .isEqualTo(java.util.List.of(7))
                .jsonPath("$.quotas[?(@.item == 'cases')].meteredBy")
                .isEqualTo(java.util.List.of("case-service"));
    }

    @Test
    void platformAdminsChangeATenantsPlanAuditedAndNoOneElseMay() {
        String tenant = newTenant();
        changePlan(tenant, "MONITOR");

        subscription(bank(tenant))
                .jsonPath("$.plan")
                .isEqualTo("MONITOR")
                .jsonPath("$.quotas[?(@.item == 'cases')].limit")
                .isEqualTo(java.util.List.of(0));
        Document audited = mongo.findOne(
                        Query.query(Criteria.where("action")
                                .is("subscription.plan_changed")
                                .and("objectId")
                                .is(tenant)),
                        Document.class,
                        "audit_log")
                .block();
        assertThat(audited.get("details", Document.class))
                .containsEntry("from", "THAW_ASSIST")
                .containsEntry("to", "MONITOR");

        putPlan(bank(tenant), tenant, "PARTNER_BANK").expectStatus().isForbidden();
        putPlan(admin(), tenant, "GOLD")
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("plan")
                .jsonPath("$.errors[0].rule")
                .isEqualTo("OneOf");
    }

    @Test
    void signalsPastTheMonthlyQuotaAre429NamingQuotaLimitAndReset() {
        String tenant = newTenant();
        changePlan(tenant, "MONITOR");
        meter.add(tenant, UsageMeter.Counter.SIGNALS, 99_999).block();
        Instant at = Instant.now().minusSeconds(60);

        post(tenant, signal("q-1", "LOGIN", at, "+8613800770077", Map.of("device", "d1")))
                .expectStatus()
                .isAccepted();
        ApiAnswers.quotaExceeded(
                        post(tenant, signal("q-2", "LOGIN", at, "+8613800770077", Map.of("device", "d1"))),
                        "signals",
                        100_000)
                .jsonPath("$.used")
                .isEqualTo(100_000)
                .jsonPath("$.resetsAt")
                .exists();
        assertThat(mongo.count(
                                Query.query(Criteria.where("tenantId")
                                        .is(tenant)
                                        .and("sourceSignalId")
                                        .is("q-2")),
                                "signals")
                        .block())
                .isZero();
    }

    @Test
    void anInsurerEnrolsItsPolicyholdersUnderItsOwnPlan() {
        String insurer = "insurer-demo";
        postJson(token(insurer, "insurer"), "/api/v1/monitor/subjects", person("+8613900112233"))
                .expectStatus()
                .isCreated();

        subscription(token(insurer, "insurer"))
                .jsonPath("$.plan")
                .isEqualTo("INSURER")
                .jsonPath("$.quotas[?(@.item == 'monitoredSubjects')].limit")
                .isEqualTo(java.util.List.of(50_000));
        postJson(token(insurer, "merchant_member"), "/api/v1/monitor/subjects", person("+8613900112234"))
                .expectStatus()
                .isForbidden();
    }

    /** A person to enrol, known by a phone number. */
    private static Map<String, Object> person(String phone) {
        return Map.of("type", "PERSON", "identifiers", java.util.List.of(Map.of("type", "PHONE", "value", phone)));
    }
}
