package app.thaw.cases.incident;

import static app.thaw.cases.incident.CaseFixtures.CALENDARS;
import static app.thaw.cases.incident.CaseFixtures.POLICY;
import static app.thaw.cases.incident.CaseFixtures.SHANGHAI;
import static app.thaw.cases.incident.CaseFixtures.TRIAGE;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import app.thaw.cases.calendar.BusinessCalendar;
import app.thaw.cases.calendar.TenantCalendarSettings;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The time limit a notice states becomes a NOTICE_DEADLINE clock in the tenant's calendar. */
class NoticeDeadlineTests {

    // Tuesday 30 September 2025, 10:00 in Shanghai: the eve of the National Day holidays (1–8 October,
    // with Saturday 11 October a working day).
    static final Instant EVE_OF_GOLDEN_WEEK = Instant.parse("2025-09-30T02:00:00Z");

    static IncidentCase open(String notice, @Nullable BusinessCalendar calendar, Instant detectedAt, Instant now) {
        OpeningFacts facts = new OpeningFacts(
                "acme",
                "C-2025-000001",
                false,
                new Holder(EntityType.ENTERPRISE, "杭州小象贸易有限公司", "ACC-1"),
                "LianLian",
                new Notice(notice, "N-1"),
                null,
                null,
                detectedAt,
                null,
                null,
                null);
        TriageSuggestion suggestion = TRIAGE.suggest(notice);
        return IncidentCase.open(
                CaseId.random(),
                facts,
                suggestion,
                CaseFixtures.plan(IncidentCase.provisionalScenario(null, suggestion), EntityType.ENTERPRISE),
                POLICY,
                calendar,
                now,
                "agent");
    }

    static List<CaseClock> noticeClocks(IncidentCase c) {
        return c.clocks(clock -> clock.kind() == ClockKind.NOTICE_DEADLINE);
    }

    @Test
    void threeBusinessDaysStatedOnTheEveOfGoldenWeekEndOnTheMakeUpSaturday() {
        IncidentCase c = open("您的账户存在交易异常，风控审核中，请于3个工作日内提交交易凭证。", SHANGHAI, EVE_OF_GOLDEN_WEEK, EVE_OF_GOLDEN_WEEK);

        assertThat(noticeClocks(c)).singleElement().satisfies(clock -> {
            assertThat(clock.dueAt()).isEqualTo(Instant.parse("2025-10-11T02:00:00Z"));
            assertThat(clock.startedAt()).isEqualTo(EVE_OF_GOLDEN_WEEK);
            assertThat(clock.state()).isEqualTo(ClockState.RUNNING);
            assertThat(clock.label()).contains("3个工作日内");
        });
        assertThat(c.pullEvents())
                .filteredOn(
                        e -> e instanceof CaseEvent.ClockSet set && set.clock().kind() == ClockKind.NOTICE_DEADLINE)
                .as("clock_set is what notification-service turns into the 60/30/10 reminders")
                .hasSize(1);
    }

    @Test
    void calendarDaysCountInTheTenantsZoneAndHoursAsHours() {
        IncidentCase c = open(
                "Your funds are on hold pending risk review. Provide the invoices within 10 days; confirm receipt within 24 hours.",
                CALENDARS.forTenant(TenantCalendarSettings.of("US", "America/New_York")),
                Instant.parse("2025-10-30T14:00:00Z"),
                Instant.parse("2025-10-30T15:00:00Z"));

        // New York leaves summer time on 2 November: ten calendar days keep 10:00 local, so 15:00Z.
        assertThat(noticeClocks(c))
                .extracting(CaseClock::dueAt)
                .containsExactlyInAnyOrder(
                        Instant.parse("2025-11-09T15:00:00Z"), Instant.parse("2025-10-31T14:00:00Z"));
        assertThat(noticeClocks(c))
                .filteredOn(CaseClock::urgent)
                .extracting(CaseClock::dueAt)
                .containsExactly(Instant.parse("2025-10-31T14:00:00Z"));
    }

    @Test
    void withinOneHourAndHalfAnHourAreUrgentClocksFromDetection() {
        IncidentCase zh = open("您的账户存在异常登录，请于1小时内回电核实身份。", SHANGHAI, EVE_OF_GOLDEN_WEEK, EVE_OF_GOLDEN_WEEK);
        IncidentCase en = open(
                "Unusual login detected on your account: call us within one hour, or verify within half an hour in the app.",
                SHANGHAI,
                EVE_OF_GOLDEN_WEEK,
                EVE_OF_GOLDEN_WEEK);

        assertThat(noticeClocks(zh)).singleElement().satisfies(clock -> {
            assertThat(clock.dueAt()).isEqualTo(EVE_OF_GOLDEN_WEEK.plus(java.time.Duration.ofHours(1)));
            assertThat(clock.urgent()).isTrue();
            assertThat(clock.label()).contains("1小时内");
        });
        assertThat(noticeClocks(en))
                .extracting(CaseClock::dueAt)
                .containsExactlyInAnyOrder(
                        EVE_OF_GOLDEN_WEEK.plus(java.time.Duration.ofHours(1)),
                        EVE_OF_GOLDEN_WEEK.plus(java.time.Duration.ofMinutes(30)));
        assertThat(noticeClocks(en))
                .allSatisfy(clock -> assertThat(clock.urgent()).isTrue());
    }

    @Test
    void aLimitAlreadyPastAtIntakeBreachesWhenTheDeadlineTimerFires() {
        Instant detected = Instant.parse("2025-09-01T02:00:00Z");
        IncidentCase c = open("风控审核，请于3日内提交说明。", SHANGHAI, detected, EVE_OF_GOLDEN_WEEK);

        assertThat(c.deadlinesPassed(EVE_OF_GOLDEN_WEEK)).isTrue();
        assertThat(noticeClocks(c)).singleElement().extracting(CaseClock::state).isEqualTo(ClockState.BREACHED);
    }

    @Test
    void aNoticeWithoutALimitHasNoNoticeClock() {
        assertThat(noticeClocks(open("您的账户存在交易异常，风控审核中。", SHANGHAI, EVE_OF_GOLDEN_WEEK, EVE_OF_GOLDEN_WEEK)))
                .isEmpty();
    }

    @Test
    void aNoticeMatchingNoScenarioIsNotGuessedAndWaitsForAPerson() {
        IncidentCase c = open("您好，附件为本月对账单，请查收。", SHANGHAI, EVE_OF_GOLDEN_WEEK, EVE_OF_GOLDEN_WEEK);

        assertThat(c.triageSuggestion().scenario()).isNull();
        assertThat(c.needsPerson()).isTrue();
        assertThat(c.status()).isEqualTo(CaseStatus.OPEN);
        assertThat(c.timeline())
                .anySatisfy(line -> assertThat(line.summary()).contains("a person must read the notice"));

        c.triage(
                Scenario.DISPUTE_OR_VIOLATION,
                FreezeScope.FUNCTION,
                null,
                "read by staff",
                CaseFixtures.plan(Scenario.DISPUTE_OR_VIOLATION, EntityType.ENTERPRISE),
                POLICY,
                EVE_OF_GOLDEN_WEEK,
                "supervisor");
        assertThat(c.needsPerson()).isFalse();
    }
}
