package app.thaw.notifications.templates;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.Map;

import app.thaw.notifications.recipients.Language;
import org.junit.jupiter.api.Test;

class MessageFactsTests {

    @Test
    void instantsReadInTheRecipientsZoneAndLanguageAndKeepTheirIsoForm() {
        Map<String, Object> zh = MessageFacts.readable(
                Map.of("dueAt", "2025-10-11T02:00:00Z", "label", "x"),
                Language.valueOf("ZH_CN"),
                ZoneId.of("Asia/Shanghai"));
        Map<String, Object> en = MessageFacts.readable(
                Map.of("dueAt", "2025-10-11T02:00:00Z"), Language.valueOf("EN"), ZoneId.of("America/New_York"));

        assertThat(zh)
                .containsEntry("dueAt", "2025年10月11日 10:00（Asia/Shanghai）")
                .containsEntry("dueAtIso", "2025-10-11T02:00:00Z")
                .containsEntry("label", "x");
        assertThat(en).containsEntry("dueAt", "10 Oct 2025, 22:00 (America/New_York)");
        Map<String, Object> supplement = MessageFacts.readable(
                Map.of("acknowledgeBy", "2025-10-11T02:00:00Z", "verifiedBy", "agent.li"),
                Language.valueOf("ZH_CN"),
                ZoneId.of("Asia/Shanghai"));
        assertThat(supplement)
                .containsEntry("acknowledgeBy", "2025年10月11日 10:00（Asia/Shanghai）")
                .containsEntry("verifiedBy", "agent.li");
    }

    @Test
    void aDisabledEndpointsReasonIsWordedInEachLanguageWithTheFactsItNames() {
        for (app.thaw.notifications.webhooks.DisabledReason reason :
                app.thaw.notifications.webhooks.DisabledReason.values()) {
            for (Language language : Language.values()) {
                String words = (String) MessageFacts.readable(
                                Map.of("disabledReason", reason.name(), "days", 5L), language, ZoneId.of("UTC"))
                        .get("disabledReasonText");
                assertThat(words)
                        .as(reason + " in " + language)
                        .isNotEqualTo(reason.name())
                        .doesNotContain("{");
            }
        }
        assertThat(MessageFacts.readable(
                        Map.of("disabledReason", "FAILING", "days", 7L), Language.valueOf("ZH_CN"), ZoneId.of("UTC")))
                .containsEntry("disabledReasonText", "连续 7 天投递均未成功");
        // A fact the event lacks stays as written rather than becoming "null"; no other brace is touched.
        assertThat(MessageFacts.filled("for {days} days", Map.of())).isEqualTo("for {days} days");
        assertThat(MessageFacts.filled("{days}{ x }$1", Map.of("days", "$2"))).isEqualTo("$2{ x }$1");
    }

    @Test
    void moneyIsFormattedForTheLanguage() {
        assertThat(MessageFacts.money("1250000", "CNY", Language.valueOf("ZH_CN")))
                .isEqualTo("¥1,250,000.00");
        assertThat(MessageFacts.money("48000.0", "USD", Language.valueOf("EN"))).isEqualTo("USD 48,000.00");
        assertThat(MessageFacts.money("1250000", "CNY", Language.valueOf("EN"))).isEqualTo("CNY 1,250,000.00");
        assertThat(MessageFacts.money("5000", "JPY", Language.valueOf("EN"))).isEqualTo("JPY 5,000");
        assertThat(MessageFacts.money("x", "USD", Language.valueOf("EN"))).isNull();
        Map<String, Object> model = MessageFacts.readable(
                Map.of("frozenAmount", Map.of("amount", "58200.00", "currency", "CNY")),
                Language.valueOf("ZH_CN"),
                ZoneId.of("Asia/Shanghai"));
        assertThat(((Map<?, ?>) model.get("frozenAmount")).get("text")).isEqualTo("¥58,200.00");
    }

    @Test
    void codesReadAsWordsInTheRecipientsLanguageAndTheCodeStaysForTemplatesThatBranchOnIt() {
        Map<String, Object> data = Map.of(
                "scenario",
                "JUDICIAL_FREEZE",
                "to",
                "UNDER_REVIEW",
                "clock",
                "FOLLOW_UP",
                "items",
                java.util.List.of("BANK_STATEMENT", "ID_DOCUMENT"),
                "reasonCode",
                "EXPIRED",
                "kind",
                "SANCTIONS_HIT");
        Map<String, Object> zh = MessageFacts.readable(data, Language.valueOf("ZH_CN"), ZoneId.of("Asia/Shanghai"));
        Map<String, Object> en = MessageFacts.readable(data, Language.valueOf("EN"), ZoneId.of("UTC"));

        assertThat(zh)
                .containsEntry("scenario", "JUDICIAL_FREEZE")
                .containsEntry("scenarioText", "司法冻结")
                .containsEntry("toText", "审核中")
                .containsEntry("itemsText", "银行流水、身份证件（正反面）")
                .containsEntry("reasonCodeText", "已过期");
        assertThat(en)
                .containsEntry("scenarioText", "Judicial freeze")
                .containsEntry("clockText", "Follow-up")
                .containsEntry("itemsText", "bank statement, identity document (both sides)")
                .containsEntry("kindText", "sanctions list match");
        // A code with no words (a newer producer's) reads as itself rather than disappearing.
        assertThat(MessageFacts.readable(Map.of("scenario", "SOMETHING_NEW"), Language.valueOf("EN"), ZoneId.of("UTC")))
                .containsEntry("scenarioText", "SOMETHING_NEW");
    }

    @Test
    void aCaseIsNamedByItsReferenceAndByItsIdOnlyWhenTheEventCarriesNoReference() {
        assertThat(MessageFacts.readable(
                        Map.of("caseId", "c-1", "reference", "acme-C-2026-000042"),
                        Language.valueOf("EN"),
                        ZoneId.of("UTC")))
                .containsEntry("reference", "acme-C-2026-000042");
        assertThat(MessageFacts.readable(Map.of("caseId", "c-1"), Language.valueOf("EN"), ZoneId.of("UTC")))
                .containsEntry("reference", "c-1");
        assertThat(MessageFacts.readable(Map.of("url", "https://x"), Language.valueOf("EN"), ZoneId.of("UTC")))
                .doesNotContainKey("reference");
    }
}
