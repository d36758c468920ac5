package app.thaw.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import app.thaw.platform.problem.ThawProblem;
import app.thaw.platform.testing.EventContract;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpHeaders;
import reactor.core.publisher.Mono;

/** Event records at both ends: one mapping, required members enforced, unknown ones tolerated, the document checked. */
class TypedEventsTests {

    @EventType("thaw.test.clock_set")
    record ClockSetSent(
            String clockId,
            Instant dueAt,
            boolean urgent,
            @Nullable String ownerUserId,
            List<String> items) {}

    @EventType("thaw.test.clock_set")
    record ClockSetRead(
            String clockId, Instant dueAt, @Nullable String ownerUserId) {}

    @Test
    void aRecordBecomesJsonDataWithInstantsAsTextAndAbsentOptionalMembersLeftOut() {
        ThawEvent event = ThawEvent.of(
                "/thaw/test",
                "case-1",
                "acme",
                Instant.parse("2026-12-06T10:00:00Z"),
                7L,
                null,
                new ClockSetSent("c-1", Instant.parse("2026-12-06T10:15:00Z"), true, null, List.of("A", "B")));

        assertThat(event.type()).isEqualTo("thaw.test.clock_set");
        assertThat(event.sequence()).isEqualTo(7L);
        assertThat(event.data())
                .containsOnlyKeys("clockId", "dueAt", "urgent", "items")
                .containsEntry("dueAt", "2026-12-06T10:15:00Z")
                .containsEntry("urgent", true);
        assertThat(event.toCloudEvent()).containsEntry("sequence", 7L);
    }

    @Test
    void aConsumerReadsItsOwnRecordAndIgnoresMembersItDoesNotKnow() {
        ClockSetRead read = EventData.fromJson(
                Map.of(
                        "clockId",
                        "c-1",
                        "dueAt",
                        "2026-12-06T10:15:00Z",
                        "urgent",
                        true,
                        "somethingNew",
                        Map.of("x", 1)),
                ClockSetRead.class);

        assertThat(read).isEqualTo(new ClockSetRead("c-1", Instant.parse("2026-12-06T10:15:00Z"), null));
    }

    @Test
    void aMissingRequiredMemberOrAMemberOfTheWrongFormIsMalformed() {
        assertThatThrownBy(() -> EventData.fromJson(Map.of("dueAt", "2026-12-06T10:15:00Z"), ClockSetRead.class))
                .isInstanceOf(EventData.MalformedEvent.class)
                .hasMessageContaining("clockId");
        assertThatThrownBy(
                        () -> EventData.fromJson(Map.of("clockId", "c-1", "dueAt", "next tuesday"), ClockSetRead.class))
                .isInstanceOf(EventData.MalformedEvent.class)
                .hasMessageContaining("thaw.test.clock_set");
        assertThatThrownBy(() -> EventData.fromJson(
                        Map.of("clockId", "c-1", "dueAt", "2026-12-06T10:15:00Z", "urgent", true), ClockSetSent.class))
                .isInstanceOf(EventData.MalformedEvent.class)
                .hasMessageContaining("items");
        // A primitive member is required too: absent is not false.
        assertThatThrownBy(() -> EventData.fromJson(
                        Map.of("clockId", "c-1", "dueAt", "2026-12-06T10:15:00Z", "items", List.of()),
                        ClockSetSent.class))
                .isInstanceOf(EventData.MalformedEvent.class)
                .hasMessageContaining("urgent");
    }

    @Test
    void aBindingHandsTheRecordAndEnvelopeToItsHandlerAndRefusesMalformedDataWithA400() {
        AtomicReference<EventBinding.Received<ClockSetRead>> seen = new AtomicReference<>();
        EventBinding<ClockSetRead> binding =
                EventBinding.on(ClockSetRead.class, event -> Mono.fromRunnable(() -> seen.set(event)));
        ThawEvent event = ThawEvent.of(
                        "/thaw/test",
                        "thaw.test.clock_set",
                        "case-1",
                        "acme",
                        Instant.EPOCH,
                        null,
                        Map.of("clockId", "c-1", "dueAt", "2026-12-06T10:15:00Z"))
                .withSequence(3L);

        assertThat(binding.handles("thaw.test.clock_set")).isTrue();
        assertThat(binding.handles("thaw.test.clock_met")).isFalse();
        binding.handle(event).block();
        assertThat(seen.get().tenantId()).isEqualTo("acme");
        assertThat(seen.get().sequence()).isEqualTo(3L);
        assertThat(seen.get().data().clockId()).isEqualTo("c-1");

        ThawEvent malformed = ThawEvent.of(
                "/thaw/test", "thaw.test.clock_set", "case-1", "acme", Instant.EPOCH, null, Map.of("clockId", "c-1"));
        assertThatThrownBy(() -> binding.handle(malformed).block())
                .isInstanceOfSatisfying(ThawProblem.class, problem -> {
                    assertThat(problem.status().value()).isEqualTo(400);
                    assertThat(problem.code()).isEqualTo("event_malformed");
                });
    }

    @Test
    void aConflictAtTheSubscriberIsRetriedAndAMalformedEventIsNot() {
        assertThat(HttpEventTransport.classify(409, HttpHeaders.EMPTY).outcome())
                .isEqualTo(EventTransport.Outcome.RETRY);
        assertThat(HttpEventTransport.classify(400, HttpHeaders.EMPTY).outcome())
                .isEqualTo(EventTransport.Outcome.REJECTED);
    }

    @Test
    void theContractFailsWhenTheDocumentAndARecordDisagree(@TempDir Path dir) throws Exception {
        Path doc = dir.resolve("events.md");
        Files.writeString(doc, """
                # Events
                ```json
                {"specversion": "1.0", "id": "e-1", "source": "/thaw/test", "type": "thaw.test.clock_set", "subject": "case-1",
                 "time": "2026-12-06T10:00:00Z", "tenantid": "acme", "sequence": 4,
                 "data": {"clockId": "c-1", "dueAt": "2026-12-06T10:15:00Z", "urgent": true, "ownerUserId": "u-1", "items": ["A"]}}
                ```
                """);
        EventContract contract = EventContract.read(doc);
        contract.verifyPublished(ClockSetSent.class);
        contract.verifyConsumed(ClockSetRead.class);

        Files.writeString(doc, Files.readString(doc).replace(", \"ownerUserId\": \"u-1\"", ""));
        EventContract withoutOwner = EventContract.read(doc);
        assertThatThrownBy(() -> withoutOwner.verifyPublished(ClockSetSent.class))
                .hasMessageContaining("ownerUserId");
        assertThatThrownBy(() -> withoutOwner.verifyConsumed(ClockSetRead.class))
                .hasMessageContaining("ownerUserId");

        Files.writeString(
                doc, Files.readString(doc).replace("\"urgent\": true", "\"urgent\": true, \"colour\": \"red\""));
        assertThatThrownBy(() -> EventContract.read(doc).verifyPublished(ClockSetSent.class))
                .hasMessageContaining("colour");
    }
}
