package app.thaw.cases.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import app.thaw.platform.audit.AuditLog;
import app.thaw.platform.security.TenantIds;
import app.thaw.platform.testing.ApiAnswers;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class TenantIsolationApiTests extends CaseApiTests {

    @Autowired
    AuditLog audit;

    @Test
    void otherTenantsCaseAnswers404ForReadsAndWrites() {
        String id = open("alpha", RISK_NOTICE);
        String beta = token("beta", "merchant_admin");

        getAs(beta, "/api/v1/cases/{id}", id)
                .expectStatus()
                .isNotFound()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("not_found");
        transition(id, beta, "GATHERING_EVIDENCE", Map.of()).expectStatus().isNotFound();
        getAs(beta, "/api/v1/cases/{id}/timeline", id).expectStatus().isNotFound();
        assertThat(read(id, token("alpha", "merchant_admin"))).containsEntry("status", "TRIAGED");
    }

    @Test
    void aTenantsQueueHoldsOnlyItsOwnCases() {
        String mine = open("gamma", RISK_NOTICE);
        open("delta", RISK_NOTICE);

        onlyCase(getAs(token("gamma", "merchant_member"), "/api/v1/cases?limit=100"), mine);
    }

    @Test
    void staffReadAnotherTenantsCaseThroughTheirRoleAndTheReadIsAudited() {
        String id = open("epsilon", RISK_NOTICE);

        assertThat(read(id, token("thaw", "staff_agent"))).containsEntry("tenantId", "epsilon");

        List<Document> entries =
                audit.entriesFor("thaw", "case", id).collectList().block();
        assertThat(entries).extracting(entry -> entry.getString("action")).contains("case.cross_tenant_read");
    }

    @Test
    void aStaffReadAndListOfAnotherTenantsCasesStandInThatTenantsAuditLogTooAndTheAccessLogListsTheReadOnce() {
        String id = open("omicron", RISK_NOTICE);

        assertThat(read(id, token("thaw", "staff_agent"))).containsEntry("tenantId", "omicron");
        getAs(token("thaw", "staff_supervisor"), "/api/v1/cases?tenantId=omicron")
                .expectStatus()
                .isOk();

        // The case's tenant reads the staff member's acts in its own log, naming who and from where.
        assertThat(audit.entriesFor("omicron", "case", id).collectList().block())
                .filteredOn(entry -> "case.cross_tenant_read".equals(entry.getString("action")))
                .singleElement()
                .satisfies(entry -> assertThat(entry.get("actor", Document.class))
                        .containsEntry("username", "thaw-staff_agent")
                        .containsEntry("tenantId", "thaw"));
        assertThat(audit.entriesFor("omicron", "case", "*").collectList().block())
                .extracting(entry -> entry.getString("action")
                        + " "
                        + entry.get("details", Document.class).getString("tenantFilter"))
                .containsExactly("case.cross_tenant_list omicron");
        // The staff's side stays, and the case's access log shows the read once, from the staff's tenant.
        assertThat(audit.entriesFor("thaw", "case", id).collectList().block())
                .extracting(entry -> entry.getString("action"))
                .containsExactly("case.cross_tenant_read");
        List<Map<String, Object>> log = accessLog(id, token("thaw", "compliance_officer"));
        assertThat(log)
                .filteredOn(entry -> "case.cross_tenant_read".equals(entry.get("action"))
                        && "thaw-staff_agent".equals(entry.get("actor")))
                .singleElement()
                .satisfies(entry -> assertThat(entry)
                        .containsEntry("actor", "thaw-staff_agent")
                        .containsEntry("tenantId", "thaw"));
    }

    @Test
    void staffNamingAMalformedTenantGet400NamingTenantIdAndNothingIsListedOrAudited() {
        String id = open("lambda", RISK_NOTICE);
        // Just over and far over the length limit; characters a tenant id never has.
        Map<String, String> malformed = Map.of(
                "a".repeat(TenantIds.MAX_LENGTH + 1),
                "Size",
                "b".repeat(2000),
                "Size",
                "lambda\u0000",
                "Pattern",
                "lambda\n",
                "Pattern",
                "../lambda",
                "Pattern",
                " lambda",
                "Pattern",
                "lambda*",
                "Pattern");

        malformed.forEach((tenantId, rule) -> ApiAnswers.oneViolation(
                getAs(token("thaw", "staff_supervisor"), "/api/v1/cases?tenantId={tenant}", tenantId),
                "tenantId",
                rule));

        assertThat(audit.entriesFor("thaw", "case", "*").collectList().block())
                .extracting(entry -> entry.get("details", Document.class).getString("tenantFilter"))
                .doesNotContainAnyElementsOf(malformed.keySet());
        // Named well, the tenant's queue answers as before, and the list is audited.
        onlyCase(getAs(token("thaw", "staff_supervisor"), "/api/v1/cases?tenantId=lambda"), id);
        assertThat(audit.entriesFor("thaw", "case", "*").collectList().block())
                .extracting(entry -> entry.get("details", Document.class).getString("tenantFilter"))
                .contains("lambda");
    }

    @Test
    void anEmptyTenantIdNamesNoTenantSoStaffListEveryTenantsCases() {
        String assignee = "empty-tenant-" + java.util.UUID.randomUUID();
        Map<String, Object> body = new java.util.HashMap<>(intake(RISK_NOTICE));
        body.put("assignee", assignee);
        String id = (String) createdId(post("/api/v1/cases", token("mu", "merchant_admin"), body));

        onlyCase(getAs(token("thaw", "staff_agent"), "/api/v1/cases?tenantId=&assignee={assignee}", assignee), id);
        getAs(token("mu", "merchant_member"), "/api/v1/cases?tenantId=&assignee={assignee}", assignee)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.items.length()")
                .isEqualTo(1);
    }

    @Test
    void aComplianceHoldIsVisibleOnlyToComplianceAndAnAgentsAttemptIsRefusedAndAudited() {
        String id = open("zeta", "根据主管机关通知，您的账户暂时不可用，请等待官方公告。");
        String compliance = token("thaw", "compliance_officer");

        assertThat(read(id, compliance))
                .containsEntry("scenario", "COMPLIANCE_HOLD")
                .containsEntry("restricted", true);
        getAs(token("thaw", "staff_agent"), "/api/v1/cases/{id}", id)
                .expectStatus()
                .isNotFound();
        getAs(token("zeta", "merchant_admin"), "/api/v1/cases/{id}", id)
                .expectStatus()
                .isNotFound();
        getAs(token("thaw", "staff_agent"), "/api/v1/cases?tenantId=zeta")
                .expectBody()
                .jsonPath("$.items.length()")
                .isEqualTo(0);

        assertThat(audit.entriesFor("thaw", "case", id).collectList().block())
                .extracting(entry -> entry.getString("action"))
                .contains("case.restricted_access_refused");
        assertThat(audit.entriesFor("zeta", "case", id).collectList().block())
                .extracting(entry -> entry.getString("action"))
                .contains("case.restricted_access_refused");
    }

    @Test
    void aComplianceOfficerReadsWhoTriedToOpenARestrictedCaseThroughTheApi() {
        String id = open("theta", "根据主管机关通知，您的账户暂时不可用，请等待官方公告。");
        String compliance = token("thaw", "compliance_officer");
        getAs(token("thaw", "staff_agent"), "/api/v1/cases/{id}", id)
                .expectStatus()
                .isNotFound();

        List<Map<String, Object>> entries = accessLog(id, compliance);
        assertThat(entries)
                .anySatisfy(entry -> assertThat(entry)
                        .containsEntry("action", "case.restricted_access_refused")
                        .containsEntry("actor", "thaw-staff_agent")
                        .containsEntry("tenantId", "thaw"));

        accessLogRefused(id, token("thaw", "staff_agent"));
        accessLogRefused(id, token("theta", "merchant_admin"));
    }

    @Test
    void aComplianceHoldsHolderMessageIsTheFixedNotice() {
        String id = open(
                "eta",
                "Your account is temporarily unavailable per notice from the competent authority. Please await the official announcement.");

        getAs(token("thaw", "compliance_officer"), "/api/v1/cases/{id}/scripts?lang=en", id)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.scripts.holderUpdate")
                .isEqualTo(
                        "Your account is temporarily unavailable per notice from the competent authority; please await the official announcement.");
        assertThat(events(id))
                .allSatisfy(event -> assertThat(((Document) event.get("data")).getBoolean("restricted"))
                        .isTrue());
    }

    @Test
    void staffOpenACaseOnBehalfOfATenantAndNoOneElseMay() {
        Map<String, Object> body = new java.util.HashMap<>(intake(RISK_NOTICE));
        body.put("onBehalfOfTenant", "iota");

        String id = (String) createdId(post("/api/v1/cases", token("thaw", "staff_agent"), body));

        assertThat(read(id, token("iota", "merchant_admin")))
                .containsEntry("tenantId", "iota")
                .containsEntry("openedBy", "thaw-staff_agent");
        post("/api/v1/cases", token("kappa", "merchant_admin"), body)
                .expectStatus()
                .isForbidden();
    }

    @Test
    void aCaseOnBehalfOfATenantNamedBadlyIsRefusedNamingTheFieldAndNothingIsOpened() {
        Map<String, String> malformed = Map.of(
                "",
                "Pattern",
                "c".repeat(TenantIds.MAX_LENGTH + 1),
                "Size",
                "iota ",
                "Pattern",
                "../iota",
                "Pattern",
                "-iota",
                "Pattern");
        malformed.forEach((tenant, rule) -> {
            Map<String, Object> body = new java.util.HashMap<>(intake(RISK_NOTICE));
            body.put("onBehalfOfTenant", tenant);
            body.put("assignee", "bad-tenant-" + rule);
            ApiAnswers.oneViolation(
                    post("/api/v1/cases", token("thaw", "staff_agent"), body), "onBehalfOfTenant", rule);
        });
        for (String assignee : List.of("bad-tenant-Size", "bad-tenant-Pattern")) {
            getAs(token("thaw", "staff_agent"), "/api/v1/cases?assignee={a}", assignee)
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.items.length()")
                    .isEqualTo(0);
        }
    }

    @Test
    void onlyStaffOverrideTriage() {
        String id = open("theta", RISK_NOTICE);

        post(
                        "/api/v1/cases/" + id + "/triage",
                        token("theta", "merchant_admin"),
                        Map.of("scenario", "AML_REVIEW", "reason", "x"))
                .expectStatus()
                .isForbidden();
        post(
                        "/api/v1/cases/" + id + "/triage",
                        token("thaw", "staff_supervisor"),
                        Map.of("scenario", "AML_REVIEW", "reason", "bank asks for source of funds"))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.scenario")
                .isEqualTo("AML_REVIEW");
        getAs(token("theta", "merchant_admin"), "/api/v1/cases/{id}/timeline", id)
                .expectBody()
                .jsonPath("$[?(@.type == 'triaged' && @.details.reason == 'bank asks for source of funds')]")
                .exists();
        assertThat(published(id)).contains("thaw.case.triaged");
    }

    /** The case's access log as a compliance officer or platform admin reads it. */
    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> accessLog(String id, String bearer) {
        return getAs(bearer, "/api/v1/cases/{id}/access-log", id)
                .expectStatus()
                .isOk()
                .expectBody(List.class)
                .returnResult()
                .getResponseBody();
    }

    /** Anyone else asking for the case's access log: 403. */
    private void accessLogRefused(String id, String bearer) {
        getAs(bearer, "/api/v1/cases/{id}/access-log", id).expectStatus().isForbidden();
    }
}
