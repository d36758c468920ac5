package app.thaw.notifications.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import app.thaw.notifications.NotificationsTestBase;
import app.thaw.platform.security.TenantIds;
import app.thaw.platform.testing.ApiAnswers;
import app.thaw.platform.testing.AuditEntries;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Thaw's staff work every tenant's cases, so they read every tenant's delivery log by naming the
 * tenant; each such read is audited. Another tenant's restricted (compliance()_HOLD) case stays hidden
 * from staff other than compliance officers and platform admins; merchants never reach another tenant.
 */
class StaffAcrossTenantsTests extends NotificationsTestBase {

    static String agent() {
        return token("thaw", "agent-1", "staff_agent");
    }

    static String compliance() {
        return token("thaw", "compliance-1", "compliance_officer");
    }

    void caseClosed(String tenant, String caseId, boolean restricted) {
        deliver(event(
                        tenant,
                        "thaw.case.closed",
                        caseId,
                        Map.of(
                                "caseId",
                                caseId,
                                "scenario",
                                "RISK_TXN",
                                "outcome",
                                "RESTORED",
                                "drill",
                                false,
                                "restricted",
                                restricted)))
                .expectStatus()
                .isOk();
    }

    List<?> items(String bearer, String tenantId) {
        return ApiAnswers.items(web.get()
                .uri(uri -> uri.path("/api/v1/notifications/deliveries")
                        .queryParam("tenantId", tenantId)
                        .build())
                .headers(h -> h.setBearerAuth(bearer))
                .exchange());
    }

    List<Document> audited(String action) {
        return AuditEntries.of(mongo, "thaw", action);
    }

    Document deliveryOf(String tenant, String caseId) {
        return mongo.findOne(
                        Query.query(Criteria.where("tenantId")
                                .is(tenant)
                                .and("caseId")
                                .is(caseId)),
                        Document.class,
                        "deliveries")
                .block();
    }

    @Test
    void staffReadAnotherTenantsDeliveryLogByNamingItAndEachReadIsAudited() {
        String merchant = newTenant();
        caseClosed(merchant, "case-s1", false);
        String id = deliveryOf(merchant, "case-s1").getString("_id");

        assertThat(items(agent(), merchant))
                .singleElement()
                .satisfies(item -> assertThat(((Map<?, ?>) item).get("id")).isEqualTo(id));
        assertThat(audited("notification.cross_tenant_list"))
                .anySatisfy(entry ->
                        assertThat(entry.get("details", Document.class)).containsEntry("tenantFilter", merchant));

        getAs(agent(), "/api/v1/notifications/deliveries/{id}?tenantId={tenant}", id, merchant)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.delivery.id")
                .isEqualTo(id);
        assertThat(audited("notification.cross_tenant_read"))
                .anySatisfy(entry -> assertThat(entry.getString("objectId")).isEqualTo(id));

        // Without naming it, staff read their own tenant's log, which does not hold the merchant's deliveries.
        getAs(agent(), "/api/v1/notifications/deliveries/{id}", id)
                .expectStatus()
                .isNotFound();
    }

    @Test
    void aMerchantNamingAnotherTenantFindsNothingThere() {
        String merchant = newTenant();
        caseClosed(merchant, "case-s2", false);
        String id = deliveryOf(merchant, "case-s2").getString("_id");
        String other = admin(newTenant());

        getAs(other, "/api/v1/notifications/deliveries?tenantId={tenant}", merchant)
                .expectStatus()
                .isNotFound();
        getAs(other, "/api/v1/notifications/deliveries/{id}?tenantId={tenant}", id, merchant)
                .expectStatus()
                .isNotFound();
        // Its own tenant, named or not, it reads as before.
        getAs(admin(merchant), "/api/v1/notifications/deliveries?tenantId={tenant}", merchant)
                .expectStatus()
                .isOk();
    }

    @Test
    void anotherTenantsRestrictedCaseIsHiddenFromStaffButComplianceSeesIt() {
        String bank = newTenant();
        caseClosed(bank, "case-open", false);
        caseClosed(bank, "case-held", true);
        String held = deliveryOf(bank, "case-held").getString("_id");

        assertThat(items(agent(), bank)).hasSize(1);
        getAs(agent(), "/api/v1/notifications/deliveries/{id}?tenantId={tenant}", held, bank)
                .expectStatus()
                .isNotFound();
        assertThat(audited("notification.restricted_access_refused"))
                .anySatisfy(entry -> assertThat(entry.getString("objectId")).isEqualTo(held));

        assertThat(items(compliance(), bank)).hasSize(2);
        getAs(compliance(), "/api/v1/notifications/deliveries/{id}?tenantId={tenant}", held, bank)
                .expectStatus()
                .isOk();
        // The tenant's own people see their log whole, as before.
        assertThat(items(admin(bank), bank)).hasSize(2);
    }

    @Test
    void staffNamingAMalformedTenantGet400NamingTenantIdAndNothingIsReadOrAudited() {
        String merchant = newTenant();
        caseClosed(merchant, "case-s4", false);
        String id = deliveryOf(merchant, "case-s4").getString("_id");
        // Just over and far over the length limit; characters a tenant id never has.
        Map<String, String> malformed = Map.of(
                "a".repeat(TenantIds.MAX_LENGTH + 1),
                "Size",
                "b".repeat(2000),
                "Size",
                merchant + "\u0007",
                "Pattern",
                merchant + "\r\n",
                "Pattern",
                "../" + merchant,
                "Pattern",
                " " + merchant,
                "Pattern");

        malformed.forEach((tenantId, rule) -> {
            for (String path : List.of(
                    "/api/v1/notifications/deliveries?tenantId={tenant}",
                    "/api/v1/notifications/deliveries/" + id + "?tenantId={tenant}",
                    "/api/v1/notifications/cases/case-s4/first-delivery?tenantId={tenant}")) {
                ApiAnswers.oneViolation(getAs(compliance(), path, tenantId), "tenantId", rule);
            }
        });

        assertThat(audited("notification.cross_tenant_list"))
                .extracting(entry -> entry.get("details", Document.class).getString("tenantFilter"))
                .doesNotContainAnyElementsOf(malformed.keySet());
        assertThat(audited("notification.cross_tenant_read"))
                .noneSatisfy(entry -> assertThat(entry.getString("objectId")).isEqualTo(id));
        // Named well, the same tenant's log answers as before.
        assertThat(items(compliance(), merchant))
                .singleElement()
                .satisfies(item -> assertThat(((Map<?, ?>) item).get("id")).isEqualTo(id));
    }

    @Test
    void anEmptyTenantIdNamesNoTenant() {
        String merchant = newTenant();
        caseClosed(merchant, "case-s5", false);

        assertThat(items(admin(merchant), "")).hasSize(1);
    }
}
