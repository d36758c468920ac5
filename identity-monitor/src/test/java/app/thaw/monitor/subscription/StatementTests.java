package app.thaw.monitor.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;

/**
 * Statements for billing and partners (ADR 63), reconciled against what was metered: signals posted
 * and screenings run through this service's API, cases and evidence as their services answer
 * {@code /internal/usage} (the stand-ins: 12 cases, 3 MiB), the plan in force at the month's end and
 * the catalogue's fees.
 */
class StatementTests extends AcrossServicesTestBase {

    static String admin() {
        return platformAdmin();
    }

    void setPlan(String tenant, String plan) {
        putPlan(admin(), tenant, plan).expectStatus().isOk();
    }

    void refer(String tenant, String partner) {
        putJson(admin(), "/api/v1/monitor/admin/subscriptions/{tenant}/referral", Map.of("referredBy", partner), tenant)
                .expectStatus()
                .isOk();
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> statementJson(String bearer, String query) {
        return getAs(bearer, "/api/v1/subscription/statement" + query)
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
    }

    String csv(String path, String bearer) {
        return web.get()
                .uri(path)
                .headers(h -> h.setBearerAuth(bearer))
                .accept(MediaType.parseMediaType("text/csv"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.parseMediaType("text/csv"))
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> line(Map<String, Object> statement, String item) {
        return ((List<Map<String, Object>>) statement.get("lines"))
                .stream()
                        .filter(line -> item.equals(line.get("item")))
                        .findFirst()
                        .orElseThrow();
    }

    @Test
    void aTenantsStatementReconcilesWithTheSignalsAndScreeningsItSentAndTheOtherServicesMeteredUse() {
        String tenant = newTenant();
        setPlan(tenant, "MONITOR");
        Instant at = Instant.now().minusSeconds(60);
        for (int n = 1; n <= 3; n++) {
            post(tenant, signal("st-" + n, "LOGIN", at, "+86138007700" + (10 + n), Map.of("device", "d" + n)))
                    .expectStatus()
                    .isAccepted();
        }
        for (int n = 1; n <= 2; n++) {
            postJson(bank(tenant), "/api/v1/monitor/screening/check", Map.of("name", "Someone " + n))
                    .expectStatus()
                    .isOk();
        }
        long signalsStored = signalCount(tenant);

        Map<String, Object> statement = statementJson(bank(tenant), "");
        assertThat(statement)
                .containsEntry("tenantId", tenant)
                .containsEntry("plan", "MONITOR")
                .containsEntry("currency", "CNY")
                .containsEntry("month", YearMonth.now(ZoneOffset.UTC).toString());
        assertThat(new BigDecimal(statement.get("fee").toString())).isEqualByComparingTo("999.00");
        assertThat(line(statement, "signals"))
                .containsEntry("used", (int) signalsStored)
                .containsEntry("limit", 100_000)
                .containsEntry("overLimit", 0);
        assertThat(signalsStored).isEqualTo(3);
        assertThat(line(statement, "screenings")).containsEntry("used", 2);
        // MONITOR includes no cases: the 12 case-service metered (an alert's cases are counted, not refused) are over
        // the limit.
        assertThat(line(statement, "cases"))
                .containsEntry("used", 12)
                .containsEntry("limit", 0)
                .containsEntry("overLimit", 12);
        assertThat(line(statement, "evidenceStorageMb"))
                .containsEntry("used", 3)
                .containsEntry("meteredBy", "evidence-service");
        assertThat(line(statement, "sms")).containsEntry("used", null);

        // The CSV says the same, line for line.
        String[] rows = csv("/api/v1/subscription/statement", bank(tenant)).split("\r\n");
        assertThat(rows[0]).isEqualTo("tenantId,month,line,item,quantity,limit,overLimit,amount,currency");
        assertThat(rows[1]).isEqualTo(tenant + "," + statement.get("month") + ",plan_fee,MONITOR,1,,,999.00,CNY");
        assertThat(rows)
                .contains(
                        tenant + "," + statement.get("month") + ",usage,signals,3,100000,0,,",
                        tenant + "," + statement.get("month") + ",usage,screenings,2,5000,0,,",
                        tenant + "," + statement.get("month") + ",usage,cases,12,0,12,,",
                        tenant + "," + statement.get("month") + ",usage,sms,,500,,,");
        assertThat(rows).hasSize(2 + MeteredItem.values().length);
    }

    @Test
    void aPastMonthsStatementBillsThePlanInForceAtItsEnd() {
        String tenant = newTenant();
        setPlan(tenant, "PARTNER_BANK");
        String lastMonth = YearMonth.now(ZoneOffset.UTC).minusMonths(1).toString();

        Map<String, Object> past = statementJson(admin(), "?tenantId=" + tenant + "&month=" + lastMonth);
        assertThat(past).containsEntry("plan", "THAW_ASSIST").containsEntry("month", lastMonth);
        assertThat(asked)
                .anyMatch(question -> question.path().equals("/internal/usage/" + tenant + "?month=" + lastMonth));
        assertThat(statementJson(admin(), "?tenantId=" + tenant)).containsEntry("plan", "PARTNER_BANK");
    }

    @Test
    void aPartnersStatementListsItsReferredSubscribersAndItsShareAtItsRate() {
        String partner = newTenant();
        String small = newTenant();
        String big = newTenant();
        String someoneElses = newTenant();
        setPlan(small, "MONITOR");
        setPlan(big, "PARTNER_BANK");
        refer(small, partner);
        refer(big, partner);
        refer(someoneElses, newTenant());
        putJson(
                        admin(),
                        "/api/v1/monitor/admin/partners/{partner}/share",
                        Map.of("shareRate", new BigDecimal("0.15")),
                        partner)
                .expectStatus()
                .isOk();

        Map<?, ?> statement = getAs(bank(partner), "/api/v1/subscription/partner-statement")
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> subscribers = (List<Map<String, Object>>) statement.get("subscribers");
        assertThat(subscribers)
                .extracting(subscriber -> (Object) subscriber.get("tenantId"))
                .containsExactlyInAnyOrder(small, big);
        assertThat(subscribers)
                .extracting(subscriber -> (Object) subscriber.get("plan"))
                .containsExactlyInAnyOrder("MONITOR", "PARTNER_BANK");
        // 999.00 + 29999.00 = 30998.00; 15 % of it is 4649.70.
        assertThat(new BigDecimal(statement.get("totalFees").toString())).isEqualByComparingTo("30998.00");
        assertThat(new BigDecimal(statement.get("share").toString())).isEqualByComparingTo("4649.70");
        assertThat(((Map<?, ?>) subscribers.getFirst().get("usage")).get("cases"))
                .isEqualTo(12);

        String[] rows = csv("/api/v1/subscription/partner-statement?format=csv", bank(partner))
                .split("\r\n");
        assertThat(rows).hasSize(1 + 2 + 2);
        assertThat(rows[3]).startsWith(partner + "," + statement.get("month") + ",total_fees,,,30998.00,CNY");
        assertThat(rows[4]).startsWith(partner + "," + statement.get("month") + ",share,,0.15,4649.70,CNY");
        assertThat(Arrays.stream(rows)
                        .filter(row -> row.contains(",subscriber," + big + ",PARTNER_BANK,29999.00,CNY,12,3,")))
                .hasSize(1);

        // Referral and rate changes are audited.
        assertThat(mongo.count(
                                Query.query(Criteria.where("action")
                                        .is("subscription.referral_set")
                                        .and("objectId")
                                        .is(big)),
                                "audit_log")
                        .block())
                .isOne();
        Document rate = mongo.findOne(
                        Query.query(Criteria.where("action")
                                .is("subscription.share_rate_set")
                                .and("objectId")
                                .is(partner)),
                        Document.class,
                        "audit_log")
                .block();
        assertThat(rate.get("details", Document.class))
                .containsEntry("from", "0")
                .containsEntry("to", "0.15");
    }

    @Test
    void statementsRefuseWhatTheyCannotAnswer() {
        String tenant = newTenant();
        String nextMonth = YearMonth.now(ZoneOffset.UTC).plusMonths(1).toString();
        getAs(bank(tenant), "/api/v1/subscription/statement?month=" + nextMonth)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("month")
                .jsonPath("$.errors[0].rule")
                .isEqualTo("PastOrPresent");
        getAs(bank(tenant), "/api/v1/subscription/statement?month=2026-13")
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].rule")
                .isEqualTo("Format");
        getAs(bank(tenant), "/api/v1/subscription/statement?format=xml")
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("format");
        // Another tenant's statement: platform admins only.
        getAs(bank(tenant), "/api/v1/subscription/statement?tenantId=" + newTenant())
                .expectStatus()
                .isForbidden();
        getAs(token(tenant, "merchant_member"), "/api/v1/subscription/partner-statement")
                .expectStatus()
                .isForbidden();
        putJson(
                        admin(),
                        "/api/v1/monitor/admin/partners/{partner}/share",
                        Map.of("shareRate", new BigDecimal("1.5")),
                        tenant)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("shareRate");
        putJson(admin(), "/api/v1/monitor/admin/subscriptions/{tenant}/referral", Map.of("referredBy", tenant), tenant)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].rule")
                .isEqualTo("NotOwnTenant");
        putJson(
                        bank(tenant),
                        "/api/v1/monitor/admin/subscriptions/{tenant}/referral",
                        Map.of("referredBy", newTenant()),
                        tenant)
                .expectStatus()
                .isForbidden();
    }
}
