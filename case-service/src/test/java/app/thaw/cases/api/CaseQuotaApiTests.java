package app.thaw.cases.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import app.thaw.platform.plans.Quotas;
import app.thaw.platform.testing.ApiAnswers;
import app.thaw.platform.testing.PlanChanges;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** The plan's monthly quota on cases (ADR 62): 429 naming quota, limit and reset; the next month resets it. */
class CaseQuotaApiTests extends CaseApiTests {

    @Autowired
    Quotas quotas;

    void planChanged(String tenant, String plan, long sequence) {
        deliver(PlanChanges.changed(tenant, plan, sequence, clock.instant()).toCloudEvent());
    }

    long casesOf(String tenant) {
        return mongo.count(Query.query(Criteria.where("tenantId").is(tenant)), "cases")
                .block();
    }

    @Test
    void aPlanWithoutCasesRefusesTheFirstWith429NamingQuotaLimitAndResetAndStoresNothing() {
        String tenant = "q-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        planChanged(tenant, "INSURER", 1);

        ApiAnswers.quotaExceeded(
                        post("/api/v1/cases", token(tenant, "merchant_admin"), intake(RISK_NOTICE)), "cases", 0)
                .jsonPath("$.plan")
                .isEqualTo("INSURER")
                .jsonPath("$.resetsAt")
                .isEqualTo(
                        Quotas.resetsAt(java.time.YearMonth.from(clock.instant().atOffset(java.time.ZoneOffset.UTC)))
                                .toString());
        assertThat(casesOf(tenant)).isZero();

        // An older change arriving late does not undo the newer one; a newer one applies.
        planChanged(tenant, "THAW_ASSIST", 3);
        planChanged(tenant, "INSURER", 2);
        open(tenant, RISK_NOTICE);
        assertThat(casesOf(tenant)).isOne();
    }

    @Test
    void theLastCaseOfTheMonthOpensTheNextIs429AndTheFirstOfNextMonthOpensAgain() {
        String tenant = "q-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        Instant before = clock.instant();
        try {
            clock.set(Instant.parse("2025-09-30T20:00:00Z"));
            quotas.record(tenant, "cases", 199).block();

            open(tenant, RISK_NOTICE);
            post("/api/v1/cases", token(tenant, "merchant_admin"), intake(RISK_NOTICE))
                    .expectStatus()
                    .isEqualTo(429)
                    .expectBody()
                    .jsonPath("$.limit")
                    .isEqualTo(200)
                    .jsonPath("$.used")
                    .isEqualTo(200)
                    .jsonPath("$.resetsAt")
                    .isEqualTo("2025-10-01T00:00:00Z");
            getAs(tokens.token("thaw_service"), "/internal/usage/{tenant}?month=2025-09", tenant)
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.used.cases")
                    .isEqualTo(200)
                    .jsonPath("$.plan")
                    .isEqualTo("THAW_ASSIST");

            clock.advance(Duration.ofHours(4));
            open(tenant, RISK_NOTICE);
            getAs(tokens.token("thaw_service"), "/internal/usage/{tenant}", tenant)
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.month")
                    .isEqualTo("2025-10")
                    .jsonPath("$.used.cases")
                    .isEqualTo(1);
            // Only services read usage.
            getAs(token(tenant, "merchant_admin"), "/internal/usage/{tenant}", tenant)
                    .expectStatus()
                    .isForbidden();
        } finally {
            clock.set(before);
        }
    }
}
