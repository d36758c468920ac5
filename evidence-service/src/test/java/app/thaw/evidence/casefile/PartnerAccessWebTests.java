package app.thaw.evidence.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import app.thaw.evidence.support.EvidenceWebTestSupport;
import app.thaw.evidence.support.Samples;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;

/**
 * A partner bank works the evidence of the merchants that linked it, as case-service's
 * {@code thaw.partner.*} events tell this service (ADR 60); audited in both tenants.
 */
class PartnerAccessWebTests extends EvidenceWebTestSupport {

    static String bank(String tenant) {
        return token(tenant, tenant + "-analyst", "partner_bank");
    }

    /** The data of a {@code thaw.partner.linked} (or {@code unlinked}), changed now. */
    static Map<String, Object> link(String merchant, String partner, boolean active, long sequence, String changedBy) {
        return Map.of(
                "merchantTenantId",
                merchant,
                "partnerTenantId",
                partner,
                "active",
                active,
                "sequence",
                sequence,
                "changedAt",
                Instant.now().toString(),
                "changedBy",
                changedBy);
    }

    void deliverLink(String merchant, String partner, boolean active, long sequence) {
        Map<String, Object> event = caseServiceEvent(
                active ? "thaw.partner.linked" : "thaw.partner.unlinked",
                merchant,
                merchant + "|" + partner,
                link(merchant, partner, active, sequence, merchant + "/" + merchant + "-admin"));
        deliver(event);
    }

    @Test
    void aLinkedBankUploadsToItsMerchantsCaseAndLosesItWhenTheLinkIsRevoked() {
        String caseId = openCase("pa-acme", "RISK_TXN");
        uploadStatement(bank("pa-bank"), caseId, 41).expectStatus().isNotFound();

        deliverLink("pa-acme", "pa-bank", true, 1);
        uploadStatement(bank("pa-bank"), caseId, 42).expectStatus().isCreated();
        getAs(merchant("pa-acme"), "/api/v1/evidence/cases/{caseId}/items", caseId)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.items.length()")
                .isEqualTo(1);
        for (String tenant : new String[] {"pa-acme", "pa-bank"}) {
            assertThat(audited(tenant, "evidence.partner_access", caseId))
                    .as("audited in %s", tenant)
                    .isPositive();
        }

        deliverLink("pa-acme", "pa-bank", false, 2);
        // A late or repeated "linked" cannot undo the revocation.
        deliverLink("pa-acme", "pa-bank", true, 1);
        getAs(bank("pa-bank"), "/api/v1/evidence/cases/{caseId}/items", caseId)
                .expectStatus()
                .isNotFound();
    }

    @Test
    void anItemByIdIsFoundInTheTenantsTheCallerReachesOnly() {
        String caseId = openCase("pa-initech", "RISK_TXN");
        String itemId = uploadedId(
                merchant("pa-initech"), caseId, "BANK_STATEMENT", "s.pdf", "application/pdf", Samples.pdf(100, 43));
        // The item read names the caller's tenants: another merchant, or a bank not linked, finds nothing.
        for (String outsider : new String[] {merchant("pa-hooli"), bank("pa-bank2")}) {
            getAs(outsider, "/api/v1/evidence/items/{id}", itemId)
                    .expectStatus()
                    .isNotFound()
                    .expectBody()
                    .jsonPath("$.code")
                    .isEqualTo("not_found");
        }
        // A linked bank reaches it through the platform's partner links (its scope includes the merchant).
        deliverLink("pa-initech", "pa-bank2", true, 1);
        getAs(bank("pa-bank2"), "/api/v1/evidence/items/{id}", itemId)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.id")
                .isEqualTo(itemId);
        deliverLink("pa-initech", "pa-bank2", false, 2);
        getAs(bank("pa-bank2"), "/api/v1/evidence/items/{id}", itemId)
                .expectStatus()
                .isNotFound();
        // Staff reach every tenant by role, audited as a cross-tenant access.
        getAs(staff("staff_agent"), "/api/v1/evidence/items/{id}", itemId)
                .expectStatus()
                .isOk();
        assertThat(audited("evidence.cross_tenant_access", caseId)).isPositive();
    }

    @Test
    void aLinkedBankStillNeverReachesAComplianceHold() {
        String caseId = openCase("pa-beta", "COMPLIANCE_HOLD");
        deliverLink("pa-beta", "pa-bank2", true, 1);

        getAs(bank("pa-bank2"), "/api/v1/evidence/cases/{caseId}/items", caseId)
                .expectStatus()
                .isNotFound();
    }

    @Test
    void aLinkEventNamingAnotherTenantThanItsMerchantChangesNothing() {
        String caseId = openCase("pa-gamma", "RISK_TXN");
        Map<String, Object> forged = caseServiceEvent(
                "thaw.partner.linked", "pa-bank3", "pa-gamma|pa-bank3", link("pa-gamma", "pa-bank3", true, 1, "x"));
        forged.remove("datacontenttype"); // the forger names no content type
        postJson(tokens.token("thaw_service"), "/internal/events", forged)
                .expectStatus()
                .is2xxSuccessful();

        getAs(bank("pa-bank3"), "/api/v1/evidence/cases/{caseId}/items", caseId)
                .expectStatus()
                .isNotFound();
    }

    @Test
    void aConsentGrantedAndWithdrawnIsPublishedForCaseServiceAndAuditedForTheInsurerToo() {
        String caseId = openCase("pa-delta", "RISK_TXN");
        String consentId = grantConsent("pa-delta", "pa-insurer", caseId);
        postAs(merchant("pa-delta"), "/api/v1/evidence/cases/{caseId}/consents/{id}/revoke", caseId, consentId)
                .expectStatus()
                .isOk();

        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(find(
                                "outbox",
                                Criteria.where("event.subject")
                                        .is(caseId)
                                        .and("event.type")
                                        .regex("consent")))
                        .extracting(entry -> {
                            org.bson.Document event = (org.bson.Document) entry.get("event");
                            org.bson.Document data = (org.bson.Document) event.get("data");
                            return event.getString("type") + ":" + data.getString("consentId") + ":"
                                    + data.getString("insurerTenantId");
                        })
                        .contains(
                                "thaw.evidence.consent_granted:" + consentId + ":pa-insurer",
                                "thaw.evidence.consent_revoked:" + consentId + ":pa-insurer"));
        assertThat(count(
                        "audit_log",
                        Criteria.where("tenantId")
                                .is("pa-insurer")
                                .and("objectId")
                                .is(caseId)
                                .and("action")
                                .in("evidence.consent_granted", "evidence.consent_revoked")))
                .isEqualTo(2);
    }
}
