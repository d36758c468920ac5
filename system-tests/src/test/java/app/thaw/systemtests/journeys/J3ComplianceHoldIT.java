package app.thaw.systemtests.journeys;

import static app.thaw.systemtests.support.ThawApi.items;
import static app.thaw.systemtests.support.ThawApi.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import app.thaw.systemtests.support.ThawApi;
import app.thaw.systemtests.support.ThawPlatform;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Journey 3 (docs/domain.md §12): a sanctions hit on a partner bank's customer opens a COMPLIANCE_HOLD
 * case that only compliance officers see; a legal hold is placed; every message to the holder is
 * the fixed notice; an agent's attempt to read the case is refused and audited. Staff name the
 * bank's tenant to work it, and a tenant named badly is refused alike by every service.
 */
@ExtendWith(ThawPlatform.class)
@Order(53)
class J3ComplianceHoldIT {

    /** The fixed notice, worded alike by case-service (the scripts) and notification-service (every message to the holder). */
    static final String FIXED_NOTICE =
            "Your account is temporarily unavailable per notice from the competent authority; "
                    + "please await the official announcement.";

    static final String BANK = ThawApi.DEMO_BANK;

    @Test
    void aSanctionsHitOpensACaseOnlyComplianceSeesUnderLegalHoldWithOnlyTheFixedNoticeToTheHolder(
            ThawPlatform platform) {
        complianceHold(Walk.alone(new ThawApi(platform)));
    }

    /** The journey's steps, walked on one instance or with instances killed at its midpoint ({@link Walk}). */
    static Walked complianceHold(Walk walk) {
        ThawApi thaw = walk.thaw();

        // The bank enrols a corporate customer whose name is on the OFAC list (spelt its own way).
        Map<String, Object> subject = thaw.enrol(
                BANK,
                "COMPANY",
                List.of(
                        Map.of("type", "NAME_LATIN", "value", "Anglo Caribbean Company Ltd"),
                        Map.of("type", "COMPANY_REGISTRATION", "value", "GB-0173-" + System.nanoTime())));
        String subjectId = (String) subject.get("id");
        // Screening, the alert and the case it opens are on their way.
        walk.midway();

        // Screening raises a sanctions-hit alert...
        Map<String, Object> alert = Awaitility.await("the sanctions hit")
                .atMost(walk.within(Duration.ofSeconds(30)))
                .pollInterval(Duration.ofMillis(300))
                .until(
                        () -> items(
                                ok(thaw.get(
                                        BANK, "/api/v1/monitor/alerts?subjectId={s}&kind=SANCTIONS_HIT", subjectId)),
                                "items"),
                        alerts -> alerts.size() == 1)
                .getFirst();
        assertThat(alert).containsEntry("kind", "SANCTIONS_HIT");

        // ... which opens a restricted COMPLIANCE_HOLD review case for the bank's tenant.
        Map<String, Object> theCase = Awaitility.await("the compliance-hold case")
                .atMost(walk.within(Duration.ofSeconds(30)))
                .pollInterval(Duration.ofMillis(300))
                .until(
                        () ->
                                thaw
                                        .all("compliance", "/api/v1/cases?tenantId=bank-demo&scenario=COMPLIANCE_HOLD")
                                        .stream()
                                        .filter(c -> alert.get("id").equals(c.get("sourceAlertId")))
                                        .toList(),
                        found -> found.size() == 1)
                .getFirst();
        String caseId = (String) theCase.get("id");
        assertThat(theCase)
                .containsEntry("scenario", "COMPLIANCE_HOLD")
                .containsEntry("restricted", true)
                .containsEntry("scope", "ACCOUNT")
                .containsEntry("tenantId", "bank-demo");

        // Only compliance officers see it: not the agent, not the bank's own users.
        thaw.get("agent", "/api/v1/cases/{id}", caseId).expectStatus().isNotFound();
        thaw.get(BANK, "/api/v1/cases/{id}", caseId).expectStatus().isNotFound();
        assertThat(thaw.all("agent", "/api/v1/cases?tenantId=bank-demo")).noneMatch(c -> caseId.equals(c.get("id")));
        // ... and the agent's attempt is on the record.
        List<Map<String, Object>> accessLog =
                ThawApi.list(thaw.get("compliance", "/api/v1/cases/{id}/access-log", caseId));
        assertThat(accessLog)
                .anySatisfy(entry -> assertThat(entry)
                        .containsEntry("action", "case.restricted_access_refused")
                        .containsEntry("actor", "agent"));

        // Staff work the bank's tenant by naming it (each such read audited): its alerts too, not only its cases.
        assertThat(items(
                        ok(thaw.get(
                                "compliance", "/api/v1/monitor/alerts?tenantId=bank-demo&subjectId={s}", subjectId)),
                        "items"))
                .extracting(found -> found.get("id"))
                .containsExactly(alert.get("id"));
        // A tenant named badly is refused by every service alike, naming the parameter and the rule, through the
        // gateway.
        for (String path : List.of(
                "/api/v1/cases?tenantId={t}",
                "/api/v1/monitor/alerts?tenantId={t}",
                "/api/v1/notifications/deliveries?tenantId={t}")) {
            WebTestClient.ResponseSpec refused = thaw.get("compliance", path, "bank demo");
            refused.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
            Map<String, Object> problem = ThawApi.problem(refused, HttpStatus.BAD_REQUEST);
            assertThat(problem).as(path).containsEntry("code", "validation_failed");
            assertThat(items(problem, "errors"))
                    .as(path)
                    .singleElement()
                    .satisfies(error ->
                            assertThat(error).containsEntry("field", "tenantId").containsEntry("rule", "Pattern"));
        }

        // The legal hold is placed on its evidence at once.
        Map<String, Object> holds = Awaitility.await("the legal hold")
                .atMost(walk.within(Duration.ofSeconds(30)))
                .pollInterval(Duration.ofMillis(300))
                .ignoreExceptions()
                .until(
                        () -> ok(thaw.get("compliance", "/api/v1/evidence/cases/{id}/holds", caseId)),
                        h -> Boolean.TRUE.equals(h.get("held")));
        assertThat(items(holds, "holds")).isNotEmpty();

        // Every message to the holder is the fixed notice: the script, and what was actually delivered.
        Map<String, Object> scripts = ok(thaw.get("compliance", "/api/v1/cases/{id}/scripts?lang=en", caseId));
        assertThat(((Map<?, ?>) scripts.get("scripts")).get("holderUpdate")).isEqualTo(FIXED_NOTICE);
        List<Map<String, Object>> toHolder = Awaitility.await("the holder told")
                .atMost(walk.within(Duration.ofSeconds(60)))
                .pollInterval(Duration.ofMillis(500))
                .until(
                        () -> thaw.all(BANK, "/api/v1/notifications/deliveries").stream()
                                .filter(d -> caseId.equals(d.get("caseId")) && "CLIENT".equals(d.get("recipientKind")))
                                .toList(),
                        d -> !d.isEmpty());
        for (Map<String, Object> delivery : toHolder) {
            Map<String, Object> detail =
                    ok(thaw.get(BANK, "/api/v1/notifications/deliveries/{id}", delivery.get("id")));
            assertThat(detail.get("text"))
                    .as("message %s", delivery.get("eventType"))
                    .isEqualTo(FIXED_NOTICE);
            assertThat(detail.get("subject"))
                    .as("message %s", delivery.get("eventType"))
                    .isEqualTo("Account temporarily unavailable");
        }
        return new Walked("compliance", caseId, subjectId, null);
    }
}
