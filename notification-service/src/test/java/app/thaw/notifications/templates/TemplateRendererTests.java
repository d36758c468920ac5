package app.thaw.notifications.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import app.thaw.notifications.recipients.Channel;
import app.thaw.notifications.recipients.Language;
import org.junit.jupiter.api.Test;

class TemplateRendererTests {

    final TemplateRenderer renderer = new TemplateRenderer();
    final DefaultTemplates defaults = new DefaultTemplates();

    @Test
    void htmlPartsEscapeValuesAndTextPartsKeepThem() {
        RenderedMessage message = renderer.render(new ChannelTemplate("Re: {{name}}", "Dear {{name}}", "<p>Dear {{name}}</p>"),
                Map.of("name", "O'Brien & <Sons>"));
        assertThat(message.subject()).isEqualTo("Re: O'Brien & <Sons>");
        assertThat(message.text()).isEqualTo("Dear O'Brien & <Sons>");
        assertThat(message.html()).isEqualTo("<p>Dear O&#39;Brien &amp; &lt;Sons&gt;</p>");
    }

    @Test
    void aTemplateCannotReachIntoJavaObjects() {
        RenderedMessage message = renderer.render(new ChannelTemplate(null, "{{name.class.name}}|{{name.bytes}}", null), Map.of("name", "x"));
        assertThat(message.text()).isEqualTo("|");
    }

    @Test
    void everyShippedEventTemplateExistsInEnglishForEveryChannel() {
        for (String type : new String[] {"thaw.case.opened", "thaw.case.triaged", "thaw.case.status_changed", "thaw.case.supplement_requested",
                "thaw.case.clock_breached", "thaw.case.task_due", "thaw.case.escalation_flagged", "thaw.case.closed", "thaw.evidence.received",
                "thaw.evidence.verified", "thaw.evidence.rejected", "thaw.alert.raised", "thaw.reminder.due", "thaw.reminder.escalated",
                "thaw.webhook.endpoint_disabled", DefaultTemplates.RESTRICTED_NOTICE}) {
            for (Channel channel : new Channel[] {Channel.EMAIL, Channel.SMS, Channel.IN_APP}) {
                ChannelTemplate template = defaults.find(new TemplateKey(type, channel, Language.EN)).orElseThrow(() -> new AssertionError(type));
                renderer.validate(template);
                assertThat(template.body()).as(type + " " + channel).isNotBlank();
            }
        }
    }

    @Test
    void anUnclosedSectionIsAnInvalidTemplateNamingThePart() {
        assertThatThrownBy(() -> renderer.validate(new ChannelTemplate("{{#x}}", "ok", null)))
                .isInstanceOf(InvalidTemplate.class).hasMessageContaining("subject");
    }
}
