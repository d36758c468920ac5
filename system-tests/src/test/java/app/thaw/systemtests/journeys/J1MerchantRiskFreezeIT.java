package app.thaw.systemtests.journeys;

import static app.thaw.systemtests.support.ThawApi.checklistItem;
import static app.thaw.systemtests.support.ThawApi.clock;
import static app.thaw.systemtests.support.ThawApi.hasClock;
import static app.thaw.systemtests.support.ThawApi.items;
import static app.thaw.systemtests.support.ThawApi.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipInputStream;

import app.thaw.systemtests.support.ThawApi;
import app.thaw.systemtests.support.ThawPlatform;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.http.HttpStatus;

/**
 * Journey 1 (docs/domain.md §12): a merchant's risk freeze, from the notice to a closed case.
 */
@ExtendWith(ThawPlatform.class)
@Order(51)
class J1MerchantRiskFreezeIT {

    static final String RISK_NOTICE =
            "尊敬的用户，您的账户近期存在交易异常，系统风控已对相关交易进行风险审核（risk review），" + "审核期间该笔交易资金暂缓入账。请在3个工作日内提交交易凭证。";
    static final String MERCHANT = "acme-admin";
    static final String AGENT = "agent";

    @Test
    void aMerchantsRiskFreezeIsTriagedEvidencedAppealedFollowedUpResolvedAndClosedAfterItsReview(ThawPlatform platform)
            throws IOException {
        merchantRiskFreeze(new ThawApi(platform), MERCHANT, "Acme Cross-Border Trading Ltd.", "LL-ACME-001");
    }

    /** The journey on one instance (see {@link #merchantRiskFreeze(Walk, String, String, String)}). */
    static void merchantRiskFreeze(ThawApi thaw, String merchant, String holder, String accountReference)
            throws IOException {
        merchantRiskFreeze(Walk.alone(thaw), merchant, holder, accountReference);
    }

    /**
     * The journey as {@code merchant} (a merchant admin of any tenant, demo or onboarded by API) walks it with
     * Thaw's staff: {@code holder} and {@code accountReference} name the frozen account.
     */
    static Walked merchantRiskFreeze(Walk walk, String merchant, String holder, String accountReference)
            throws IOException {
        ThawApi thaw = walk.thaw();
        // The merchant opens a case: LianLian froze transfers "under risk review".
        Map<String, Object> opened = thaw.openCase(
                merchant,
                Map.of(
                        "holder",
                        Map.of("type", "ENTERPRISE", "displayName", holder, "accountReference", accountReference),
                        "platform",
                        "LianLian (连连支付)",
                        "noticeText",
                        RISK_NOTICE,
                        "noticeReference",
                        "LL-RR-20251",
                        "frozenAmount",
                        Map.of("amount", "58200.00", "currency", "CNY")));
        String caseId = (String) opened.get("id");
        Instant openedAt = Instant.parse((String) opened.get("openedAt"));

        // Triage: RISK_TXN, only the flagged transactions held; the checklist ties each proof to its reason.
        assertThat(opened).containsEntry("scenario", "RISK_TXN").containsEntry("scope", "TRANSACTION");
        assertThat(items(opened, "checklist"))
                .extracting(item -> item.get("code"))
                .contains("BUSINESS_LICENSE", "LEGAL_REP_ID", "TRANSACTION_BACKGROUND", "BANK_STATEMENT");
        assertThat(items(opened, "checklist"))
                .allSatisfy(item -> assertThat((String) item.get("reasonEn")).isNotBlank());

        // The golden 15 minutes: a notification actually delivered to the merchant meets the clock.
        Map<String, Object> told = thaw.awaitCase(
                merchant,
                caseId,
                "golden 15 met",
                c -> hasClock(c, "GOLDEN_15", "MET"),
                walk.within(Duration.ofSeconds(60)));
        Instant metAt = Instant.parse((String) clock(told, "GOLDEN_15").get("metAt"));
        assertThat(Duration.between(openedAt, metAt)).isLessThan(Duration.ofMinutes(15));
        Map<String, Object> firstDelivery =
                ok(thaw.get(merchant, "/api/v1/notifications/cases/{id}/first-delivery", caseId));
        assertThat(Duration.between(openedAt, Instant.parse((String) firstDelivery.get("deliveredAt"))))
                .isLessThan(Duration.ofMinutes(15));
        assertThat(ok(thaw.get(merchant, "/api/v1/notifications/deliveries/{id}", firstDelivery.get("deliveryId")))
                        .toString())
                .contains("DELIVERED");

        // Uploads arrive; one licence has expired and is rejected with the reason. Their events go back and forth
        // between evidence-service and case-service.
        walk.midway();
        thaw.transition(merchant, caseId, "GATHERING_EVIDENCE", "collecting the checklist", Map.of());
        Map<String, Object> oldLicence = thaw.upload(
                merchant, caseId, "BUSINESS_LICENSE", "licence-2019.png", ThawApi.png(101), "expiryDate=2020-06-30");
        ok(thaw.post(
                AGENT,
                Map.of(
                        "decision",
                        "REJECT",
                        "reasonCode",
                        "EXPIRED",
                        "note",
                        "licence expired on 2020-06-30",
                        "expiryDate",
                        "2020-06-30"),
                "/api/v1/evidence/items/{id}/verdict",
                oldLicence.get("id")));
        Map<String, Object> rejected = thaw.awaitCase(
                merchant,
                caseId,
                "licence rejected on the checklist",
                c -> "REJECTED".equals(checklistItem(c, "BUSINESS_LICENSE").get("status")),
                walk.within(Duration.ofSeconds(30)));
        assertThat((String) checklistItem(rejected, "BUSINESS_LICENSE").get("rejectionReason"))
                .contains("EXPIRED");

        Map<String, String> sha256 = new HashMap<>();
        int seed = 200;
        // A current licence, and a proof for every other requirement: each accepted by an agent.
        for (String code : items(opened, "checklist").stream()
                .map(item -> (String) item.get("code"))
                .toList()) {
            Map<String, Object> item =
                    thaw.upload(merchant, caseId, code, code.toLowerCase() + ".png", ThawApi.png(seed++), null);
            sha256.put((String) item.get("id"), (String) item.get("sha256"));
            ok(thaw.post(
                    AGENT,
                    Map.of("decision", "ACCEPT", "version", item.get("version")),
                    "/api/v1/evidence/items/{id}/verdict",
                    item.get("id")));
        }
        thaw.awaitCase(
                merchant,
                caseId,
                "every requirement verified",
                c -> items(c, "checklist").stream()
                        .allMatch(
                                item -> "VERIFIED".equals(item.get("status")) || "ACCEPTED".equals(item.get("status"))),
                walk.within(Duration.ofSeconds(30)));

        // Contact with the platform: ticket number, "we will reply in 3 days" -> a follow-up then.
        Instant now = thaw.now();
        Instant promised = now.plus(Duration.ofDays(3));
        Map<String, Object> contacted = ok(thaw.post(
                merchant,
                Map.of(
                        "channel",
                        "PHONE",
                        "at",
                        now.toString(),
                        "ticketNumber",
                        "LL-T-88231",
                        "agent",
                        "LianLian support #7",
                        "summary",
                        "Explained the three flagged transfers; support will review the proofs",
                        "nextStep",
                        "platform reviews the submitted proofs",
                        "promisedReplyAt",
                        promised.toString()),
                "/api/v1/cases/{id}/contacts",
                caseId));
        Map<String, Object> followUp = clock(contacted, "FOLLOW_UP");
        assertThat(Instant.parse((String) followUp.get("dueAt"))).isEqualTo(promised);
        assertThat(items(contacted, "contacts"))
                .anySatisfy(c -> assertThat(c).containsEntry("ticketNumber", "LL-T-88231"));

        // The appeal package: a letter pairing each reason with its proof, and a dossier with hashes.
        String letter = thaw.text(merchant, "/api/v1/cases/{id}/appeal-letter?lang=en", caseId);
        assertThat(letter).contains("Freeze reasons and their proofs", "LianLian", accountReference, "LL-T-88231");
        items(contacted, "checklist").forEach(item -> assertThat(letter).contains(html((String) item.get("reasonEn"))));
        Map<String, byte[]> dossier = unzip(thaw.bytes(merchant, "/api/v1/evidence/cases/{id}/dossier", caseId));
        assertThat(dossier).containsKeys("manifest.json", "manifest.jws", "custody-log.json");
        String manifest = new String(dossier.get("manifest.json"), StandardCharsets.UTF_8);
        sha256.values().forEach(hash -> assertThat(manifest).contains(hash));

        // Reminders 60, 30 and 10 minutes before the follow-up (on the scaled shape both instances of
        // notification-service poll for their timers).
        String followUpId = (String) followUp.get("id");
        for (int minutes : new int[] {60, 30, 10}) {
            thaw.advanceTo(promised.minus(Duration.ofMinutes(minutes)).plusSeconds(5));
            Awaitility.await(minutes + "-minute reminder")
                    .atMost(walk.within(Duration.ofSeconds(60)))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> thaw.all(merchant, "/api/v1/notifications/reminders").stream()
                            .anyMatch(r -> followUpId.equals(r.get("clockId"))
                                    && String.valueOf(minutes).equals(String.valueOf(r.get("minutesBefore")))));
        }
        thaw.advanceTo(promised.plusSeconds(5));
        ok(thaw.post(merchant, Map.of("clockId", followUpId), "/api/v1/cases/{id}/clocks/met", caseId));

        // Submitted; the platform asks for a supplement: a 24-hour acknowledgement clock starts.
        thaw.transition(merchant, caseId, "SUBMITTED", "appeal package sent", Map.of());
        thaw.transition(AGENT, caseId, "UNDER_REVIEW", "platform reviewing", Map.of());
        Instant asked = thaw.now();
        Map<String, Object> supplement = thaw.transition(
                AGENT,
                caseId,
                "SUPPLEMENT_REQUESTED",
                "platform wants the contracts",
                Map.of("items", List.of("TRANSACTION_BACKGROUND")));
        Map<String, Object> ack = clock(supplement, "SUPPLEMENT_ACK_24H");
        assertThat(ack).containsEntry("state", "RUNNING");
        assertThat(Duration.between(asked, Instant.parse((String) ack.get("dueAt"))))
                .isBetween(Duration.ofHours(24), Duration.ofHours(24).plusSeconds(5));
        Map<String, Object> acknowledged =
                thaw.transition(merchant, caseId, "GATHERING_EVIDENCE", "supplement acknowledged", Map.of());
        assertThat(clock(acknowledged, "SUPPLEMENT_ACK_24H")).containsEntry("state", "MET");
        thaw.transition(merchant, caseId, "SUBMITTED", "contracts sent", Map.of());
        thaw.transition(AGENT, caseId, "UNDER_REVIEW", "platform reviewing", Map.of());

        // Funds released -> RESOLVED; CLOSED only once the review is written.
        thaw.transition(AGENT, caseId, "RESOLVED", "LianLian released the funds", Map.of("resolution", "RESTORED"));
        assertThat(ThawApi.problem(
                        thaw.transitionResponse(merchant, caseId, "CLOSED", "done", Map.of()), HttpStatus.CONFLICT))
                .containsEntry("code", "review_required");
        ok(thaw.put(
                merchant,
                Map.of(
                        "summary",
                        "Three transfers held for four days under risk review",
                        "whys",
                        List.of(
                                "transfers looked unusual",
                                "no contract on file",
                                "invoices not attached",
                                "no checklist",
                                "new finance clerk"),
                        "rootCause",
                        "no invoice checklist for large cross-border transfers",
                        "penalty",
                        "58,200 CNY held 4 days",
                        "fix",
                        "attach contract and invoice to every large transfer",
                        "actionItems",
                        List.of(Map.of(
                                "title",
                                "write the transfer checklist",
                                "owner",
                                "finance",
                                "dueDate",
                                "2027-01-15",
                                "done",
                                false))),
                "/api/v1/cases/{id}/review",
                caseId));
        ok(thaw.post(merchant, Map.of(), "/api/v1/cases/{id}/review/complete", caseId));
        Map<String, Object> closed = thaw.transition(merchant, caseId, "CLOSED", "reviewed", Map.of());
        assertThat(closed).containsEntry("status", "CLOSED").containsEntry("outcome", "RESTORED");
        return new Walked(merchant, caseId, null, followUpId);
    }

    private static String html(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }
}
