package app.thaw.cases.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import app.thaw.platform.audit.AuditLog;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.JsonPathAssertions;

/** A merchant links its partner bank; while linked the bank opens and works the merchant's cases (ADR 60). */
class PartnerLinksApiTests extends CaseApiTests {

    @Autowired
    AuditLog audit;

    static String bank(String tenant) {
        return token(tenant, "partner_bank");
    }

    void link(String merchant, String partner) {
        post("/api/v1/cases/partner-links", token(merchant, "merchant_admin"), Map.of("partnerTenantId", partner))
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.active")
                .isEqualTo(true);
    }

    WebTestClientResponse openFor(String bankTenant, String merchant) {
        Map<String, Object> body = new HashMap<>(intake(RISK_NOTICE));
        body.put("onBehalfOfTenant", merchant);
        return new WebTestClientResponse(post("/api/v1/cases", bank(bankTenant), body));
    }

    record WebTestClientResponse(org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec spec) {}

    @SuppressWarnings("unchecked")
    @Test
    void aLinkedBankOpensACaseForItsMerchantAndBothSeeAndWorkIt() {
        link("pl-acme", "pl-bank");

        Map<String, Object> opened = openFor("pl-bank", "pl-acme")
                .spec()
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        String id = (String) opened.get("id");

        assertThat(opened).containsEntry("tenantId", "pl-acme");
        assertThat(read(id, token("pl-acme", "merchant_member"))).containsEntry("tenantId", "pl-acme");
        transition(id, bank("pl-bank"), "GATHERING_EVIDENCE", Map.of())
                .expectStatus()
                .isOk();
        transition(id, token("pl-acme", "merchant_admin"), "SUBMITTED", Map.of())
                .expectStatus()
                .isOk();
        // The bank's queue holds its merchant's case; the merchant's holds it too.
        inQueue(bank("pl-bank"), id).exists();
        inQueue(token("pl-acme", "merchant_member"), id).exists();

        // Every cross-tenant act is in both tenants' logs.
        for (String tenant : List.of("pl-bank", "pl-acme")) {
            assertThat(actions(tenant, "case", id)).as("audit of %s", tenant).contains("case.partner_write");
            assertThat(actions(tenant, "tenant", "pl-acme"))
                    .as("audit of %s", tenant)
                    .contains("case.partner_open");
            assertThat(actions(tenant, "partner_link", "pl-acme|pl-bank"))
                    .as("audit of %s", tenant)
                    .contains("partner.linked");
        }
    }

    @Test
    void anUnlinkedBankIsRefusedWithPartnerNotLinkedAndLosesTheCasesWhenTheLinkIsRevoked() {
        openFor("pl-bank2", "pl-beta")
                .spec()
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("partner_not_linked")
                .jsonPath("$.tenantId")
                .isEqualTo("pl-beta")
                .jsonPath("$.partnerTenantId")
                .isEqualTo("pl-bank2");

        link("pl-beta", "pl-bank2");
        String id = (String) createdId(openFor("pl-bank2", "pl-beta").spec());
        post("/api/v1/cases/partner-links/pl-bank2/revoke", token("pl-beta", "merchant_admin"), Map.of())
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.active")
                .isEqualTo(false)
                .jsonPath("$.sequence")
                .isEqualTo(2);

        openFor("pl-bank2", "pl-beta")
                .spec()
                .expectStatus()
                .isForbidden()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("partner_not_linked");
        getAs(bank("pl-bank2"), "/api/v1/cases/{id}", id).expectStatus().isNotFound();
        transition(id, bank("pl-bank2"), "GATHERING_EVIDENCE", Map.of())
                .expectStatus()
                .isNotFound();
        getAs(bank("pl-bank2"), "/api/v1/cases?limit=100&tenantId=pl-beta")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.items.length()")
                .isEqualTo(0);
        // The merchant keeps its case.
        assertThat(read(id, token("pl-beta", "merchant_admin"))).containsEntry("tenantId", "pl-beta");
    }

    @Test
    void aLinkOpensOnlyTheLinkedMerchantAndOnlyToThePartnerBank() {
        link("pl-gamma", "pl-bank3");
        String other = open("pl-delta", RISK_NOTICE);

        openFor("pl-bank3", "pl-delta")
                .spec()
                .expectStatus()
                .isForbidden()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("partner_not_linked");
        getAs(bank("pl-bank3"), "/api/v1/cases/{id}", other).expectStatus().isNotFound();
        // A user of the linked tenant who is no partner bank gets nothing of the merchant either.
        Map<String, Object> body = new HashMap<>(intake(RISK_NOTICE));
        body.put("onBehalfOfTenant", "pl-gamma");
        post("/api/v1/cases", token("pl-bank3", "merchant_admin"), body)
                .expectStatus()
                .isForbidden()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("forbidden");
    }

    @Test
    void aLinkedBankStillNeverSeesAComplianceHold() {
        link("pl-eta", "pl-bank4");
        String id = open("pl-eta", "根据主管机关通知，您的账户暂时不可用，请等待官方公告。");

        getAs(bank("pl-bank4"), "/api/v1/cases/{id}", id).expectStatus().isNotFound();
        inQueue(bank("pl-bank4"), id).doesNotExist();
    }

    @Test
    void onlyTheMerchantsAdminLinksAndNeverItsOwnTenant() {
        post("/api/v1/cases/partner-links", token("pl-theta", "merchant_member"), Map.of("partnerTenantId", "pl-bank5"))
                .expectStatus()
                .isForbidden();
        post("/api/v1/cases/partner-links", bank("pl-bank5"), Map.of("partnerTenantId", "pl-theta"))
                .expectStatus()
                .isForbidden();
        post("/api/v1/cases/partner-links", token("pl-theta", "merchant_admin"), Map.of("partnerTenantId", "pl-theta"))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("partnerTenantId")
                .jsonPath("$.errors[0].rule")
                .isEqualTo("NotOwnTenant");
        post("/api/v1/cases/partner-links", token("pl-theta", "merchant_admin"), Map.of("partnerTenantId", "../bank"))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("partnerTenantId");
        post("/api/v1/cases/partner-links/pl-bank5/revoke", token("pl-theta", "merchant_admin"), Map.of())
                .expectStatus()
                .isNotFound();
    }

    @Test
    void bothTenantsListTheLinkAndEachChangeIsPublishedWithItsSequence() {
        link("pl-iota", "pl-bank6");
        link("pl-iota", "pl-bank6");
        post("/api/v1/cases/partner-links/pl-bank6/revoke", token("pl-iota", "merchant_admin"), Map.of())
                .expectStatus()
                .isOk();

        for (String who : List.of(token("pl-iota", "merchant_member"), bank("pl-bank6"))) {
            getAs(who, "/api/v1/cases/partner-links")
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.length()")
                    .isEqualTo(1)
                    .jsonPath("$[0].merchantTenantId")
                    .isEqualTo("pl-iota")
                    .jsonPath("$[0].active")
                    .isEqualTo(false);
        }
        List<Document> published = mongo.find(
                        Query.query(Criteria.where("event.subject").is("pl-iota|pl-bank6")), Document.class, "outbox")
                .map(entry -> (Document) entry.get("event"))
                .collectList()
                .block();
        assertThat(published)
                .extracting(event -> event.getString("type") + "#" + ((Document) event.get("data")).get("sequence")
                        + "@" + event.getString("tenantId"))
                .containsExactlyInAnyOrder("thaw.partner.linked#1@pl-iota", "thaw.partner.unlinked#2@pl-iota");
    }

    /** The actions {@code tenant}'s audit log records on the object. */
    private List<String> actions(String tenant, String objectType, String objectId) {
        return audit.entriesFor(tenant, objectType, objectId)
                .map(entry -> entry.getString("action"))
                .collectList()
                .block();
    }

    /** The case {@code id} among the first 100 of {@code bearer}'s queue, for the caller to say whether it is there. */
    private JsonPathAssertions inQueue(String bearer, String id) {
        return getAs(bearer, "/api/v1/cases?limit=100")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.items[?(@.id == '" + id + "')]");
    }
}
