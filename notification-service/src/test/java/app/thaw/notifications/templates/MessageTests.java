package app.thaw.notifications.templates;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

import app.thaw.notifications.events.ConsumedEvents;
import app.thaw.notifications.recipients.Channel;
import app.thaw.notifications.recipients.Language;
import org.junit.jupiter.api.Test;

/** A message's model is made from its typed facts and its reader in one place, and every template name reaches it. */
class MessageTests {

    private final TemplateRenderer renderer = new TemplateRenderer();

    private static ConsumedEvents.ClockBreached breached(String reference) {
        return new ConsumedEvents.ClockBreached(
                null,
                "ACCOUNT_TAKEOVER",
                false,
                false,
                reference,
                "k-1",
                "GOLDEN_15",
                Instant.parse("2025-10-11T02:00:00Z"),
                "staff_agent",
                null);
    }

    private static Message message(ConsumedEvents.ClockBreached facts, Language language) {
        return new Message(
                new TemplateKey("thaw.case.clock_breached", Channel.IN_APP, language),
                facts,
                "c-1",
                "acme-C-2026-000001",
                "Li Lei",
                ZoneId.of("Asia/Shanghai"),
                true);
    }

    @Test
    void theModelReadsTheFactsForTheReaderAndAddsWhatEveryTemplateMayName() {
        Map<String, Object> model =
                message(breached("acme-C-2026-000042"), Language.ZH_CN).model();

        assertThat(model)
                .containsEntry("recipientName", "Li Lei")
                .containsEntry("eventType", "thaw.case.clock_breached")
                .containsEntry("urgent", true)
                .containsEntry("caseId", "c-1")
                .containsEntry("reference", "acme-C-2026-000042")
                .containsEntry("is", Map.of("ACCOUNT_TAKEOVER", true))
                .containsEntry("dueAt", "2025年10月11日 10:00（Asia/Shanghai）")
                .containsEntry("dueAtIso", "2025-10-11T02:00:00Z")
                .doesNotContainKey("ownerUserId");
        assertThat(model.get("scenarioText")).isNotEqualTo("ACCOUNT_TAKEOVER");
    }

    @Test
    void factsWithoutAReferenceAreNamedByTheOneTheServiceKnows() {
        assertThat(message(breached(null), Language.EN).model()).containsEntry("reference", "acme-C-2026-000001");
        assertThat(message(breached(" "), Language.EN).model()).containsEntry("reference", "acme-C-2026-000001");
    }

    @Test
    void aTemplateReadsTheMessageByTheNamesOfItsFacts() {
        RenderedMessage rendered = renderer.render(
                new ChannelTemplate(
                        "[{{reference}}] {{clockText}}",
                        "{{recipientName}}: {{clock}} due {{dueAt}}{{#is.ACCOUNT_TAKEOVER}} (takeover){{/is.ACCOUNT_TAKEOVER}}",
                        null),
                message(breached("acme-C-2026-000042"), Language.EN).model());

        assertThat(rendered.subject()).startsWith("[acme-C-2026-000042] ").doesNotEndWith("GOLDEN_15");
        assertThat(rendered.text()).isEqualTo("Li Lei: GOLDEN_15 due 11 Oct 2025, 10:00 (Asia/Shanghai) (takeover)");
    }
}
