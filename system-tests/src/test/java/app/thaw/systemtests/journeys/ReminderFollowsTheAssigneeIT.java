package app.thaw.systemtests.journeys;

import static app.thaw.systemtests.support.ThawApi.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import app.thaw.systemtests.support.ThawApi;
import app.thaw.systemtests.support.ThawPlatform;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A case's deadline reaches the person the case is assigned to, and nobody else, across the
 * services: case-service sends {@code ownerUserId} (the assignee) with {@code thaw.case.clock_set},
 * notification-service reminds that user alone (docs/events.md). Through the gateway, real tokens.
 */
@ExtendWith(ThawPlatform.class)
@Order(56)
class ReminderFollowsTheAssigneeIT {

    static final String ADMIN = "acme-admin";
    static final String MEMBER = "acme-member";

    @Test
    void aFollowUpReminderReachesTheAssignedMemberAndNotTheOtherStaffOfTheTenant(ThawPlatform platform) {
        ThawApi thaw = new ThawApi(platform);
        String adminId = (String) ok(thaw.get(ADMIN, "/api/v1/cases/whoami")).get("subject");
        String memberId = (String) ok(thaw.get(MEMBER, "/api/v1/cases/whoami")).get("subject");
        for (Map.Entry<String, String> staff :
                Map.of("Acme admin", adminId, "Acme member", memberId).entrySet()) {
            thaw.post(
                            ADMIN,
                            Map.of(
                                    "kind",
                                    "STAFF",
                                    "name",
                                    staff.getKey(),
                                    "userId",
                                    staff.getValue(),
                                    "roles",
                                    List.of("merchant_admin", "merchant_member", "staff_agent"),
                                    "channels",
                                    List.of("IN_APP")),
                            "/api/v1/notifications/recipients")
                    .expectStatus()
                    .is2xxSuccessful();
        }
        Map<String, Object> opened = thaw.openCase(
                ADMIN,
                Map.of(
                        "holder",
                        Map.of(
                                "type",
                                "ENTERPRISE",
                                "displayName",
                                "Acme Assigned Ltd.",
                                "accountReference",
                                "LL-ACME-777"),
                        "platform",
                        "LianLian (连连支付)",
                        "noticeText",
                        J1MerchantRiskFreezeIT.RISK_NOTICE,
                        "noticeReference",
                        "LL-RR-777"));
        String caseId = (String) opened.get("id");
        ok(thaw.post(ADMIN, Map.of("assignee", memberId), "/api/v1/cases/{id}/assignment", caseId));

        Instant promised = thaw.now().plus(Duration.ofDays(2));
        Map<String, Object> contacted = thaw.phoneCallPromisingAReply(ADMIN, caseId, "LL-T-777", promised);
        String followUpId = (String) ThawApi.clock(contacted, "FOLLOW_UP").get("id");

        thaw.advanceTo(promised.minus(Duration.ofMinutes(60)).plusSeconds(5));
        Awaitility.await("the assignee's 60-minute reminder")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> !reminders(thaw, MEMBER, followUpId).isEmpty());
        assertThat(thaw.all(ADMIN, "/api/v1/notifications/reminders"))
                .anySatisfy(reminder -> assertThat(reminder).containsEntry("clockId", followUpId));
        assertThat(reminders(thaw, ADMIN, followUpId))
                .as("another staff member of the tenant")
                .isEmpty();
    }

    /**
     * In-app reminders of one clock in {@code who}'s own inbox (an item's id names the reminder's
     * timer, which names the clock). Only the follow-up, set after the assignment, is looked at: the
     * playbook's task clocks were set at opening, before anyone was assigned, and their first
     * reminders may go to everyone with the role at once.
     */
    private static List<Map<String, Object>> reminders(ThawApi thaw, String who, String clockId) {
        return thaw.all(who, "/api/v1/notifications/inbox").stream()
                .filter(item -> "thaw.reminder.due".equals(item.get("eventType")))
                .filter(item -> String.valueOf(item.get("id")).contains(clockId))
                .toList();
    }
}
