package app.thaw.notifications.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import app.thaw.notifications.templates.ChannelTemplate;
import app.thaw.notifications.templates.TemplateFacts;
import app.thaw.notifications.templates.TemplateRenderer;
import app.thaw.platform.events.EventData;
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
        contract.verifyPublishedFamily("thaw.notification.", NotificationEvents.class);
    }

    @Test
    void everyEventThisServiceConsumesReadsOnlyWhatTheDocumentPromises() {
        contract.verifyConsumedAll(ConsumedEvents.class);
    }

    /** Its templates may name, and its webhooks pass on, every documented member of a notified event. */
    @Test
    void everyNotifiedEventsRecordHoldsEveryMemberOfItsExampleMemberForMember() {
        assertThat(ConsumedEvents.NOTIFIED).hasSize(16);
        ConsumedEvents.NOTIFIED.forEach(contract::verifyPublished);
    }

    @Test
    void everyTextFactOfANotifiedEventReachesTheMessageItsTemplateNamesItIn() {
        TemplateRenderer renderer = new TemplateRenderer();
        for (Class<? extends TemplateFacts> record : ConsumedEvents.NOTIFIED) {
            Map<String, Object> example = contract.exampleData(EventData.typeOf(record));
            TemplateFacts facts = EventData.fromJson(example, record);
            example.forEach((member, value) -> {
                if (value instanceof String text) {
                    String message = renderer.render(
                                    new ChannelTemplate(null, "[{{" + member + "}}]", null), facts.model())
                            .text();
                    assertThat(message)
                            .as(record.getSimpleName() + "." + member)
                            .isEqualTo("[" + text + "]");
                }
            });
            assertThat(facts.caseId()).as(record.getSimpleName()).isEqualTo(example.get("caseId"));
            assertThat(facts.reference()).as(record.getSimpleName()).isEqualTo(example.get("reference"));
            assertThat(facts.scenario()).as(record.getSimpleName()).isEqualTo(example.get("scenario"));
            assertThat(facts.restricted()).as(record.getSimpleName()).isEqualTo(example.get("restricted"));
            assertThat(facts.drill()).as(record.getSimpleName()).isEqualTo(example.get("drill"));
            assertThat(facts.ownerRole()).as(record.getSimpleName()).isEqualTo(example.get("ownerRole"));
            assertThat(facts.ownerUserId()).as(record.getSimpleName()).isEqualTo(example.get("ownerUserId"));
            assertThat(facts.holderName())
                    .as(record.getSimpleName())
                    .isEqualTo(example.get("holder") instanceof Map<?, ?> holder ? holder.get("displayName") : null);
        }
    }
}
