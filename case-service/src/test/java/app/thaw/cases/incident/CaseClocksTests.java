package app.thaw.cases.incident;

import static app.thaw.cases.incident.CaseFixtures.CALENDARS;
import static app.thaw.cases.incident.CaseFixtures.POLICY;
import static app.thaw.cases.incident.CaseFixtures.SHANGHAI;
import static app.thaw.cases.incident.CaseFixtures.move;
import static app.thaw.cases.incident.CaseFixtures.open;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import app.thaw.cases.calendar.BusinessCalendar;
import app.thaw.cases.calendar.TenantCalendarSettings;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class CaseClocksTests {

    // Tuesday 2025-09-30 10:00 in Shanghai, the eve of Golden Week (1–8 October off, Saturday 11 October worked).
    static final Instant EVE_OF_GOLDEN_WEEK = ZonedDateTime.of(2025, 9, 30, 10, 0, 0, 0, ZoneId.of("Asia/Shanghai"))
            .toInstant();

    @Test
    void goldenFifteenIsMetByTheFirstClientNotificationAndBreachedWithoutIt() {
        IncidentCase met = open(Scenario.RISK_TXN, EntityType.ENTERPRISE, EVE_OF_GOLDEN_WEEK);
        IncidentCase missed = open(Scenario.RISK_TXN, EntityType.ENTERPRISE, EVE_OF_GOLDEN_WEEK);
        String golden =
                met.clocks(c -> c.kind() == ClockKind.GOLDEN_15).getFirst().id();
        String goldenMissed =
                missed.clocks(c -> c.kind() == ClockKind.GOLDEN_15).getFirst().id();

        assertThat(met.clientNotified(EVE_OF_GOLDEN_WEEK.plusSeconds(600), EVE_OF_GOLDEN_WEEK.plusSeconds(601)))
                .isTrue();
        assertThat(met.clientNotified(EVE_OF_GOLDEN_WEEK.plusSeconds(700), EVE_OF_GOLDEN_WEEK.plusSeconds(701)))
                .isFalse();
        assertThat(met.clockDue(golden, EVE_OF_GOLDEN_WEEK.plusSeconds(900))).isFalse();
        assertThat(met.clock(golden).orElseThrow().took()).isEqualTo(Duration.ofMinutes(10));

        assertThat(missed.clockDue(goldenMissed, EVE_OF_GOLDEN_WEEK.plusSeconds(899)))
                .isFalse();
        assertThat(missed.clockDue(goldenMissed, EVE_OF_GOLDEN_WEEK.plusSeconds(900)))
                .isTrue();
        assertThat(missed.clock(goldenMissed).orElseThrow().state()).isEqualTo(ClockState.BREACHED);
        assertThat(missed.unmetBreach()).isTrue();
        assertThat(missed.clockDue(goldenMissed, EVE_OF_GOLDEN_WEEK.plusSeconds(960)))
                .as("a repeated firing breaches once")
                .isFalse();
    }

    @Test
    void whenTheCasesDeadlineTimerFiresEveryClockDueByThenIsBreachedAndNoOther() {
        IncidentCase c = open(Scenario.ACCOUNT_TAKEOVER, EntityType.INDIVIDUAL, EVE_OF_GOLDEN_WEEK);

        assertThat(c.deadlinesPassed(EVE_OF_GOLDEN_WEEK.plusSeconds(21 * 60))).isTrue();

        assertThat(c.clocks(clock -> clock.state() == ClockState.BREACHED))
                .extracting(CaseClock::kind)
                .contains(ClockKind.GOLDEN_15, ClockKind.TAKEOVER_FREEZE_15, ClockKind.TAKEOVER_PROOF_20)
                .doesNotContain(ClockKind.TAKEOVER_CONTACT_30);
        assertThat(c.nextClockDueAt()).isEqualTo(EVE_OF_GOLDEN_WEEK.plusSeconds(30 * 60));
        assertThat(c.deadlinesPassed(EVE_OF_GOLDEN_WEEK.plusSeconds(21 * 60)))
                .as("fired again: nothing more is due")
                .isFalse();
    }

    @Test
    void takeoverClocksRunFifteenTwentyAndThirtyMinutesFromDetection() {
        Instant detected = Instant.parse("2025-10-10T19:00:00Z"); // 03:00 in Shanghai
        IncidentCase c = open(Scenario.ACCOUNT_TAKEOVER, EntityType.INDIVIDUAL, detected, detected.plusSeconds(300));

        assertThat(c.clocks(clock -> clock.kind().name().startsWith("TAKEOVER_")))
                .extracting(clock -> clock.kind() + "@"
                        + Duration.between(detected, clock.dueAt()).toMinutes())
                .containsExactly("TAKEOVER_FREEZE_15@15", "TAKEOVER_PROOF_20@20", "TAKEOVER_CONTACT_30@30");

        String freezeTask = c.tasks().stream()
                .filter(t -> t.clockId()
                        .equals(c.clocks(k -> k.kind() == ClockKind.TAKEOVER_FREEZE_15)
                                .getFirst()
                                .id()))
                .findFirst()
                .orElseThrow()
                .id();
        c.completeTask(freezeTask, null, detected.plusSeconds(12 * 60), "agent");
        assertThat(c.clocks(k -> k.kind() == ClockKind.TAKEOVER_FREEZE_15)
                        .getFirst()
                        .state())
                .isEqualTo(ClockState.MET);
    }

    @Test
    void clocksRunOnVirtualTime() {
        IncidentCase c = open(Scenario.RISK_TXN, EntityType.ENTERPRISE, EVE_OF_GOLDEN_WEEK);
        CaseClock golden =
                c.clocks(clock -> clock.kind() == ClockKind.GOLDEN_15).getFirst();

        // The timer's wait, on Reactor's virtual clock: nothing happens before 15 minutes, a breach at 15.
        StepVerifier.withVirtualTime(() -> Mono.delay(Duration.between(golden.startedAt(), golden.dueAt()))
                        .map(tick -> c.clockDue(golden.id(), golden.dueAt())))
                .expectSubscription()
                .expectNoEvent(Duration.ofMinutes(14))
                .thenAwait(Duration.ofMinutes(1))
                .expectNext(true)
                .verifyComplete();
    }

    @Test
    void waitingOnTheHolderPausesTaskAndResolutionClocksAndTheDelayReportSaysWhoHeldTheCase() {
        IncidentCase c = open(Scenario.RISK_TXN, EntityType.ENTERPRISE, EVE_OF_GOLDEN_WEEK);
        CaseClock task = c.clocks(clock -> clock.kind() == ClockKind.TASK_DUE).getFirst();
        CaseClock golden =
                c.clocks(clock -> clock.kind() == ClockKind.GOLDEN_15).getFirst();
        Instant t1 = EVE_OF_GOLDEN_WEEK.plusSeconds(60);
        Instant t2 = t1.plusSeconds(7200);
        Instant t3 = t2.plusSeconds(1800);

        c.waitOn(Party.HOLDER, POLICY, t1, "agent");
        assertThat(c.clock(task.id()).orElseThrow().state()).isEqualTo(ClockState.PAUSED);
        assertThat(c.clock(golden.id()).orElseThrow().state())
                .as("the golden 15 never pauses")
                .isEqualTo(ClockState.RUNNING);
        assertThat(c.clockDue(task.id(), task.dueAt()))
                .as("a paused clock does not breach")
                .isFalse();

        c.waitOn(Party.PLATFORM, POLICY, t2, "agent");
        assertThat(c.clock(task.id()).orElseThrow().state()).isEqualTo(ClockState.RUNNING);
        assertThat(c.clock(task.id()).orElseThrow().dueAt())
                .isEqualTo(task.dueAt().plusSeconds(7200));

        assertThat(c.delayByParty(t3))
                .containsEntry(Party.HOLDER, Duration.ofHours(2))
                .containsEntry(Party.PLATFORM, Duration.ofMinutes(30));
    }

    @Test
    void withNothingPromisedFollowUpsFallFiveAndSevenBusinessDaysAfterSubmissionAcrossGoldenWeek() {
        IncidentCase c = open(Scenario.RISK_TXN, EntityType.ENTERPRISE, EVE_OF_GOLDEN_WEEK);
        move(c, EVE_OF_GOLDEN_WEEK, CaseStatus.GATHERING_EVIDENCE, CaseStatus.SUBMITTED);

        List<Instant> followUps = c.clocks(clock -> clock.kind() == ClockKind.FOLLOW_UP).stream()
                .map(CaseClock::dueAt)
                .toList();

        assertThat(followUps).containsExactly(shanghai(2025, 10, 14, 10), shanghai(2025, 10, 16, 10));
        // 3 business days: 9, 10 and 11 October (a worked Saturday).
        assertThat(c.clocks(clock -> clock.kind() == ClockKind.RESOLUTION)
                        .getFirst()
                        .dueAt())
                .isEqualTo(shanghai(2025, 10, 11, 10));
        assertThat(c.clocks(clock -> clock.kind() == ClockKind.PARTNER_REVIEW_2H)
                        .getFirst()
                        .dueAt())
                .isEqualTo(EVE_OF_GOLDEN_WEEK.plusSeconds(7200));
    }

    @Test
    void thePartnerBanksReviewStepDoneMeetsThePartnerReviewClock() {
        IncidentCase c = open(Scenario.RISK_TXN, EntityType.ENTERPRISE, EVE_OF_GOLDEN_WEEK);
        move(c, EVE_OF_GOLDEN_WEEK, CaseStatus.GATHERING_EVIDENCE, CaseStatus.SUBMITTED, CaseStatus.UNDER_REVIEW);
        CaseTask review = c.tasks().stream()
                .filter(t -> t.ownerRole().equals("partner_bank"))
                .findFirst()
                .orElseThrow();

        c.completeTask(
                review.id(),
                "proof matches the flagged transfers",
                EVE_OF_GOLDEN_WEEK.plusSeconds(3600),
                "bank-demo/analyst");

        CaseClock partnerReview =
                c.clocks(clock -> clock.kind() == ClockKind.PARTNER_REVIEW_2H).getFirst();
        assertThat(partnerReview.metAt()).isEqualTo(EVE_OF_GOLDEN_WEEK.plusSeconds(3600));
        c.deadlinesPassed(EVE_OF_GOLDEN_WEEK.plusSeconds(7200));
        assertThat(c.clock(partnerReview.id()).orElseThrow().state())
                .as("met: not breached at 2 h")
                .isNotEqualTo(ClockState.BREACHED);
    }

    @Test
    void anotherRolesStepDoneLeavesThePartnerReviewClockRunning() {
        IncidentCase c = open(Scenario.RISK_TXN, EntityType.ENTERPRISE, EVE_OF_GOLDEN_WEEK);
        move(c, EVE_OF_GOLDEN_WEEK, CaseStatus.GATHERING_EVIDENCE, CaseStatus.SUBMITTED);
        CaseTask merchantStep = c.tasks().stream()
                .filter(t -> t.ownerRole().equals("merchant_admin"))
                .findFirst()
                .orElseThrow();

        c.completeTask(merchantStep.id(), null, EVE_OF_GOLDEN_WEEK.plusSeconds(600), "acme-admin");

        assertThat(c.clocks(clock -> clock.kind() == ClockKind.PARTNER_REVIEW_2H)
                        .getFirst()
                        .metAt())
                .isNull();
    }

    @Test
    void followUpFallsInLaterHalfOfStatedCycleOnBusinessDays() {
        IncidentCase c = open(Scenario.RISK_TXN, EntityType.ENTERPRISE, EVE_OF_GOLDEN_WEEK);
        ContactEntry contact = contact(EVE_OF_GOLDEN_WEEK, null, 7);

        c.logContact(contact, SHANGHAI, EVE_OF_GOLDEN_WEEK, "agent");

        // ⌈0.7·7⌉ = 5 business days after 30 September: 9, 10, 11 (a worked Saturday), 13, 14 October.
        assertThat(c.clocks(clock -> clock.kind() == ClockKind.FOLLOW_UP)
                        .getFirst()
                        .dueAt())
                .isEqualTo(shanghai(2025, 10, 14, 10));
    }

    @Test
    void aPromisedReplyTimeSchedulesTheFollowUpThenAndSupersedesTheDefaults() {
        IncidentCase c = open(Scenario.RISK_TXN, EntityType.ENTERPRISE, EVE_OF_GOLDEN_WEEK);
        move(c, EVE_OF_GOLDEN_WEEK, CaseStatus.GATHERING_EVIDENCE, CaseStatus.SUBMITTED);
        Instant promised = EVE_OF_GOLDEN_WEEK.plus(Duration.ofDays(3));

        c.logContact(
                contact(EVE_OF_GOLDEN_WEEK.plusSeconds(60), promised, null),
                SHANGHAI,
                EVE_OF_GOLDEN_WEEK.plusSeconds(60),
                "agent");

        assertThat(c.clocks(clock ->
                        clock.kind() == ClockKind.FOLLOW_UP && clock.state().open()))
                .singleElement()
                .satisfies(clock -> assertThat(clock.dueAt()).isEqualTo(promised));
    }

    @Test
    void followUpKeepsTheLocalTimeAcrossTheSummerTimeChange() {
        BusinessCalendar berlin = CALENDARS.forTenant(TenantCalendarSettings.of("DE", "Europe/Berlin"));
        Instant friday = ZonedDateTime.of(2025, 3, 28, 9, 0, 0, 0, ZoneId.of("Europe/Berlin"))
                .toInstant();

        Instant followUp = IncidentCase.followUpFor(contact(friday, null, 1), berlin);

        // Monday 09:00 in Berlin, now summer time: 07:00 UTC, only 70 hours later.
        assertThat(followUp).isEqualTo(Instant.parse("2025-03-31T07:00:00Z"));
    }

    @Test
    void followUpIsCountedInTheTenantsTimeZoneAndHolidays() {
        BusinessCalendar newYork = CALENDARS.forTenant(TenantCalendarSettings.of("US", "America/New_York"));
        // Thursday 3 July 2025, 17:00 in New York (Friday 05:00 in Shanghai); 4 July is Independence Day.
        Instant evening = Instant.parse("2025-07-03T21:00:00Z");

        assertThat(IncidentCase.followUpFor(contact(evening, null, 1), newYork))
                .isEqualTo(Instant.parse("2025-07-07T21:00:00Z"));
        assertThat(IncidentCase.followUpFor(contact(evening, null, 1), SHANGHAI))
                .isEqualTo(Instant.parse("2025-07-06T21:00:00Z"));
    }

    @Test
    void resolutionOverdueBeyondTheTenantsLimitFlagsTheCaseForEscalation() {
        IncidentCase c = open(Scenario.RISK_TXN, EntityType.ENTERPRISE, EVE_OF_GOLDEN_WEEK);
        move(c, EVE_OF_GOLDEN_WEEK, CaseStatus.GATHERING_EVIDENCE, CaseStatus.SUBMITTED);
        CaseClock resolution =
                c.clocks(clock -> clock.kind() == ClockKind.RESOLUTION).getFirst();
        c.pullEvents();

        c.clockDue(resolution.id(), resolution.dueAt());

        assertThat(c.escalation()).isNotNull();
        assertThat(c.escalation().level()).isEqualTo(EscalationLevel.SUPERVISOR);
        assertThat(CaseFixtures.types(c.pullEvents()))
                .containsExactly("ClockBreached", "EscalationFlagged", "ClockSet");

        CaseClock legal = c.clocks(clock -> clock.kind() == ClockKind.RESOLUTION && clock.state() == ClockState.RUNNING)
                .getFirst();
        assertThat(Duration.between(legal.startedAt(), legal.dueAt()))
                .isEqualTo(Duration.between(resolution.startedAt(), resolution.dueAt()));
        c.clockDue(legal.id(), legal.dueAt());
        assertThat(c.escalation().level()).as("supervisor, then legal").isEqualTo(EscalationLevel.LEGAL);
    }

    @Test
    void aTaskPastItsDueTimePublishesTaskDue() {
        IncidentCase c = open(Scenario.RISK_TXN, EntityType.ENTERPRISE, EVE_OF_GOLDEN_WEEK);
        CaseClock task = c.clocks(clock -> clock.kind() == ClockKind.TASK_DUE).getFirst();
        c.pullEvents();

        c.clockDue(task.id(), task.dueAt().plusSeconds(1));

        assertThat(CaseFixtures.types(c.pullEvents())).containsExactly("ClockBreached", "TaskDue");
    }

    static ContactEntry contact(Instant at, Instant promised, Integer cycleDays) {
        return new ContactEntry(
                "k-" + at.getEpochSecond(),
                ContactChannel.PHONE,
                at,
                "T-100",
                "agent 7",
                "called support",
                "send invoices",
                promised,
                cycleDays,
                "agent");
    }

    static Instant shanghai(int year, int month, int day, int hour) {
        return ZonedDateTime.of(year, month, day, hour, 0, 0, 0, ZoneId.of("Asia/Shanghai"))
                .toInstant();
    }
}
