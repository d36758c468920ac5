package app.thaw.evidence.dashboard;

import java.util.List;

import app.thaw.evidence.custody.CustodyAction;
import app.thaw.evidence.item.EvidenceStatus;
import app.thaw.evidence.item.RejectionReason;
import app.thaw.evidence.item.RequirementCode;
import app.thaw.platform.testing.MessageBundles;
import org.junit.jupiter.api.Test;

/** The review pages say everything in English and in Chinese: the bundles, and the keys the templates build. */
class EvidenceDashboardMessagesTests {

    @Test
    void everyMessageIsInBothLanguagesAndEveryKeyTheTemplatesNameIsThere() {
        MessageBundles.assertServiceDashboard();
    }

    @Test
    void everyValueAKeyIsBuiltFromHasItsMessage() {
        MessageBundles.assertKeysFor("messages", "evidence.status.", List.of(EvidenceStatus.values()));
        MessageBundles.assertKeysFor("messages", "evidence.requirement.", List.of(RequirementCode.values()));
        MessageBundles.assertKeysFor("messages", "evidence.reason.", List.of(RejectionReason.values()));
        MessageBundles.assertKeysFor("messages", "evidence.custody.action.", List.of(CustodyAction.values()));
        MessageBundles.assertKeysFor(
                "messages",
                "evidence.custody.fileStatus.",
                List.of("CONTENT_CHANGED", "RECORD_CHANGED", "CONTENT_MISSING", "NOT_IN_LOG"));
    }
}
