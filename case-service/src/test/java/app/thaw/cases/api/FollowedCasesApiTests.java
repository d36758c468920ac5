package app.thaw.cases.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.thaw.platform.audit.AuditLog;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** An insurer follows the cases a holder consented to, as evidence-service reports the consents (ADR 60). */
class FollowedCasesApiTests extends CaseApiTests {

    @Autowired
    AuditLog audit;

    static String insurer(String tenant) {
        return token(tenant, "insurer");
    }

    void consent(String type, String tenant, String caseId, String consentId, String insurer) {
        deliver(internalEvent(
                type,
                tenant,
                caseId,
                Map.of("caseId", caseId, "consentId", consentId, "insurerTenantId", insurer, "by", tenant + "/admin")));
    }

    @SuppressWarnings("unchecked")
    @Test
    void anInsurerWithConsentReadsStatusClocksChecklistAndRestorationButNoNoticeOrIdentifiers() {
        String id = open("fc-acme", RISK_NOTICE);
        getAs(insurer("fc-ins"), "/api/v1/cases/followed/{id}", id)
                .expectStatus()
                .isNotFound();

        consent(
                "thaw.evidence.consent_granted",
                "fc-acme",
                id,
                UUID.randomUUID().toString(),
                "fc-ins");

        Map<String, Object> followed = getAs(insurer("fc-ins"), "/api/v1/cases/followed/{id}", id)
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        assertThat(followed)
                .containsEntry("caseId", id)
                .containsEntry("status", "TRIAGED")
                .containsEntry("scenario", "RISK_TXN")
                .containsKeys("clocks", "checklist", "restoration")
                .doesNotContainKeys(
                        "noticeText", "notice", "holder", "accountReference", "contacts", "reference", "timeline");
        assertThat(followed.toString()).doesNotContain("风控", "ACC-", "Acme");
        assertThat((Map<String, Object>) followed.get("checklist")).containsKeys("total", "missing", "items");
        assertThat((Map<String, Object>) followed.get("restoration")).containsEntry("stage", "OPEN");
        assertThat((List<Map<String, Object>>) followed.get("clocks"))
                .extracting(c -> c.get("kind"))
                .contains("GOLDEN_15");

        getAs(insurer("fc-ins"), "/api/v1/cases/followed")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.length()")
                .isEqualTo(1)
                .jsonPath("$[0].caseId")
                .isEqualTo(id);
        // Another insurer, and the insurer on the case's own API, get nothing.
        getAs(insurer("fc-other"), "/api/v1/cases/followed/{id}", id)
                .expectStatus()
                .isNotFound();
        getAs(insurer("fc-ins"), "/api/v1/cases/{id}", id).expectStatus().isNotFound();
        for (String tenant : List.of("fc-acme", "fc-ins")) {
            assertThat(audit.entriesFor(tenant, "case", id)
                            .map(e -> e.getString("action"))
                            .collectList()
                            .block())
                    .as("audit of %s", tenant)
                    .contains("case.insurer_read");
        }
    }

    @Test
    void aWithdrawnConsentIs404FromThenOnAndALateGrantCannotUndoIt() {
        String id = open("fc-beta", RISK_NOTICE);
        String consentId = UUID.randomUUID().toString();
        consent("thaw.evidence.consent_granted", "fc-beta", id, consentId, "fc-ins2");
        getAs(insurer("fc-ins2"), "/api/v1/cases/followed/{id}", id)
                .expectStatus()
                .isOk();

        consent("thaw.evidence.consent_revoked", "fc-beta", id, consentId, "fc-ins2");
        consent("thaw.evidence.consent_granted", "fc-beta", id, consentId, "fc-ins2");

        getAs(insurer("fc-ins2"), "/api/v1/cases/followed/{id}", id)
                .expectStatus()
                .isNotFound()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("not_found");
        getAs(insurer("fc-ins2"), "/api/v1/cases/followed")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.length()")
                .isEqualTo(0);
    }

    @Test
    void aConsentedComplianceHoldStaysHiddenAndOnlyInsurersUseThisApi() {
        String id = open("fc-gamma", "根据主管机关通知，您的账户暂时不可用，请等待官方公告。");
        consent(
                "thaw.evidence.consent_granted",
                "fc-gamma",
                id,
                UUID.randomUUID().toString(),
                "fc-ins3");

        getAs(insurer("fc-ins3"), "/api/v1/cases/followed/{id}", id)
                .expectStatus()
                .isNotFound();
        getAs(token("fc-gamma", "merchant_admin"), "/api/v1/cases/followed")
                .expectStatus()
                .isForbidden();
    }
}
