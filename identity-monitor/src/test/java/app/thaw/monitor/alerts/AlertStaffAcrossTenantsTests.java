package app.thaw.monitor.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import app.thaw.monitor.MonitorWebTestBase;
import app.thaw.platform.security.TenantIds;
import app.thaw.platform.testing.ApiAnswers;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Thaw's staff triage every tenant's alerts by naming the tenant ({@code tenantId}); each such list,
 * read and move is audited in both tenants. A partner bank the tenant linked reads them, and moves none. Anyone else naming another tenant finds
 * nothing there (404) and changes nothing; naming no tenant, or one's own, works as before.
 */
class AlertStaffAcrossTenantsTests extends MonitorWebTestBase {

    static final String STAFF_TENANT = "thaw";

    static String agent() {
        return token(STAFF_TENANT, "staff_agent");
    }

    static String compliance() {
        return token(STAFF_TENANT, "compliance_officer");
    }

    /** A NEW identity-misuse alert (a second device) in {@code tenant}; answers its id. */
    String alertIn(String tenant, String phone) {
        enrol(tenant, Map.of("PHONE", phone));
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        post(tenant, signal(tenant + "-1", "LOGIN", now.minusSeconds(900), phone, Map.of("device", "d1")))
                .expectStatus()
                .isAccepted();
        post(tenant, signal(tenant + "-2", "LOGIN", now.minusSeconds(600), phone, Map.of("device", "d2")))
                .expectStatus()
                .isAccepted();
        Document alert = alerts(tenant).getFirst();
        assertThat(alert.getString("state")).isEqualTo("NEW");
        return alert.getString("_id");
    }

    List<?> items(String bearer, String tenantId) {
        return ApiAnswers.items(web.get()
                .uri(uri -> uri.path("/api/v1/monitor/alerts")
                        .queryParam("tenantId", tenantId)
                        .build())
                .headers(h -> h.setBearerAuth(bearer))
                .exchange());
    }

    List<?> ownItems(String bearer) {
        return ApiAnswers.items(getAs(bearer, "/api/v1/monitor/alerts"));
    }

    WebTestClient.ResponseSpec move(String bearer, String id, String move, String tenantId, long version) {
        return web.post()
                .uri(uri -> {
                    uri.path("/api/v1/monitor/alerts/{id}/{move}");
                    if (tenantId != null) {
                        uri.queryParam("tenantId", tenantId);
                    }
                    return uri.build(id, move);
                })
                .headers(h -> h.setBearerAuth(bearer))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("version", version))
                .exchange();
    }

    Document alert(String tenant, String id) {
        return alerts(tenant).stream()
                .filter(a -> a.getString("_id").equals(id))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void staffListAndReadAnotherTenantsAlertsByNamingItAndEachAccessIsAudited() {
        String bank = newTenant();
        String id = alertIn(bank, "+8613600000001");

        assertThat(items(agent(), bank))
                .singleElement()
                .satisfies(item -> assertThat(((Map<?, ?>) item).get("id")).isEqualTo(id));
        assertThat(audited(STAFF_TENANT, "monitor.cross_tenant_list"))
                .filteredOn(entry ->
                        bank.equals(entry.get("details", Document.class).getString("tenantFilter")))
                .singleElement()
                .satisfies(entry -> {
                    assertThat(entry.getString("objectType")).isEqualTo("alert");
                    assertThat(entry.get("actor", Document.class).getList("roles", String.class))
                            .contains("staff_agent");
                });

        getAs(agent(), "/api/v1/monitor/alerts/{id}?tenantId={tenant}", id, bank)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.id")
                .isEqualTo(id)
                .jsonPath("$.state")
                .isEqualTo("NEW");
        assertThat(audited(STAFF_TENANT, "monitor.cross_tenant_read"))
                .filteredOn(entry -> id.equals(entry.getString("objectId")))
                .singleElement()
                .satisfies(entry -> assertThat(entry.get("details", Document.class))
                        .containsEntry("alertId", id)
                        .containsEntry("alertTenant", bank));

        // Without naming it, staff work in their own tenant, which does not hold the bank's alert; nothing more is
        // audited.
        getAs(agent(), "/api/v1/monitor/alerts/{id}", id).expectStatus().isNotFound();
        assertThat(ownItems(agent()))
                .noneSatisfy(item -> assertThat(((Map<?, ?>) item).get("id")).isEqualTo(id));
        assertThat(audited(STAFF_TENANT, "monitor.cross_tenant_list"))
                .filteredOn(entry ->
                        bank.equals(entry.get("details", Document.class).getString("tenantFilter")))
                .hasSize(1);
        assertThat(audited(STAFF_TENANT, "monitor.cross_tenant_read"))
                .filteredOn(entry -> id.equals(entry.getString("objectId")))
                .hasSize(1);
    }

    @Test
    void staffAcknowledgeAndEscalateAnotherTenantsAlertInItsTenantAndTheEventIsTheTenants() {
        String bank = newTenant();
        String id = alertIn(bank, "+8613600000002");

        expectMoved(move(agent(), id, "acknowledge", bank, 1), "ACKNOWLEDGED", 2);
        assertThat(alert(bank, id).getString("state")).isEqualTo("ACKNOWLEDGED");
        assertThat(audited(STAFF_TENANT, "monitor.cross_tenant_write"))
                .filteredOn(entry -> id.equals(entry.getString("objectId")))
                .singleElement()
                .satisfies(entry -> assertThat(entry.get("details", Document.class))
                        .containsEntry("alertId", id)
                        .containsEntry("alertTenant", bank));
        assertThat(audited(STAFF_TENANT, "monitor.alert.acknowledged"))
                .filteredOn(entry -> id.equals(entry.getString("objectId")))
                .singleElement()
                .satisfies(entry ->
                        assertThat(entry.get("details", Document.class)).containsEntry("alertTenant", bank));

        move(agent(), id, "escalate", bank, 2)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.state")
                .isEqualTo("ESCALATED");
        assertThat(alert(bank, id).getString("state")).isEqualTo("ESCALATED");
        // The announcement is the bank's, not the staff member's tenant's.
        assertThat(outbox(bank))
                .anySatisfy(
                        entry -> assertThat(entry.get("event", Document.class).getString("subject"))
                                .isEqualTo(id));
        assertThat(outbox(STAFF_TENANT))
                .noneSatisfy(
                        entry -> assertThat(entry.get("event", Document.class).getString("subject"))
                                .isEqualTo(id));
    }

    @Test
    void theRoleRulesStillApplyAcrossTenants() {
        String bank = newTenant();
        enrol(bank, Map.of("NAME_LATIN", "Lei Zhang"));
        Document hit = alerts(bank).getFirst();
        assertThat(hit.getString("kind")).isEqualTo("SANCTIONS_HIT");
        String id = hit.getString("_id");

        // Dismissing a sanctions hit is for compliance officers, in any tenant; a reader only reads.
        move(agent(), id, "dismiss", bank, 1).expectStatus().isForbidden();
        move(token(STAFF_TENANT, "insurer"), id, "acknowledge", bank, 1)
                .expectStatus()
                .isForbidden();
        assertThat(alert(bank, id).getString("state")).isEqualTo("NEW");

        move(compliance(), id, "dismiss", bank, 1)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.state")
                .isEqualTo("DISMISSED");
        assertThat(alert(bank, id).getString("state")).isEqualTo("DISMISSED");
        // The name is cleared in the bank's allow-list: screening the subject again raises nothing.
        postAs(bank(bank), "/api/v1/monitor/subjects/" + hit.getString("subjectId") + "/screen")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.newAlerts")
                .isEqualTo(0);
    }

    @Autowired
    app.thaw.platform.tenancy.PartnerLinks partnerLinks;

    /** The platform's TenantAccess decides the reach: a partner bank the merchant linked reads its alerts, and works none. */
    @Test
    void aLinkedPartnerBankReadsTheMerchantsAlertsAuditedOnBothSidesButCannotMoveThem() {
        String merchant = newTenant();
        String id = alertIn(merchant, "+8613600000009");
        String partner = newTenant();
        partnerLinks.change(merchant, partner, true, "test", "/test", null).block();

        assertThat(items(bank(partner), merchant))
                .singleElement()
                .satisfies(item -> assertThat(((Map<?, ?>) item).get("id")).isEqualTo(id));
        getAs(bank(partner), "/api/v1/monitor/alerts/{id}?tenantId={tenant}", id, merchant)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.id")
                .isEqualTo(id);
        for (String side : List.of(partner, merchant)) {
            assertThat(audited(side, "monitor.cross_tenant_read"))
                    .as(side)
                    .filteredOn(entry -> id.equals(entry.getString("objectId")))
                    .singleElement()
                    .satisfies(entry -> assertThat(entry.get("details", Document.class))
                            .containsEntry("alertTenant", merchant)
                            .containsEntry("otherTenant", merchant));
            assertThat(audited(side, "monitor.cross_tenant_list")).as(side).hasSize(1);
        }
        move(bank(partner), id, "acknowledge", merchant, 1)
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(alert(merchant, id).getString("state")).isEqualTo("NEW");
        assertThat(audited(partner, "monitor.cross_tenant_write")).isEmpty();

        // Once the merchant revokes the link, the partner finds nothing there.
        partnerLinks.change(merchant, partner, false, "test", "/test", null).block();
        getAs(bank(partner), "/api/v1/monitor/alerts/{id}?tenantId={tenant}", id, merchant)
                .expectStatus()
                .isNotFound();
    }

    @Test
    void aTenantUserNamingAnotherTenantFindsNothingThereAndChangesNothing() {
        String bank = newTenant();
        String id = alertIn(bank, "+8613600000003");
        String other = newTenant();

        for (String stranger : List.of(token(other, "merchant_admin"), bank(other))) {
            getAs(stranger, "/api/v1/monitor/alerts?tenantId={tenant}", bank)
                    .expectStatus()
                    .isNotFound()
                    .expectHeader()
                    .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.code")
                    .isEqualTo("not_found");
            getAs(stranger, "/api/v1/monitor/alerts/{id}?tenantId={tenant}", id, bank)
                    .expectStatus()
                    .isNotFound()
                    .expectHeader()
                    .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
            for (String verb : List.of("acknowledge", "escalate", "dismiss")) {
                move(stranger, id, verb, bank, 1)
                        .expectStatus()
                        .isNotFound()
                        .expectHeader()
                        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
            }
        }
        Document unchanged = alert(bank, id);
        assertThat(unchanged.getString("state")).isEqualTo("NEW");
        assertThat(unchanged.get("version", Number.class).longValue()).isEqualTo(1L);
        assertThat(audited(other, "monitor.cross_tenant_list")).isEmpty();
        assertThat(audited(other, "monitor.cross_tenant_write")).isEmpty();
    }

    @Test
    void namingNoTenantOrOnesOwnWorksInOnesOwnTenantAsBefore() {
        String bank = newTenant();
        String id = alertIn(bank, "+8613600000004");

        assertThat(ownItems(bank(bank)))
                .singleElement()
                .satisfies(item -> assertThat(((Map<?, ?>) item).get("id")).isEqualTo(id));
        assertThat(items(bank(bank), bank))
                .singleElement()
                .satisfies(item -> assertThat(((Map<?, ?>) item).get("id")).isEqualTo(id));
        getAs(bank(bank), "/api/v1/monitor/alerts/{id}?tenantId={tenant}", id, bank)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.id")
                .isEqualTo(id);
        move(bank(bank), id, "acknowledge", null, 1)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.state")
                .isEqualTo("ACKNOWLEDGED");
        move(bank(bank), id, "escalate", bank, 2)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.state")
                .isEqualTo("ESCALATED");
        // A staff member of the bank's own tenant works it without naming it, and no access is recorded as across
        // tenants.
        String ownAgent = token(bank, "staff_agent");
        assertThat(ownItems(ownAgent)).hasSize(1);
        for (String action :
                List.of("monitor.cross_tenant_list", "monitor.cross_tenant_read", "monitor.cross_tenant_write")) {
            assertThat(audited(bank, action)).as(action).isEmpty();
        }
        // Staff not naming a tenant cannot move another tenant's alert.
        move(agent(), id, "dismiss", null, 3).expectStatus().isNotFound();
        assertThat(alert(bank, id).getString("state")).isEqualTo("ESCALATED");
    }

    /**
     * Values just over and far over the length limit, and values with characters a tenant id never has. (A URI over
     * 4 kB never reaches the application: the server answers 414 itself.)
     */
    static final Map<String, String> MALFORMED = Map.of(
            "a".repeat(TenantIds.MAX_LENGTH + 1),
            "Size",
            "b".repeat(2000),
            "Size",
            "acme\u0007",
            "Pattern",
            "acme\n",
            "Pattern",
            "../acme",
            "Pattern",
            " acme",
            "Pattern");

    @Test
    void staffNamingAMalformedTenantGet400NamingTenantIdAndNothingIsReadAuditedOrMoved() {
        String bank = newTenant();
        String id = alertIn(bank, "+8613600000005");

        MALFORMED.forEach((tenantId, rule) -> {
            List<WebTestClient.ResponseSpec> answers = new java.util.ArrayList<>(List.of(
                    getAs(agent(), "/api/v1/monitor/alerts?tenantId={tenant}", tenantId),
                    getAs(agent(), "/api/v1/monitor/alerts/{id}?tenantId={tenant}", id, tenantId)));
            for (String verb : List.of("acknowledge", "escalate", "dismiss")) {
                answers.add(postJson(
                        compliance(),
                        "/api/v1/monitor/alerts/{id}/{move}?tenantId={tenant}",
                        Map.of("version", 1),
                        id,
                        verb,
                        tenantId));
            }
            for (WebTestClient.ResponseSpec answer : answers) {
                ApiAnswers.oneViolation(answer, "tenantId", rule);
            }
        });

        Document unchanged = alert(bank, id);
        assertThat(unchanged.getString("state")).isEqualTo("NEW");
        assertThat(unchanged.get("version", Number.class).longValue()).isEqualTo(1L);
        assertThat(audited(STAFF_TENANT, "monitor.cross_tenant_list"))
                .extracting(entry -> entry.get("details", Document.class).getString("tenantFilter"))
                .doesNotContainAnyElementsOf(MALFORMED.keySet());
        for (String action : List.of("monitor.cross_tenant_read", "monitor.cross_tenant_write")) {
            assertThat(audited(STAFF_TENANT, action))
                    .as(action)
                    .noneSatisfy(
                            entry -> assertThat(entry.getString("objectId")).isEqualTo(id));
        }
        // Named well, the same tenant answers as before.
        assertThat(items(agent(), bank))
                .singleElement()
                .satisfies(item -> assertThat(((Map<?, ?>) item).get("id")).isEqualTo(id));
    }

    @Test
    void anEmptyTenantIdNamesNoTenant() {
        String bank = newTenant();
        String id = alertIn(bank, "+8613600000006");

        assertThat(items(bank(bank), ""))
                .singleElement()
                .satisfies(item -> assertThat(((Map<?, ?>) item).get("id")).isEqualTo(id));
        getAs(agent(), "/api/v1/monitor/alerts/{id}?tenantId=", id)
                .expectStatus()
                .isNotFound();
    }

    @Test
    void theOpenApiDocumentNamesTheTenantParameterOnEveryAlertOperation() {
        WebTestClient.BodyContentSpec doc =
                web.get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody();
        for (String operation : List.of(
                "['/api/v1/monitor/alerts'].get",
                "['/api/v1/monitor/alerts/{id}'].get",
                "['/api/v1/monitor/alerts/{id}/acknowledge'].post",
                "['/api/v1/monitor/alerts/{id}/dismiss'].post",
                "['/api/v1/monitor/alerts/{id}/escalate'].post")) {
            doc.jsonPath("$.paths" + operation + ".parameters[?(@.name == 'tenantId' && @.in == 'query')].description")
                    .value(descriptions -> assertThat((List<?>) descriptions)
                            .singleElement()
                            .asString()
                            .contains("Thaw staff", TenantIds.RULE));
        }
    }
}
