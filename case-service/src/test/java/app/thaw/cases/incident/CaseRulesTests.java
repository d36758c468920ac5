package app.thaw.cases.incident;

import static app.thaw.cases.incident.CaseClocksTests.contact;
import static app.thaw.cases.incident.CaseFixtures.POLICY;
import static app.thaw.cases.incident.CaseFixtures.SHANGHAI;
import static app.thaw.cases.incident.CaseFixtures.move;
import static app.thaw.cases.incident.CaseFixtures.open;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Contacts logged after the fact, and clocks on a decided case. */
class CaseRulesTests {

    static final Instant SUBMITTED = Instant.parse("2025-11-03T02:00:00Z"); // Monday 10:00 in Shanghai
    static final Instant NOW = SUBMITTED.plus(Duration.ofHours(4));

    static IncidentCase submitted() {
        IncidentCase c = open(Scenario.RISK_TXN, EntityType.ENTERPRISE, SUBMITTED);
        move(c, SUBMITTED, CaseStatus.GATHERING_EVIDENCE, CaseStatus.SUBMITTED);
        return c;
    }

    static List<CaseClock> liveFollowUps(IncidentCase c) {
        return c.clocks(
                clock -> clock.kind() == ClockKind.FOLLOW_UP && clock.state().open());
    }

    @Test
    void aContactLoggedAfterTheFactKeepsTheLiveFollowUpsAndPlansNoneAlreadyBreached() {
        IncidentCase c = submitted();
        List<CaseClock> before = liveFollowUps(c);

        // A call made two weeks ago, logged now, with a 3-business-day cycle: its chase would be long past.
        c.logContact(contact(SUBMITTED.minus(Duration.ofDays(14)), null, 3), SHANGHAI, NOW, "agent");

        assertThat(liveFollowUps(c)).isEqualTo(before);
        assertThat(c.clocks(clock -> clock.kind() == ClockKind.FOLLOW_UP)).hasSize(before.size());
        assertThat(c.clocks(clock ->
                        clock.kind() == ClockKind.FOLLOW_UP && !clock.dueAt().isAfter(NOW)))
                .as("no follow-up already due")
                .isEmpty();
        assertThat(c.timeline()).anySatisfy(line -> assertThat(line.type()).isEqualTo("follow_up_not_planned"));
        assertThat(c.contacts()).hasSize(1);
    }

    @Test
    void aContactOlderThanTheLiveChaseDoesNotSupersedeItEvenWithAFuturePromise() {
        IncidentCase c = submitted();
        List<CaseClock> before = liveFollowUps(c);

        c.logContact(
                contact(SUBMITTED.minus(Duration.ofHours(1)), SUBMITTED.plus(Duration.ofDays(30)), null),
                SHANGHAI,
                NOW,
                "agent");

        assertThat(liveFollowUps(c)).isEqualTo(before);
    }

    @Test
    void aCurrentContactStillReplansTheChase() {
        IncidentCase c = submitted();

        c.logContact(contact(NOW, NOW.plus(Duration.ofDays(2)), null), SHANGHAI, NOW, "agent");

        assertThat(liveFollowUps(c))
                .singleElement()
                .extracting(CaseClock::dueAt)
                .isEqualTo(NOW.plus(Duration.ofDays(2)));
        assertThat(c.timeline())
                .anySatisfy(line -> assertThat(line.summary()).contains("a newer contact re-planned the chase"));
    }

    @Test
    void resolvingStopsEveryClockOfTheCaseWithTheReason() {
        IncidentCase c = submitted();
        assertThat(c.clocks(clock ->
                        clock.kind() == ClockKind.TASK_DUE && clock.state().open()))
                .isNotEmpty();
        c.pullEvents();

        move(c, NOW, CaseStatus.UNDER_REVIEW);
        c.transition(
                CaseStatus.RESOLVED,
                "platform released the funds",
                null,
                null,
                List.of(),
                POLICY,
                SHANGHAI,
                NOW,
                "agent");

        assertThat(c.clocks(clock -> clock.state().open()))
                .as("no clock runs on a resolved case")
                .isEmpty();
        List<CaseEvent.ClockCancelled> cancelled = c.pullEvents().stream()
                .filter(CaseEvent.ClockCancelled.class::isInstance)
                .map(CaseEvent.ClockCancelled.class::cast)
                .toList();
        assertThat(cancelled)
                .isNotEmpty()
                .allSatisfy(event -> assertThat(event.reason()).isNotBlank());
        assertThat(cancelled)
                .filteredOn(event -> event.clock().kind() == ClockKind.TASK_DUE)
                .isNotEmpty()
                .allSatisfy(event -> assertThat(event.reason()).contains("resolved", "platform released the funds"));
        assertThat(c.timeline())
                .anySatisfy(line -> assertThat(line.summary()).contains("cancelled: the case was resolved"));
    }

    @Test
    void aRejectionStopsEveryClockToo() {
        IncidentCase c = submitted();

        move(c, NOW, CaseStatus.UNDER_REVIEW);
        c.transition(CaseStatus.REJECTED, "appeal refused", null, null, List.of(), POLICY, SHANGHAI, NOW, "agent");

        assertThat(c.clocks(clock -> clock.state().open())).isEmpty();
    }
}
