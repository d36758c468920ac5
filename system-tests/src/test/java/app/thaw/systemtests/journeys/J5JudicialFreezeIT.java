package app.thaw.systemtests.journeys;

import static app.thaw.systemtests.support.ThawApi.items;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import app.thaw.systemtests.support.ThawApi;
import app.thaw.systemtests.support.ThawPlatform;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.http.HttpStatus;

/**
 * Journey 5 (docs/domain.md §12): a judicial freeze. The notice names the authority and the file number;
 * past the resolution clock the case escalates, to a supervisor and then to legal; it cannot be
 * resolved without the authority's release reference.
 */
@ExtendWith(ThawPlatform.class)
@Order(50)
class J5JudicialFreezeIT {

    static final String NOTICE = "根据上海市浦东新区人民法院（2025）沪0115执保1234号民事裁定书，对您名下账户予以司法冻结。" + "联系人：王法官，电话 021-5888 1234。";

    @Test
    void aJudicialFreezeIsEscalatedToLegalAndResolvesOnlyWithTheReleaseReference(ThawPlatform platform) {
        judicialFreeze(Walk.alone(new ThawApi(platform)));
    }

    /** The journey's steps, walked on one instance or with instances killed at its midpoint ({@link Walk}). */
    static Walked judicialFreeze(Walk walk) {
        ThawApi thaw = walk.thaw();

        // The merchant files the court's notice.
        Map<String, Object> opened = thaw.openCase(
                "globex-admin",
                Map.of(
                        "holder",
                        Map.of(
                                "type",
                                "ENTERPRISE",
                                "displayName",
                                "Globex Trading (Shanghai) Co., Ltd.",
                                "accountReference",
                                "GX-2025-77"),
                        "platform",
                        "Alipay",
                        "noticeText",
                        NOTICE,
                        "noticeReference",
                        "沪0115执保1234"));
        String caseId = (String) opened.get("id");

        // Triage reads the authority and the file number off the notice.
        assertThat(opened).containsEntry("scenario", "JUDICIAL_FREEZE").containsEntry("scope", "ACCOUNT");
        @SuppressWarnings("unchecked")
        Map<String, Object> facts = (Map<String, Object>) ((Map<String, Object>) opened.get("triage")).get("facts");
        assertThat(facts).containsEntry("authority", "上海市浦东新区人民法院");
        assertThat((String) facts.get("fileNumber")).contains("沪0115执保1234号");
        assertThat(items(opened, "checklist"))
                .extracting(item -> item.get("code"))
                .contains("ENFORCEMENT_NOTICE");

        // The case's opening event is on its way to evidence-service, which puts the case's evidence under legal hold
        // at once: a judicial scenario.
        walk.midway();
        org.awaitility.Awaitility.await("the automatic legal hold")
                .atMost(walk.within(Duration.ofSeconds(30)))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> holds(thaw, caseId), holds -> Boolean.TRUE.equals(holds.get("held")));

        // The merchant prepares and submits; the platform reviews.
        for (String to : List.of("GATHERING_EVIDENCE", "SUBMITTED", "UNDER_REVIEW")) {
            thaw.transition(
                    "globex-admin",
                    caseId,
                    to,
                    "judicial freeze: evidence chain assembled for the authority",
                    Map.of());
        }

        // The authority takes its time: past 3 business days without a resolution the case goes to
        // a supervisor...
        thaw.advance(Duration.ofDays(6));
        thaw.awaitCase(
                "supervisor",
                caseId,
                "escalated to a supervisor",
                c -> c.get("escalation") instanceof Map<?, ?> e && "SUPERVISOR".equals(e.get("level")),
                walk.within(Duration.ofSeconds(60)));
        // ... and as long again without one, to legal.
        thaw.advance(Duration.ofDays(6));
        Map<String, Object> escalated = thaw.awaitCase(
                "supervisor",
                caseId,
                "escalated to legal",
                c -> c.get("escalation") instanceof Map<?, ?> e && "LEGAL".equals(e.get("level")),
                walk.within(Duration.ofSeconds(60)));
        assertThat(escalated).containsEntry("status", "UNDER_REVIEW");
        assertThat(escalated.get("escalation").toString()).contains("LEGAL");
        List<Map<String, Object>> timeline =
                ThawApi.list(thaw.get("supervisor", "/api/v1/cases/{id}/timeline", caseId));
        assertThat(timeline.toString()).contains("SUPERVISOR", "LEGAL");

        // Only the authority can lift it: resolution without its release notice is refused.
        Map<String, Object> refused = ThawApi.problem(
                thaw.transitionResponse("supervisor", caseId, "RESOLVED", "platform says funds are free", Map.of()),
                HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(refused).containsEntry("code", "release_reference_required");
        assertThat(thaw.caseOf("globex-admin", caseId)).containsEntry("status", "UNDER_REVIEW");

        Map<String, Object> resolved = thaw.transition(
                "supervisor",
                caseId,
                "RESOLVED",
                "the court lifted the preservation order",
                Map.of("releaseReference", "（2025）沪0115执保解1234号", "resolution", "RESTORED"));
        assertThat(resolved)
                .containsEntry("status", "RESOLVED")
                .containsEntry("releaseReference", "（2025）沪0115执保解1234号");
        return new Walked("supervisor", caseId, null, null);
    }

    /** The case's legal holds as evidence-service shows them (404 until it has learnt the case from case-service). */
    private static Map<String, Object> holds(ThawApi thaw, String caseId) {
        var response = thaw.get("globex-admin", "/api/v1/evidence/cases/{id}/holds", caseId);
        return ThawApi.body(response);
    }
}
