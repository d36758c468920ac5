package app.thaw.systemtests.journeys;

import static app.thaw.systemtests.support.ThawApi.clock;
import static app.thaw.systemtests.support.ThawApi.hasClock;
import static app.thaw.systemtests.support.ThawApi.items;
import static app.thaw.systemtests.support.ThawApi.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;

import app.thaw.systemtests.support.ThawApi;
import app.thaw.systemtests.support.ThawPlatform;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Journey 2 (docs/domain.md §12): an account takeover detected at 03:00 at an agency. The 15/20/30-minute
 * clocks run from detection; the client is told within 15 minutes, with two options and their
 * success estimates.
 */
@ExtendWith(ThawPlatform.class)
@Order(52)
class J2AccountTakeoverIT {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void aTakeoverAtThreeInTheMorningRunsTheFifteenTwentyAndThirtyMinuteClocksAndTellsTheClientInTime(
            ThawPlatform platform) {
        accountTakeover(Walk.alone(new ThawApi(platform)));
    }

    /** The journey's steps, walked on one instance or with instances killed at its midpoint ({@link Walk}). */
    static Walked accountTakeover(Walk walk) {
        ThawApi thaw = walk.thaw();

        // 03:00 in the tenant's zone: the night-shift detects a stolen account.
        ZonedDateTime now = thaw.now().atZone(SHANGHAI);
        ZonedDateTime three = now.with(LocalTime.of(3, 0));
        if (!three.isAfter(now)) {
            three = three.plusDays(1);
        }
        Instant detectedAt = three.toInstant();
        thaw.advanceTo(detectedAt);

        Map<String, Object> opened = thaw.openCase(
                "globex-admin",
                Map.of(
                        "holder",
                        Map.of("type", "INDIVIDUAL", "displayName", "Li Wei", "accountReference", "TB-LIWEI-8812"),
                        "platform",
                        "Taobao",
                        "noticeText",
                        "My account was hacked: someone logged in from an unknown device, "
                                + "changed the password and placed orders I did not make (非本人操作).",
                        "detectedAt",
                        detectedAt.toString()));
        String caseId = (String) opened.get("id");
        assertThat(opened).containsEntry("scenario", "ACCOUNT_TAKEOVER").containsEntry("scope", "ACCOUNT");
        // The case's opening event is on its way to notification-service.
        walk.midway();

        // The three agency clocks run from detection.
        assertThat(Instant.parse((String) clock(opened, "TAKEOVER_FREEZE_15").get("dueAt")))
                .isEqualTo(detectedAt.plus(Duration.ofMinutes(15)));
        assertThat(Instant.parse((String) clock(opened, "TAKEOVER_PROOF_20").get("dueAt")))
                .isEqualTo(detectedAt.plus(Duration.ofMinutes(20)));
        assertThat(Instant.parse((String) clock(opened, "TAKEOVER_CONTACT_30").get("dueAt")))
                .isEqualTo(detectedAt.plus(Duration.ofMinutes(30)));

        // The client is told within 15 minutes by a delivered notification.
        Map<String, Object> told = thaw.awaitCase(
                "globex-admin",
                caseId,
                "golden 15 met",
                c -> hasClock(c, "GOLDEN_15", "MET"),
                walk.within(Duration.ofSeconds(60)));
        assertThat(Duration.between(detectedAt, Instant.parse((String)
                        clock(told, "GOLDEN_15").get("metAt"))))
                .isLessThan(Duration.ofMinutes(15));
        // The opening message, delivered within those 15 minutes, tells what is being done and
        // offers two options with their success estimates.
        Map<String, Object> opening = org.awaitility.Awaitility.await("the opening message delivered")
                .atMost(walk.within(Duration.ofSeconds(30)))
                .pollInterval(Duration.ofMillis(300))
                .until(
                        () -> thaw.all("globex-admin", "/api/v1/notifications/deliveries").stream()
                                .filter(d -> caseId.equals(d.get("caseId"))
                                        && "thaw.case.opened".equals(d.get("eventType"))
                                        && "CLIENT".equals(d.get("recipientKind"))
                                        && "DELIVERED".equals(d.get("status")))
                                .toList(),
                        d -> !d.isEmpty())
                .getFirst();
        assertThat(Duration.between(detectedAt, Instant.parse((String) opening.get("deliveredAt"))))
                .isLessThan(Duration.ofMinutes(15));
        String message =
                String.valueOf(ok(thaw.get("globex-admin", "/api/v1/notifications/deliveries/{id}", opening.get("id")))
                        .get("text"));
        assertThat(message)
                .contains("Fastest", "estimated success 60%", "Most likely to succeed", "estimated success 90%");

        // The agent works the playbook against the clocks: freeze at +10, proof at +18, platform contacted at +27.
        completeTaskOf(
                thaw,
                caseId,
                "TAKEOVER_FREEZE_15",
                detectedAt.plus(Duration.ofMinutes(10)),
                "froze the account via the console");
        completeTaskOf(
                thaw,
                caseId,
                "TAKEOVER_PROOF_20",
                detectedAt.plus(Duration.ofMinutes(18)),
                "login records and screenshots saved");
        thaw.advanceTo(detectedAt.plus(Duration.ofMinutes(27)));
        ok(thaw.post(
                "agent",
                Map.of(
                        "channel",
                        "ONLINE_CHAT",
                        "at",
                        thaw.now().toString(),
                        "ticketNumber",
                        "TB-SEC-55120",
                        "summary",
                        "Reported the takeover; platform security locked the account",
                        "nextStep",
                        "identity re-verification"),
                "/api/v1/cases/{id}/contacts",
                caseId));
        Map<String, Object> worked = completeTaskOf(
                thaw, caseId, "TAKEOVER_CONTACT_30", detectedAt.plus(Duration.ofMinutes(27)), "ticket TB-SEC-55120");

        for (String kind :
                new String[] {"TAKEOVER_FREEZE_15", "TAKEOVER_PROOF_20", "TAKEOVER_CONTACT_30", "GOLDEN_15"}) {
            Map<String, Object> c = clock(worked, kind);
            assertThat(c).as(kind).containsEntry("state", "MET");
            assertThat(Instant.parse((String) c.get("metAt"))).as(kind).isBeforeOrEqualTo(Instant.parse((String)
                    c.get("dueAt")));
        }
        return new Walked("globex-admin", caseId, null, null);
    }

    private static Map<String, Object> completeTaskOf(
            ThawApi thaw, String caseId, String clockKind, Instant at, String note) {
        thaw.advanceTo(at);
        Map<String, Object> theCase = thaw.caseOf("agent", caseId);
        String clockId = (String) clock(theCase, clockKind).get("id");
        Map<String, Object> task = items(theCase, "tasks").stream()
                .filter(t -> clockId.equals(t.get("clockId")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no task for " + clockKind + " in " + theCase.get("tasks")));
        return ok(thaw.post(
                "agent", Map.of("note", note), "/api/v1/cases/{id}/tasks/{task}/done", caseId, task.get("id")));
    }
}
