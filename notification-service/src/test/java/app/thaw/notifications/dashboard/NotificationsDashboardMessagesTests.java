package app.thaw.notifications.dashboard;

import java.util.List;

import app.thaw.notifications.delivery.DeliveryStatus;
import app.thaw.notifications.recipients.Channel;
import app.thaw.notifications.recipients.RecipientKind;
import app.thaw.notifications.rules.DefaultRules;
import app.thaw.notifications.rules.Rule;
import app.thaw.notifications.webhooks.DisabledReason;
import app.thaw.platform.testing.MessageBundles;
import org.junit.jupiter.api.Test;

/** The notifications pages say everything in English and in Chinese: the bundles, and the keys the templates build. */
class NotificationsDashboardMessagesTests {

    @Test
    void everyMessageIsInBothLanguagesAndEveryKeyTheTemplatesNameIsThere() {
        MessageBundles.assertServiceDashboard();
    }

    @Test
    void everyValueAKeyIsBuiltFromHasItsMessage() {
        MessageBundles.assertKeysFor("messages", "notifications.channel.", List.of(Channel.values()));
        MessageBundles.assertKeysFor("messages", "notifications.kind.", List.of(RecipientKind.values()));
        MessageBundles.assertKeysFor("messages", "notifications.status.", List.of(DeliveryStatus.values()));
        // DeliveryAttempt.status: an attempt either succeeded or failed.
        MessageBundles.assertKeysFor("messages", "notifications.attempt.", List.of("SUCCEEDED", "FAILED"));
        MessageBundles.assertKeysFor("messages", "notifications.webhooks.reason.", List.of(DisabledReason.values()));
        // The delivery log names each event the rules know.
        MessageBundles.assertKeysFor(
                "messages",
                "notifications.event.",
                DefaultRules.all().stream().map(Rule::eventType).toList());
    }
}
