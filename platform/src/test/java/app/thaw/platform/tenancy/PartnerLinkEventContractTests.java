package app.thaw.platform.tenancy;

import app.thaw.platform.testing.EventContract;
import org.junit.jupiter.api.Test;

/** The {@code thaw.partner.*} records agree with their examples in docs/events.md (both ends use them). */
class PartnerLinkEventContractTests {

    @Test
    void partnerLinkEventsMatchTheirExamplesMemberForMember() {
        EventContract contract = EventContract.fromDocs();
        contract.verifyPublishedFamily("thaw.partner.", PartnerLinkEvents.class);
        contract.verifyConsumedAll(PartnerLinkEvents.class);
    }
}
