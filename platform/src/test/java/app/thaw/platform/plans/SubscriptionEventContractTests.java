package app.thaw.platform.plans;

import app.thaw.platform.testing.EventContract;
import org.junit.jupiter.api.Test;

/** The {@code thaw.subscription.*} records agree with their examples in docs/events.md (both ends use them). */
class SubscriptionEventContractTests {

    @Test
    void subscriptionEventsMatchTheirExamplesMemberForMember() {
        EventContract contract = EventContract.fromDocs();
        contract.verifyPublishedFamily("thaw.subscription.", SubscriptionEvents.class);
        contract.verifyConsumedAll(SubscriptionEvents.class);
    }
}
