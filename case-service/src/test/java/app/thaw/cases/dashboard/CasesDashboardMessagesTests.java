package app.thaw.cases.dashboard;

import java.util.List;

import app.thaw.cases.incident.CancelCause;
import app.thaw.cases.incident.CaseStatus;
import app.thaw.cases.incident.ChecklistStatus;
import app.thaw.cases.incident.ClockKind;
import app.thaw.cases.incident.ContactChannel;
import app.thaw.cases.incident.EscalationLevel;
import app.thaw.cases.incident.FreezeScope;
import app.thaw.cases.incident.Outcome;
import app.thaw.cases.incident.Party;
import app.thaw.cases.incident.Readiness;
import app.thaw.cases.incident.Scenario;
import app.thaw.platform.testing.MessageBundles;
import org.junit.jupiter.api.Test;

/** The case pages say everything in English and in Chinese: the bundles, and the keys the templates build. */
class CasesDashboardMessagesTests {

    @Test
    void everyMessageIsInBothLanguagesAndEveryKeyTheTemplatesNameIsThere() {
        MessageBundles.assertServiceDashboard();
    }

    @Test
    void everyValueAKeyIsBuiltFromHasItsMessage() {
        MessageBundles.assertKeysFor("messages", "cases.status.", List.of(CaseStatus.values()));
        MessageBundles.assertKeysFor("messages", "cases.move.", List.of(CaseStatus.values()));
        MessageBundles.assertKeysFor("messages", "cases.scenario.", List.of(Scenario.values()));
        MessageBundles.assertKeysFor("messages", "cases.scope.", List.of(FreezeScope.values()));
        MessageBundles.assertKeysFor("messages", "cases.clock.", List.of(ClockKind.values()));
        MessageBundles.assertKeysFor("messages", "cases.channel.", List.of(ContactChannel.values()));
        // A closed case shows its outcome, whichever it is (rejected and escalated ones had no message).
        MessageBundles.assertKeysFor("messages", "cases.outcome.", List.of(Outcome.values()));
        MessageBundles.assertKeysFor("messages", "cases.checklist.", List.of(ChecklistStatus.values()));
        MessageBundles.assertKeysFor("messages", "cases.readiness.", List.of(Readiness.State.values()));
        MessageBundles.assertKeysFor("messages", "cases.readiness.explain.", List.of(Readiness.State.values()));
        MessageBundles.assertKeysFor("messages", "cases.escalation.", List.of(EscalationLevel.values()));
        MessageBundles.assertKeysFor("messages", "cases.waiting.", List.of(Party.values()));
        MessageBundles.assertKeysFor(
                "messages",
                "cases.cancelled.",
                List.of(CancelCause.Kind.values()).stream()
                        .filter(kind -> kind != CancelCause.Kind.OTHER)
                        .toList());
        MessageBundles.assertKeysFor("messages", "cases.party.", List.of("partner_bank", "insurer"));
        MessageBundles.assertKeysFor(
                "messages", "cases.drill.", List.of("MET_IN_TIME", "MET_LATE", "BREACHED", "PENDING"));
        MessageBundles.assertKeysFor("messages", "cases.analytics.by.", List.of("platform", "scenario", "month"));
        // Every line the timeline writes has its name (a missing one showed its code on both pages).
        MessageBundles.assertKeysFor(
                "messages",
                "cases.timeline.",
                List.of(
                        "opened",
                        "triaged",
                        "status_changed",
                        "clock_set",
                        "clock_paused",
                        "clock_met",
                        "clock_cancelled",
                        "clock_breached",
                        "task_due",
                        "supplement_requested",
                        "escalation_flagged",
                        "closed",
                        "action_item_done",
                        "assigned",
                        "checklist_updated",
                        "contact_logged",
                        "follow_up_not_planned",
                        "needs_person",
                        "review_completed",
                        "review_written",
                        "task_completed",
                        "waiting_changed"));
    }
}
