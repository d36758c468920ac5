package app.thaw.notifications.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import app.thaw.notifications.events.ConsumedEvents;
import org.junit.jupiter.api.Test;

/** A notification's model is its facts, with the case's reference filled in where the facts lack one. */
class NotificationModelTests {

    private static Notification about(ConsumedEvents.StatusChanged facts, String knownReference) {
        return new Notification(
                "e-1",
                "acme",
                "thaw.case.status_changed",
                "c-1",
                knownReference,
                false,
                false,
                facts,
                null,
                null,
                null);
    }

    private static ConsumedEvents.StatusChanged changed(String reference) {
        return new ConsumedEvents.StatusChanged(
                "c-1", "RISK_TXN", false, false, reference, "OPEN", "TRIAGED", null, "agent.li");
    }

    @Test
    void theFactsOwnReferenceWins() {
        assertThat(about(changed("acme-C-2026-000042"), "acme-C-2026-000001").model())
                .containsEntry("reference", "acme-C-2026-000042")
                .containsEntry("to", "TRIAGED")
                .doesNotContainKey("reason");
    }

    @Test
    void aMissingOrBlankReferenceIsFilledInFromWhatTheServiceKnows() {
        assertThat(about(changed(null), "acme-C-2026-000001").model()).containsEntry("reference", "acme-C-2026-000001");
        assertThat(about(changed(" "), "acme-C-2026-000001").model()).containsEntry("reference", "acme-C-2026-000001");
        assertThat(about(changed(null), null).model()).doesNotContainKey("reference");
    }
}
