package app.thaw.notifications.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import app.thaw.notifications.NotificationsTestBase;
import app.thaw.notifications.recipients.Channel;
import app.thaw.notifications.recipients.Language;
import app.thaw.notifications.rules.DefaultRules;
import app.thaw.notifications.rules.Rule;
import org.junit.jupiter.api.Test;

class TemplateRendererTests {

    final TemplateRenderer renderer = new TemplateRenderer();
    final DefaultTemplates defaults = new DefaultTemplates();

    @Test
    void htmlPartsEscapeValuesAndTextPartsKeepThem() {
        RenderedMessage message = renderer.render(
                new ChannelTemplate("Re: {{name}}", "Dear {{name}}", "<p>Dear {{name}}</p>"),
                Map.of("name", "O'Brien & <Sons>"));
        assertThat(message.subject()).isEqualTo("Re: O'Brien & <Sons>");
        assertThat(message.text()).isEqualTo("Dear O'Brien & <Sons>");
        assertThat(message.html()).isEqualTo("<p>Dear O&#39;Brien &amp; &lt;Sons&gt;</p>");
    }

    @Test
    void aTemplateCannotReachIntoJavaObjects() {
        RenderedMessage message = renderer.render(
                new ChannelTemplate(null, "{{name.class.name}}|{{name.bytes}}", null), Map.of("name", "x"));
        assertThat(message.text()).isEqualTo("|");
    }

    @Test
    void everyShippedEventTemplateExistsInEnglishForEveryChannel() {
        // Every type a shipped rule tells of, so a rule added without its templates fails here.
        List<String> types = new java.util.ArrayList<>(
                DefaultRules.all().stream().map(Rule::eventType).toList());
        types.add(DefaultTemplates.RESTRICTED_NOTICE);
        assertThat(types).hasSize(16);
        for (String type : types) {
            for (Channel channel : new Channel[] {Channel.EMAIL, Channel.SMS, Channel.IN_APP}) {
                ChannelTemplate template = defaults.find(new TemplateKey(type, channel, Language.EN))
                        .orElseThrow(() -> new AssertionError(type));
                renderer.validate(template);
                assertThat(template.body()).as(type + " " + channel).isNotBlank();
            }
        }
    }

    @Test
    void everyShippedMessageAboutACaseIsInChineseTooAndNamesTheCaseByItsReference() {
        List<String> aboutACase = new java.util.ArrayList<>(NotificationsTestBase.NOTIFIED_CASE_AND_EVIDENCE_EVENTS);
        aboutACase.addAll(List.of("thaw.reminder.due", "thaw.reminder.escalated"));
        for (String type : aboutACase) {
            for (Language language : Language.values()) {
                for (Channel channel : new Channel[] {Channel.EMAIL, Channel.SMS, Channel.IN_APP}) {
                    ChannelTemplate template = defaults.find(new TemplateKey(type, channel, language))
                            .orElseThrow(() -> new AssertionError(type + " has no " + language.tag() + " text"));
                    String all = template.subject() + template.body() + template.html();
                    assertThat(all)
                            .as(type + " " + language + " " + channel)
                            .contains("{{reference}}")
                            .doesNotContain("{{caseId}}");
                    if (language == Language.ZH_CN) {
                        assertThat(template.body())
                                .as(type + " " + channel + " is Chinese")
                                .containsPattern("[\\u4e00-\\u9fff]");
                    }
                }
            }
        }
        RenderedMessage closed = renderer.render(
                defaults.find(new TemplateKey("thaw.case.closed", Channel.EMAIL, Language.ZH_CN))
                        .orElseThrow(),
                Map.of(
                        "caseId",
                        "0b6f2c1e-6c1a-4d59-9f0e-2f6f8c7f4a11",
                        "reference",
                        "acme-C-2026-000042",
                        "outcomeText",
                        "已解冻"));
        assertThat(closed.subject()).isEqualTo("[acme-C-2026-000042] 案件已结案：已解冻");
        assertThat(closed.text()).doesNotContain("0b6f2c1e");
    }

    @Test
    void anUnclosedSectionIsAnInvalidTemplateNamingThePart() {
        assertThatThrownBy(() -> renderer.validate(new ChannelTemplate("{{#x}}", "ok", null)))
                .isInstanceOf(InvalidTemplate.class)
                .hasMessageContaining("subject");
    }
}
