package app.thaw.monitor.events;

import app.thaw.platform.testing.EventContract;
import org.junit.jupiter.api.Test;

/**
 * docs/events.md is the contract: this service's event records must agree with its examples
 * (see {@link EventContract}). Change the document first, then the records.
 */
class EventContractTests {

    private final EventContract contract = EventContract.fromDocs();

    @Test
    void everyEventThisServicePublishesMatchesItsExampleMemberForMember() {
        contract.verifyPublishedFamily("thaw.alert.", AlertEvents.class);
    }
}
