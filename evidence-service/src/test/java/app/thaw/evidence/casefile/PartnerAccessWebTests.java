package app.thaw.evidence.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import app.thaw.evidence.support.EvidenceWebTestSupport;
import app.thaw.evidence.support.Samples;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.http.MediaType;

/**
 * A partner bank works the evidence of the merchants that linked it, as case-service's
 * {@code thaw.partner.*} events tell this service (ADR 60); audited in both tenants.
 */
class PartnerAccessWebTests extends EvidenceWebTestSupport {

    static String bank(String tenant) {
        return token(tenant, tenant + "-analyst", "partner_bank");
    }

    void deliverLink(String merchant, String partner, boolean active, long sequence) {
        Map<String, Object> event = Map.of(
                "specversion",
                "1.0",
                "id",
                UUID.randomUUID().toString(),
                "source",
                "/thaw/case-service",
                "type",
                active ? "thaw.partner.linked" : "thaw.partner.unlinked",
                "subject",
                merchant + "|" + partner,
                "time",
                Instant.now().toString(),
                "tenantid",
                merchant,
                "datacontenttype",
                "application/json",
                "data",
                Map.of(
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
                        merchant + "/" + merchant + "-admin"));
        web.post()
                .uri("/internal/events")
                .headers(h -> h.setBearerAuth(tokens.token("thaw_service")))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(event)
                .exchange()
                .expectStatus()
                .is2xxSuccessful();
    }

    @Test
    void aLinkedBankUploadsToItsMerchantsCaseAndLosesItWhenTheLinkIsRevoked() {
        String caseId = openCase("pa-acme", "RISK_TXN");
        uploadRaw(bank("pa-bank"), caseId, "BANK_STATEMENT", "a.pdf", "application/pdf", Samples.pdf(100, 41))
                .expectStatus()
                .isNotFound();

        deliverLink("pa-acme", "pa-bank", true, 1);
        uploadRaw(bank("pa-bank"), caseId, "BANK_STATEMENT", "a.pdf", "application/pdf", Samples.pdf(100, 42))
                .expectStatus()
                .isCreated();
        web.get()
                .uri("/api/v1/evidence/cases/{caseId}/items", caseId)
                .headers(h -> h.setBearerAuth(merchant("pa-acme")))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.items.length()")
                .isEqualTo(1);
        for (String tenant : new String[] {"pa-acme", "pa-bank"}) {
            assertThat(count(
                            "audit_log",
                            Criteria.where("tenantId")
                                    .is(tenant)
                                    .and("action")
                                    .is("evidence.partner_access")
                                    .and("objectId")
                                    .is(caseId)))
                    .as("audited in %s", tenant)
                    .isPositive();
        }

        deliverLink("pa-acme", "pa-bank", false, 2);
        // A late or repeated "linked" cannot undo the revocation.
        deliverLink("pa-acme", "pa-bank", true, 1);
        web.get()
                .uri("/api/v1/evidence/cases/{caseId}/items", caseId)
                .headers(h -> h.setBearerAuth(bank("pa-bank")))
                .exchange()
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
            web.get()
                    .uri("/api/v1/evidence/items/{id}", itemId)
                    .headers(h -> h.setBearerAuth(outsider))
                    .exchange()
                    .expectStatus()
                    .isNotFound()
                    .expectBody()
                    .jsonPath("$.code")
                    .isEqualTo("not_found");
        }
        // A linked bank reaches it through the platform's partner links (its scope includes the merchant).
        deliverLink("pa-initech", "pa-bank2", true, 1);
        web.get()
                .uri("/api/v1/evidence/items/{id}", itemId)
                .headers(h -> h.setBearerAuth(bank("pa-bank2")))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.id")
                .isEqualTo(itemId);
        deliverLink("pa-initech", "pa-bank2", false, 2);
        web.get()
                .uri("/api/v1/evidence/items/{id}", itemId)
                .headers(h -> h.setBearerAuth(bank("pa-bank2")))
                .exchange()
                .expectStatus()
                .isNotFound();
        // Staff reach every tenant by role, audited as a cross-tenant access.
        web.get()
                .uri("/api/v1/evidence/items/{id}", itemId)
                .headers(h -> h.setBearerAuth(staff("staff_agent")))
                .exchange()
                .expectStatus()
                .isOk();
        assertThat(count(
                        "audit_log",
                        Criteria.where("action")
                                .is("evidence.cross_tenant_access")
                                .and("objectId")
                                .is(caseId)))
                .isPositive();
    }

    @Test
    void aLinkedBankStillNeverReachesAComplianceHold() {
        String caseId = openCase("pa-beta", "COMPLIANCE_HOLD");
        deliverLink("pa-beta", "pa-bank2", true, 1);

        web.get()
                .uri("/api/v1/evidence/cases/{caseId}/items", caseId)
                .headers(h -> h.setBearerAuth(bank("pa-bank2")))
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    @Test
    void aLinkEventNamingAnotherTenantThanItsMerchantChangesNothing() {
        String caseId = openCase("pa-gamma", "RISK_TXN");
        Map<String, Object> forged = Map.of(
                "specversion",
                "1.0",
                "id",
                UUID.randomUUID().toString(),
                "source",
                "/thaw/case-service",
                "type",
                "thaw.partner.linked",
                "subject",
                "pa-gamma|pa-bank3",
                "time",
                Instant.now().toString(),
                "tenantid",
                "pa-bank3",
                "data",
                Map.of(
                        "merchantTenantId",
                        "pa-gamma",
                        "partnerTenantId",
                        "pa-bank3",
                        "active",
                        true,
                        "sequence",
                        1,
                        "changedAt",
                        Instant.now().toString(),
                        "changedBy",
                        "x"));
        web.post()
                .uri("/internal/events")
                .headers(h -> h.setBearerAuth(tokens.token("thaw_service")))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(forged)
                .exchange()
                .expectStatus()
                .is2xxSuccessful();

        web.get()
                .uri("/api/v1/evidence/cases/{caseId}/items", caseId)
                .headers(h -> h.setBearerAuth(bank("pa-bank3")))
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    @Test
    void aConsentGrantedAndWithdrawnIsPublishedForCaseServiceAndAuditedForTheInsurerToo() {
        String caseId = openCase("pa-delta", "RISK_TXN");
        String consentId = (String) web.post()
                .uri("/api/v1/evidence/cases/{caseId}/consents", caseId)
                .headers(h -> h.setBearerAuth(merchant("pa-delta")))
                .bodyValue(Map.of("insurerTenantId", "pa-insurer"))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("consentId");
        web.post()
                .uri("/api/v1/evidence/cases/{caseId}/consents/{id}/revoke", caseId, consentId)
                .headers(h -> h.setBearerAuth(merchant("pa-delta")))
                .exchange()
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
