package app.thaw.notifications.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import app.thaw.notifications.NotificationsTestBase;
import app.thaw.platform.timers.Timers;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

class ReminderTests extends NotificationsTestBase {

    @Autowired
    Timers timers;

    Instant start;

    String tenantWithStaff() {
        String tenant = newTenant();
        registerStaff(tenant, "Agent", "agent-1", "staff_agent");
        registerStaff(tenant, "Supervisor", "boss-1", "staff_supervisor");
        start = Instant.parse("2031-05-04T08:00:00Z").plusSeconds((long) (Math.random() * 100_000));
        clock.set(start);
        return tenant;
    }

    void clockSet(String tenant, String clockId, Instant dueAt, boolean urgent) {
        clockSet(tenant, clockId, clock.instant(), dueAt, urgent);
    }

    void clockSet(String tenant, String clockId, Instant setAt, Instant dueAt, boolean urgent) {
        clockSet(tenant, clockId, setAt, dueAt, urgent, null, null);
    }

    void clockSet(
            String tenant,
            String clockId,
            Instant setAt,
            Instant dueAt,
            boolean urgent,
            Long sequence,
            String ownerUserId) {
        Map<String, Object> data = new HashMap<>(caseData(
                "case-r",
                "RISK_TXN",
                false,
                "clockId",
                clockId,
                "clock",
                "FOLLOW_UP",
                "dueAt",
                dueAt.toString(),
                "ownerRole",
                "staff_agent",
                "urgent",
                urgent));
        data.put("label", "Follow up with LianLian");
        if (ownerUserId != null) {
            data.put("ownerUserId", ownerUserId);
        }
        deliver(event(tenant, "thaw.case.clock_set", "case-r", setAt, data).withSequence(sequence))
                .expectStatus()
                .isOk();
    }

    void clockEvent(String tenant, String type, String clockId) {
        clockEvent(tenant, type, clockId, null);
    }

    void clockEvent(String tenant, String type, String clockId, Long sequence) {
        deliver(event(
                                tenant,
                                type,
                                "case-r",
                                caseData(
                                        "case-r",
                                        "RISK_TXN",
                                        false,
                                        "clockId",
                                        clockId,
                                        "clock",
                                        "FOLLOW_UP",
                                        "metAt",
                                        clock.instant().toString(),
                                        "reason",
                                        "re-planned",
                                        "waitingOn",
                                        "HOLDER"))
                        .withSequence(sequence))
                .expectStatus()
                .isOk();
    }

    @Test
    void aSetThatArrivesAfterItsClockWasMetArmsNothingAndEscalatesToNobody() {
        String tenant = tenantWithStaff();
        Instant due = start.plus(Duration.ofMinutes(15));
        // Delivered out of order: the clock was met (sequence 4) before its set (sequence 3) arrived.
        clockEvent(tenant, "thaw.case.clock_met", "clk-golden", 4L);
        clockSet(tenant, "clk-golden", start, due, true, 3L, null);

        at(due.minus(Duration.ofMinutes(10)));
        assertThat(inboxAt(due.plus(Duration.ofHours(2)), tenant, "agent-1")).isEmpty();
        assertThat(inbox(tenant, "boss-1")).as("no escalation either").isEmpty();
    }

    @Test
    void aMetClockStaysMetEvenWhenItsEventsCarryNoSequence() {
        String tenant = tenantWithStaff();
        Instant due = start.plus(Duration.ofHours(2));
        clockEvent(tenant, "thaw.case.clock_cancelled", "clk-unnumbered");
        clockSet(tenant, "clk-unnumbered", due, false);

        assertThat(inboxAt(due.minus(Duration.ofMinutes(10)), tenant, "agent-1"))
                .isEmpty();
    }

    @Test
    void anOlderSetArrivingAfterANewerOneDoesNotMoveTheReminders() {
        String tenant = tenantWithStaff();
        Instant first = start.plus(Duration.ofHours(2));
        Instant moved = start.plus(Duration.ofHours(5));
        clockSet(tenant, "clk-moved", start, moved, false, 7L, null);
        clockSet(tenant, "clk-moved", start, first, false, 3L, null);

        assertThat(inboxAt(first.minus(Duration.ofMinutes(10)), tenant, "agent-1"))
                .as("the older deadline's reminders")
                .isEmpty();
        assertThat(inboxAt(moved.minus(Duration.ofMinutes(60)), tenant, "agent-1"))
                .hasSize(1);
    }

    @Test
    void aPauseOlderThanTheResumeIsIgnored() {
        String tenant = tenantWithStaff();
        Instant due = start.plus(Duration.ofHours(2));
        clockSet(tenant, "clk-resumed", start, due, false, 6L, null);
        clockEvent(tenant, "thaw.case.clock_paused", "clk-resumed", 5L);

        assertThat(inboxAt(due.minus(Duration.ofMinutes(60)), tenant, "agent-1"))
                .hasSize(1);
    }

    @Test
    void aClockWithAnOwnerRemindsThatPersonAloneNotEveryoneWithTheRole() {
        String tenant = tenantWithStaff();
        secondAgent(tenant);
        Instant due = start.plus(Duration.ofHours(2));
        clockSet(tenant, "clk-owned", start, due, false, 3L, "agent-2");

        assertThat(inboxAt(due.minus(Duration.ofMinutes(60)), tenant, "agent-2"))
                .hasSize(1);
        assertThat(inbox(tenant, "agent-1")).isEmpty();
        assertThat(inbox(tenant, "boss-1")).isEmpty();
    }

    /** A second agent holding the same role as agent-1, so a test can tell "the owner" from "the role". */
    void secondAgent(String tenant) {
        registerStaff(tenant, "Second agent", "agent-2", "staff_agent");
    }

    @Test
    void aBreachedClockWithAnAssigneeTellsThatPersonAndTheSupervisorsNotEveryoneWithTheRole() {
        String tenant = tenantWithStaff();
        secondAgent(tenant);
        deliver(event(
                                tenant,
                                "thaw.case.clock_breached",
                                "case-r",
                                Map.of(
                                        "caseId", "case-r",
                                        "reference", "acme-C-2031-000007",
                                        "clockId", "clk-breached",
                                        "clock", "PARTNER_REVIEW_2H",
                                        "dueAt", start.toString(),
                                        "ownerRole", "staff_agent",
                                        "ownerUserId", "agent-2"))
                        .withSequence(9L))
                .expectStatus()
                .isOk();
        settle();

        assertThat(inbox(tenant, "agent-2")).hasSize(1);
        assertThat(inbox(tenant, "agent-1")).isEmpty();
        assertThat(inbox(tenant, "boss-1")).hasSize(1);
    }

    @Test
    void aDueTaskTellsEveryoneWithItsRoleAndNobodyElse() {
        String tenant = tenantWithStaff();
        secondAgent(tenant);
        deliver(event(
                        tenant,
                        "thaw.case.task_due",
                        "case-r",
                        Map.of(
                                "caseId", "case-r",
                                "reference", "acme-C-2031-000008",
                                "taskId", "task_3",
                                "title", "Call the platform's review line",
                                "ownerRole", "staff_agent",
                                "dueAt", start.toString())))
                .expectStatus()
                .isOk();
        settle();

        assertThat(inbox(tenant, "agent-1")).hasSize(1);
        assertThat(inbox(tenant, "agent-2")).hasSize(1);
        assertThat(inbox(tenant, "boss-1")).isEmpty();
    }

    List<Document> inbox(String tenant, String user) {
        return mongo.find(
                        Query.query(Criteria.where("tenantId")
                                .is(tenant)
                                .and("userId")
                                .is(user)),
                        Document.class,
                        "inbox")
                .collectList()
                .block();
    }

    /** {@code user}'s inbox once the clock is at {@code when} and every timer due by then has fired. */
    List<Document> inboxAt(Instant when, String tenant, String user) {
        at(when);
        return inbox(tenant, user);
    }

    void at(Instant when) {
        clock.set(when);
        timers.fireDue().block();
        settle();
    }

    @Test
    void aReminderNamesTheCaseByItsReferenceNeverItsId() {
        String tenant = tenantWithStaff();
        Instant due = start.plus(Duration.ofHours(2));
        Map<String, Object> data = new HashMap<>(caseData(
                "0b6f2c1e-6c1a-4d59-9f0e-2f6f8c7f4a11",
                "RISK_TXN",
                false,
                "reference",
                "acme-C-2031-000007",
                "clockId",
                "clk-ref",
                "clock",
                "NOTICE_DEADLINE",
                "dueAt",
                due.toString(),
                "ownerRole",
                "staff_agent",
                "urgent",
                false));
        data.put("label", "Deadline stated by the notice: 3个工作日内");
        deliver(event(tenant, "thaw.case.clock_set", "0b6f2c1e-6c1a-4d59-9f0e-2f6f8c7f4a11", clock.instant(), data))
                .expectStatus()
                .isOk();

        assertThat(inboxAt(due.minus(Duration.ofMinutes(60)), tenant, "agent-1"))
                .singleElement()
                .satisfies(item -> {
                    assertThat(item.getString("title"))
                            .isEqualTo("[acme-C-2031-000007] Deadline stated by the notice: 3个工作日内: due in 60 min");
                    assertThat(item.toJson()).doesNotContain("on case 0b6f2c1e");
                });
    }

    @Test
    void aDeadlineGetsRemindersSixtyThirtyAndTenMinutesBeforeItForItsOwner() {
        String tenant = tenantWithStaff();
        Instant due = start.plus(Duration.ofHours(2));
        clockSet(tenant, "clk-1", due, false);

        assertThat(inboxAt(due.minus(Duration.ofMinutes(61)), tenant, "agent-1"))
                .isEmpty();
        assertThat(inboxAt(due.minus(Duration.ofMinutes(60)), tenant, "agent-1"))
                .singleElement()
                .satisfies(item -> assertThat(item.getString("title"))
                        .isEqualTo("[case-r] Follow up with LianLian: due in 60 min"));
        at(due.minus(Duration.ofMinutes(30)));
        assertThat(inboxAt(due.minus(Duration.ofMinutes(10)), tenant, "agent-1"))
                .extracting(item -> item.getString("title"))
                .containsExactlyInAnyOrder(
                        "[case-r] Follow up with LianLian: due in 60 min",
                        "[case-r] Follow up with LianLian: due in 30 min",
                        "[case-r] Follow up with LianLian: due in 10 min");
        assertThat(inbox(tenant, "boss-1")).isEmpty();
    }

    @Test
    void aReminderThatPassedWhileTheDeadlineWasOnItsWayStillReachesTheOwnerMarkedLate() {
        String tenant = tenantWithStaff();
        Instant due = start.plus(Duration.ofHours(2));
        clock.set(due.minus(Duration.ofMinutes(59)));
        clockSet(tenant, "clk-late", start, due, false);

        assertThat(inboxAt(clock.instant(), tenant, "agent-1"))
                .singleElement()
                .satisfies(item -> assertThat(item.getString("title"))
                        .isEqualTo("[case-r] Follow up with LianLian: due in 60 min"));
        Document reminder = mongo.findOne(
                        Query.query(Criteria.where("tenantId")
                                .is(tenant)
                                .and("clockId")
                                .is("clk-late")),
                        Document.class,
                        "reminders")
                .block();
        assertThat(reminder.get("payload", Document.class).getBoolean("late")).isTrue();
        assertThat(reminder.getDate("remindAt").toInstant())
                .as("when it was due")
                .isEqualTo(due.minus(Duration.ofMinutes(60)));
        assertThat(reminder.getDate("firedAt").toInstant()).isEqualTo(due.minus(Duration.ofMinutes(59)));
    }

    @Test
    void aMovedDeadlineMovesItsReminders() {
        String tenant = tenantWithStaff();
        Instant due = start.plus(Duration.ofHours(2));
        clockSet(tenant, "clk-2", due, false);
        Instant moved = due.plus(Duration.ofHours(1));
        clockSet(tenant, "clk-2", moved, false);

        assertThat(inboxAt(due.minus(Duration.ofMinutes(10)), tenant, "agent-1"))
                .isEmpty();
        assertThat(inboxAt(moved.minus(Duration.ofMinutes(60)), tenant, "agent-1"))
                .hasSize(1);
    }

    @Test
    void aMetOrCancelledDeadlineSendsNoMoreReminders() {
        String tenant = tenantWithStaff();
        Instant due = start.plus(Duration.ofHours(2));
        clockSet(tenant, "clk-3", due, false);
        clockSet(tenant, "clk-4", due, false);
        assertThat(inboxAt(due.minus(Duration.ofMinutes(60)), tenant, "agent-1"))
                .hasSize(2);

        clockEvent(tenant, "thaw.case.clock_met", "clk-3");
        clockEvent(tenant, "thaw.case.clock_cancelled", "clk-4");
        assertThat(inboxAt(due, tenant, "agent-1")).hasSize(2);
    }

    @Test
    void anUrgentReminderNotAcknowledgedInTimeGoesToTheSupervisor() {
        String tenant = tenantWithStaff();
        Instant due = start.plus(Duration.ofMinutes(45));
        clockSet(tenant, "clk-5", due, true);

        assertThat(inboxAt(due.minus(Duration.ofMinutes(30)), tenant, "agent-1"))
                .hasSize(1);
        assertThat(inboxAt(due.minus(Duration.ofMinutes(25)), tenant, "boss-1"))
                .singleElement()
                .satisfies(item -> assertThat(item.getString("title"))
                        .isEqualTo("[case-r] Unacknowledged urgent reminder: Follow up with LianLian"));
    }

    @Test
    void anAcknowledgedUrgentReminderDoesNotEscalate() {
        String tenant = tenantWithStaff();
        Instant due = start.plus(Duration.ofMinutes(45));
        clockSet(tenant, "clk-6", due, true);
        at(due.minus(Duration.ofMinutes(30)));
        Map<?, ?> page = getAs(token(tenant, "agent-1", "staff_agent"), "/api/v1/notifications/reminders")
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        String reminderId = (String) ((Map<?, ?>) ((List<?>) page.get("items")).getFirst()).get("id");

        postAs(token(tenant, "agent-1", "staff_agent"), "/api/v1/notifications/reminders/{id}/acknowledge", reminderId)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.acknowledgedAt")
                .exists();
        postAs(
                        token(newTenant(), "agent-1", "staff_agent"),
                        "/api/v1/notifications/reminders/{id}/acknowledge",
                        reminderId)
                .expectStatus()
                .isNotFound();
        assertThat(inboxAt(due, tenant, "boss-1")).isEmpty();
    }
}
