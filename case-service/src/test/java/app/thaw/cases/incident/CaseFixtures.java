package app.thaw.cases.incident;

import java.time.Instant;
import java.util.List;

import app.thaw.cases.calendar.BusinessCalendar;
import app.thaw.cases.calendar.BusinessCalendars;
import app.thaw.cases.calendar.TenantCalendarSettings;
import app.thaw.cases.checklist.ChecklistCatalogue;
import app.thaw.cases.playbook.DefaultPlaybooks;
import app.thaw.cases.triage.TriageEngine;
import app.thaw.cases.triage.TriageRules;

/** Cases built the way intake builds them, for domain tests. */
public final class CaseFixtures {

    static final DefaultPlaybooks PLAYBOOKS = DefaultPlaybooks.load();
    static final TriageEngine TRIAGE = new TriageEngine(TriageRules.defaults());
    static final BusinessCalendars CALENDARS = new BusinessCalendars();
    static final BusinessCalendar SHANGHAI = CALENDARS.forTenant(TenantCalendarSettings.of("CN", "Asia/Shanghai"));
    static final CasePolicy POLICY = CasePolicy.defaults();

    private CaseFixtures() {}

    static IncidentCase open(Scenario scenario, EntityType type, Instant now) {
        return open(scenario, type, now, now);
    }

    static IncidentCase open(Scenario scenario, EntityType type, Instant detectedAt, Instant now) {
        OpeningFacts facts = new OpeningFacts(
                "acme",
                "C-2025-000001",
                false,
                new Holder(type, "Acme Trading", "ACC-1"),
                "LianLian",
                new Notice("Your account is under risk review.", "N-1"),
                new Money("1000.00", "CNY"),
                null,
                detectedAt,
                scenario,
                null,
                null);
        return open(facts, scenario, type, now);
    }

    /**
     * The case intake opens from {@code facts} (a holder of {@code type}, {@code scenario} forced), triaged and planned
     * by the defaults.
     */
    public static IncidentCase open(OpeningFacts facts, Scenario scenario, EntityType type, Instant now) {
        return IncidentCase.open(
                CaseId.random(),
                facts,
                TRIAGE.suggest(facts.notice().text()),
                plan(scenario, type),
                POLICY,
                now,
                "agent");
    }

    static ScenarioPlan plan(Scenario scenario, EntityType type) {
        return PLAYBOOKS.of(scenario).plan(ChecklistCatalogue.derive(scenario, type));
    }

    static void move(IncidentCase c, Instant now, CaseStatus... path) {
        for (CaseStatus to : path) {
            c.transition(to, "test", null, null, List.of(), POLICY, SHANGHAI, now, "agent");
        }
    }

    static List<String> types(List<CaseEvent> events) {
        return events.stream().map(event -> event.getClass().getSimpleName()).toList();
    }
}
