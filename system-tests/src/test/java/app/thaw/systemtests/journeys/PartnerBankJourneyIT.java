package app.thaw.systemtests.journeys;

import static app.thaw.systemtests.support.ThawApi.clock;
import static app.thaw.systemtests.support.ThawApi.hasClock;
import static app.thaw.systemtests.support.ThawApi.items;
import static app.thaw.systemtests.support.ThawApi.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import app.thaw.systemtests.support.ThawApi;
import app.thaw.systemtests.support.ThawPlatform;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.http.HttpStatus;

/**
 * Issue 20: acme links its partner bank; bank-demo (its machine client, a real Keycloak token
 * through the gateway) opens a risk case for acme, asks for proof, acme answers, the bank reviews
 * within its 2 h clock and releases the funds; acme's insurer follows the case to RESOLVED while acme
 * consents, and loses it when acme withdraws. acme revokes the link: the bank is refused from then on.
 */
@ExtendWith(ThawPlatform.class)
@Order(56)
class PartnerBankJourneyIT {

    static final String MERCHANT = "acme-admin";
    static final String BANK = ThawApi.DEMO_BANK;
    static final String INSURER = ThawApi.DEMO_INSURER;
    static final String NOTICE = "尊敬的用户，您的账户近期存在交易异常，系统风控已对相关交易进行风险审核（risk review），" + "审核期间该笔交易资金暂缓入账。请在3个工作日内提交交易凭证。";

    @Test
    void aLinkedBankOpensAndWorksItsMerchantsCaseTheMerchantAnswersAndAfterUnlinkingTheBankIsRefused(
            ThawPlatform platform) {
        ThawApi thaw = new ThawApi(platform);
        Map<String, Object> intake = new HashMap<>(Map.of(
                "holder",
                Map.of(
                        "type",
                        "ENTERPRISE",
                        "displayName",
                        "Acme Cross-Border Trading Ltd.",
                        "accountReference",
                        "BD-ACME-7781"),
                "platform",
                "Bank Demo (demo bank)",
                "noticeText",
                NOTICE,
                "noticeReference",
                "BD-RR-0420",
                "onBehalfOfTenant",
                "acme"));

        // Each tenant reads its plan through the gateway: the bank's and the insurer's are theirs, acme's the default.
        assertThat(ThawApi.body(
                        thaw.get(BANK, "/api/v1/subscription").expectStatus().isOk()))
                .containsEntry("plan", "PARTNER_BANK")
                .containsKeys("quotas", "resetsAt");
        assertThat(ThawApi.body(
                        thaw.get(INSURER, "/api/v1/subscription").expectStatus().isOk()))
                .containsEntry("plan", "INSURER");
        assertThat(ThawApi.body(thaw.get(MERCHANT, "/api/v1/subscription")
                        .expectStatus()
                        .isOk()))
                .containsEntry("plan", "THAW_ASSIST");

        // Not linked yet: the bank cannot act for acme, and is told why.
        Map<String, Object> refused = ThawApi.problem(thaw.post(BANK, intake, "/api/v1/cases"), HttpStatus.FORBIDDEN);
        assertThat(refused)
                .containsEntry("code", "partner_not_linked")
                .containsEntry("tenantId", "acme")
                .containsEntry("partnerTenantId", "bank-demo");

        // acme's admin links its bank; both tenants see the link.
        Map<String, Object> link =
                ThawApi.body(thaw.post(MERCHANT, Map.of("partnerTenantId", "bank-demo"), "/api/v1/cases/partner-links")
                        .expectStatus()
                        .isCreated());
        assertThat(link).containsEntry("merchantTenantId", "acme").containsEntry("active", true);
        assertThat(ThawApi.list(thaw.get(BANK, "/api/v1/cases/partner-links")))
                .anySatisfy(l ->
                        assertThat(l).containsEntry("merchantTenantId", "acme").containsEntry("active", true));

        // The bank opens the case for acme; it is acme's case.
        Map<String, Object> opened = thaw.openCase(BANK, intake);
        String caseId = (String) opened.get("id");
        assertThat(opened).containsEntry("tenantId", "acme").containsEntry("scenario", "RISK_TXN");
        assertThat(thaw.caseOf(MERCHANT, caseId)).containsEntry("tenantId", "acme");
        assertThat(thaw.all(BANK, "/api/v1/cases?tenantId=acme"))
                .extracting(c -> c.get("id"))
                .contains(caseId);

        // The bank asks for proof of the flagged transfers, and uploads its own statement extract.
        thaw.transition(
                BANK,
                caseId,
                "GATHERING_EVIDENCE",
                "bank: send the contracts behind the three flagged transfers",
                Map.of());
        Map<String, Object> bankUpload = Awaitility.await("evidence-service learnt the case and the link")
                .atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(300))
                .until(
                        () -> ThawApi.body(thaw.gateway()
                                .post()
                                .uri("/api/v1/evidence/cases/" + caseId
                                        + "/items?requirementCode=BANK_STATEMENT&fileName=bank-extract.png")
                                .headers(h -> h.setBearerAuth(thaw.token(BANK)))
                                .contentType(org.springframework.http.MediaType.IMAGE_PNG)
                                .bodyValue(ThawApi.png(2001))
                                .exchange()),
                        body -> body.get("sha256") != null);
        assertThat(bankUpload).containsEntry("caseId", caseId);

        // acme answers: its proof for the flagged transfers, then it submits.
        Map<String, Object> answer =
                thaw.upload(MERCHANT, caseId, "TRANSACTION_BACKGROUND", "contracts.png", ThawApi.png(2002), null);
        assertThat(answer).containsEntry("caseId", caseId);
        thaw.awaitCase(
                BANK,
                caseId,
                "the bank sees acme's proof on the checklist",
                c -> !"MISSING"
                        .equals(ThawApi.checklistItem(c, "TRANSACTION_BACKGROUND")
                                .get("status")),
                Duration.ofSeconds(90));
        Map<String, Object> submitted =
                thaw.transition(MERCHANT, caseId, "SUBMITTED", "acme: contracts and invoices attached", Map.of());
        assertThat(hasClock(submitted, "PARTNER_REVIEW_2H", "RUNNING")).isTrue();

        // The bank reviews: its review step done meets its 2 h clock.
        thaw.transition(BANK, caseId, "UNDER_REVIEW", "bank: reviewing the contracts", Map.of());
        String reviewTask = (String) items(thaw.caseOf(BANK, caseId), "tasks").stream()
                .filter(t -> "partner_bank".equals(t.get("ownerRole")))
                .findFirst()
                .orElseThrow()
                .get("id");
        Map<String, Object> reviewed = ok(thaw.post(
                BANK,
                Map.of("note", "contracts match the transfers; device and IP checked"),
                "/api/v1/cases/{id}/tasks/{task}/done",
                caseId,
                reviewTask));
        assertThat(clock(reviewed, "PARTNER_REVIEW_2H")).containsEntry("state", "MET");

        // Who acted on acme's case: the bank. An act across tenants is recorded in both tenants and
        // the access log reads it once, from acme's side, naming the tenant the actor acted from
        // (ADR 25): the bank's writes are there, and none is listed twice as the old two-sided log did.
        List<Map<String, Object>> accessLog =
                ThawApi.list(thaw.get("platform-admin", "/api/v1/cases/{id}/access-log", caseId));
        assertThat(accessLog)
                .extracting(e -> e.get("action") + "@" + e.get("tenantId"))
                .contains("case.partner_write@bank-demo")
                .doesNotContain("case.partner_write@acme");

        // acme lets its insurer follow the case: status, clocks and progress, no notice text or identifiers.
        String consentId = (String) ThawApi.body(thaw.post(
                                MERCHANT,
                                Map.of("insurerTenantId", "insurer-demo"),
                                "/api/v1/evidence/cases/{id}/consents",
                                caseId)
                        .expectStatus()
                        .isCreated())
                .get("consentId");
        Map<String, Object> followed = Awaitility.await("case-service learnt the consent")
                .atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(300))
                .until(
                        () -> thaw.get(INSURER, "/api/v1/cases/followed/{id}", caseId)
                                .returnResult(Map.class)
                                .getResponseBody()
                                .blockFirst(),
                        body -> caseId.equals(body.get("caseId")));
        assertThat(followed)
                .containsEntry("status", "UNDER_REVIEW")
                .containsKeys("clocks", "checklist", "restoration")
                .doesNotContainKeys("noticeText", "holder", "reference");
        assertThat(followed.toString()).doesNotContain("BD-ACME-7781", "风控");
        assertThat(ThawApi.list(thaw.get(INSURER, "/api/v1/cases/followed")))
                .extracting(c -> c.get("caseId"))
                .contains(caseId);

        // The bank releases the funds: the insurer follows the case to RESOLVED, restored.
        thaw.transition(BANK, caseId, "RESOLVED", "bank: released", Map.of("resolution", "RESTORED"));
        Map<String, Object> resolved = thaw.get(INSURER, "/api/v1/cases/followed/{id}", caseId)
                .returnResult(Map.class)
                .getResponseBody()
                .blockFirst();
        assertThat(resolved).containsEntry("status", "RESOLVED");
        assertThat(resolved.get("restoration").toString()).contains("stage=RESTORED");

        // Consent withdrawn: 404 from then on.
        thaw.post(MERCHANT, Map.of(), "/api/v1/evidence/cases/{id}/consents/{consent}/revoke", caseId, consentId)
                .expectStatus()
                .isOk();
        Awaitility.await("case-service learnt the withdrawal")
                .atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> thaw.get(INSURER, "/api/v1/cases/followed/{id}", caseId)
                                .returnResult(String.class)
                                .getStatus()
                                .value()
                        == 404);

        // acme revokes the link: from now on the bank is refused, its case is acme's alone.
        ok(thaw.post(MERCHANT, Map.of(), "/api/v1/cases/partner-links/bank-demo/revoke"));
        assertThat(ThawApi.problem(thaw.post(BANK, intake, "/api/v1/cases"), HttpStatus.FORBIDDEN))
                .containsEntry("code", "partner_not_linked");
        thaw.get(BANK, "/api/v1/cases/{id}", caseId).expectStatus().isNotFound();
        thaw.transitionResponse(BANK, caseId, "CLOSED", "bank: done", Map.of())
                .expectStatus()
                .isNotFound();
        Awaitility.await("evidence-service learnt the revocation")
                .atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> thaw.get(BANK, "/api/v1/evidence/cases/{id}/items", caseId)
                                .returnResult(String.class)
                                .getStatus()
                                .value()
                        == 404);
        assertThat(thaw.caseOf(MERCHANT, caseId)).containsEntry("status", "RESOLVED");
    }
}
