package app.thaw.monitor.dashboard;

import java.util.ArrayList;
import java.util.List;

import app.thaw.monitor.alerts.AlertKind;
import app.thaw.monitor.alerts.AlertState;
import app.thaw.monitor.detection.Detector;
import app.thaw.monitor.detection.Detectors;
import app.thaw.monitor.detection.ReasonCode;
import app.thaw.monitor.detection.Severity;
import app.thaw.monitor.protection.IdentifierType;
import app.thaw.monitor.screening.AllowList;
import app.thaw.monitor.signals.SignalType;
import app.thaw.monitor.subjects.SubjectType;
import app.thaw.platform.testing.MessageBundles;
import org.junit.jupiter.api.Test;

/** The monitor's pages say everything in English and in Chinese: the bundles, and the keys the templates build. */
class DashboardMessagesTests {

    @Test
    void everyMessageIsInBothLanguagesAndEveryKeyTheTemplatesNameIsThere() {
        MessageBundles.assertServiceDashboard();
    }

    @Test
    void everyValueAKeyIsBuiltFromHasItsMessage() {
        MessageBundles.assertKeysFor("messages", "monitor.state.", List.of(AlertState.values()));
        MessageBundles.assertKeysFor("messages", "monitor.severity.", List.of(Severity.values()));
        MessageBundles.assertKeysFor("messages", "monitor.kind.", List.of(AlertKind.values()));
        MessageBundles.assertKeysFor("messages", "monitor.subjectType.", List.of(SubjectType.values()));
        MessageBundles.assertKeysFor("messages", "monitor.signalType.", List.of(SignalType.values()));
        MessageBundles.assertKeysFor("messages", "monitor.identifier.", List.of(IdentifierType.values()));
        MessageBundles.assertKeysFor("messages", "monitor.decisions.", List.of(AllowList.Decision.values()));
        MessageBundles.assertKeysFor("messages", "monitor.reason.", List.of(ReasonCode.values()));
        MessageBundles.assertKeysFor(
                "messages", "monitor.rules.cel.", List.of(app.thaw.monitor.rules.RuleError.Kind.values()));
        List<String> detectors =
                new ArrayList<>(Detectors.all().stream().map(Detector::name).toList());
        detectors.add("SANCTIONS_SCREENING");
        MessageBundles.assertKeysFor("messages", "monitor.detector.", detectors);
        MessageBundles.assertKeysFor("messages", "monitor.move.", List.of("acknowledge", "dismiss", "escalate"));
        MessageBundles.assertKeysFor(
                "messages",
                "monitor.moved.",
                List.of(AlertState.ACKNOWLEDGED, AlertState.DISMISSED, AlertState.ESCALATED));
        MessageBundles.assertKeysFor("messages", "monitor.ingestion.total.", List.of("hour", "day"));
    }
}
