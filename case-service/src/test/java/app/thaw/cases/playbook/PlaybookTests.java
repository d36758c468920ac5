package app.thaw.cases.playbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

import app.thaw.cases.incident.CaseFixtures;
import app.thaw.cases.incident.EntityType;
import app.thaw.cases.incident.Holder;
import app.thaw.cases.incident.IncidentCase;
import app.thaw.cases.incident.Money;
import app.thaw.cases.incident.Notice;
import app.thaw.cases.incident.OpeningFacts;
import app.thaw.cases.incident.Scenario;
import org.junit.jupiter.api.Test;

class PlaybookTests {

    static final DefaultPlaybooks defaults = DefaultPlaybooks.load();
    static final ScriptRenderer renderer = new ScriptRenderer(defaults.restrictedNotice());
    static final Instant T0 = Instant.parse("2025-09-30T02:00:00Z");

    @Test
    void everyScenarioHasADefaultPlaybookWithStepsInChineseAndEnglish() {
        for (Scenario scenario : Scenario.values()) {
            Playbook playbook = defaults.of(scenario);
            assertThat(playbook.version()).isEqualTo(1);
            assertThat(playbook.steps()).as(scenario.name()).isNotEmpty().allSatisfy(step -> {
                assertThat(step.title().get("zh")).isNotBlank();
                assertThat(step.title().get("en")).isNotBlank();
                assertThat(step.ownerRole()).isNotBlank();
                assertThat(step.dueMinutes()).isPositive();
            });
        }
        assertThat(defaults.scripts())
                .containsKeys("opening", "deflection", "escalation", "recap", "followUpMail", "fiveW1H");
    }

    // Words that name the authority (those that send someone to the platform's support: ContactRules.PLATFORM_SUPPORT).
    static final java.util.List<String> AUTHORITY = java.util.List.of("authority", "执行机关");

    @Test
    void noPlaybookStepContradictsItsScenariosRuleOfWhomToContact() {
        for (Scenario scenario : Scenario.values()) {
            DefaultPlaybooks.ContactRule rule = defaults.contactRule(scenario);
            assertThat(rule).as(scenario + " has a contact rule").isNotNull();
            for (Playbook.Step step : defaults.of(scenario).steps()) {
                String text = String.join(" ", step.title().values()) + " "
                        + String.join(" ", step.special().values());
                String lower = text.toLowerCase(java.util.Locale.ROOT);
                if (rule != DefaultPlaybooks.ContactRule.PLATFORM) {
                    assertThat(ContactRules.PLATFORM_SUPPORT)
                            .as("%s (%s) step %d: %s", scenario, rule, step.order(), text)
                            .noneMatch(lower::contains);
                    assertThat(ContactRules.contradiction(rule, step))
                            .as("%s step %d", scenario, step.order())
                            .isNull();
                }
            }
        }
        assertThat(defaults.of(Scenario.JUDICIAL_FREEZE).steps())
                .as("the judicial playbook sends staff to the authority")
                .anySatisfy(step -> assertThat(AUTHORITY)
                        .anyMatch(step.title().get("en").toLowerCase(java.util.Locale.ROOT)::contains));
        assertThat(defaults.of(Scenario.RISK_TXN).steps())
                .as("other scenarios still contact the platform's support")
                .anySatisfy(step -> assertThat(step.title().get("en")).contains("official support"));
    }

    /** An agent's task, due an hour after its step begins, titled in both languages, with its special notes. */
    private static Playbook.Step agentTask(int order, String zh, String en, Map<String, String> special) {
        return new Playbook.Step(
                order, Map.of("zh", zh, "en", en), "staff_agent", "TASK_DUE", 60, false, false, special);
    }

    @Test
    void aStepSendingAJudicialCaseToThePlatformsSupportContradictsItsRuleWhereverItSaysSo() {
        Playbook.Step toSupport = agentTask(1, "联系平台客服申请解冻", "Ask the platform to lift it", Map.of());
        Playbook.Step inSpecial =
                agentTask(2, "了解冻结范围", "Ask about the scope", Map.of("en", "If in doubt, call Customer Service"));
        Playbook.Step toCourt = agentTask(3, "联系执行机关了解程序", "Ask the authority about its procedure", Map.of());

        assertThat(ContactRules.contradiction(DefaultPlaybooks.ContactRule.AUTHORITY, toSupport))
                .isEqualTo(new ContactRules.Contradiction("title", "平台客服"));
        assertThat(ContactRules.contradiction(DefaultPlaybooks.ContactRule.COMPLIANCE, inSpecial))
                .isEqualTo(new ContactRules.Contradiction("special", "customer service"));
        assertThat(ContactRules.contradiction(DefaultPlaybooks.ContactRule.AUTHORITY, toCourt))
                .isNull();
        assertThat(ContactRules.contradiction(DefaultPlaybooks.ContactRule.PLATFORM, toSupport))
                .isNull();
    }

    @Test
    void scriptsRenderWithTheCasesFactsInBothLanguages() {
        IncidentCase c = aCase(Scenario.RISK_TXN);

        Map<String, String> zh = renderer.render(c, defaults.scripts(), "zh", ZoneId.of("Asia/Shanghai"));
        Map<String, String> en = renderer.render(c, defaults.scripts(), "en", ZoneId.of("Asia/Shanghai"));

        assertThat(zh.get("opening")).contains("杭州小象贸易有限公司", "ACC-778", "连连支付", "2025-09-30 10:00", "N-42");
        assertThat(en.get("fiveW1H"))
                .contains("When: 2025-09-30 10:00", "Where: 连连支付", "CNY 58,200.00 held")
                .doesNotContain("58200.00 CNY", "TRANSACTION");
        assertThat(en.get("holderUpdate")).contains("杭州小象贸易有限公司");
    }

    @Test
    void scriptsWriteMoneyAsAPersonWouldInTheirLanguageAndScopesInWords() {
        IncidentCase c = aCase(Scenario.RISK_TXN);

        Map<String, String> zh = renderer.render(c, defaults.scripts(), "zh", ZoneId.of("Asia/Shanghai"));
        Map<String, String> en = renderer.render(c, defaults.scripts(), "en", ZoneId.of("Asia/Shanghai"));

        assertThat(zh.get("fiveW1H")).contains("涉及金额¥58,200.00").doesNotContain("CNY");
        assertThat(zh.get("opening")).contains("（涉及金额¥58,200.00）");
        assertThat(en.get("opening"))
                .contains("the transactions concerned were frozen (CNY 58,200.00)")
                .doesNotContain("(TRANSACTION)", "58200");
        assertThat(app.thaw.platform.dashboard.ThawFormat.moneyText("48000.0", "USD", false))
                .isEqualTo("USD 48,000.00");
        assertThat(app.thaw.platform.dashboard.ThawFormat.moneyText("1250000", "CNY", true))
                .isEqualTo("¥1,250,000.00");
        assertThat(app.thaw.platform.dashboard.ThawFormat.moneyText("1250000", "JPY", true))
                .isEqualTo("JPY 1,250,000");
        assertThat(app.thaw.platform.dashboard.ThawFormat.moneyText("12", "XXQ", true))
                .isNull();
    }

    @Test
    void everyMessageToTheHolderOfAComplianceHoldIsTheFixedNotice() {
        IncidentCase c = aCase(Scenario.COMPLIANCE_HOLD);

        assertThat(renderer.render(c, defaults.scripts(), "en", ZoneId.of("Asia/Shanghai"))
                        .get("holderUpdate"))
                .isEqualTo(
                        "Your account is temporarily unavailable per notice from the competent authority; please await the official announcement.");
        assertThat(renderer.render(c, defaults.scripts(), "zh", ZoneId.of("Asia/Shanghai"))
                        .get("holderUpdate"))
                .isEqualTo("因接收到主管机关通知，账户暂时无法使用，具体请等待官方公告。");
    }

    @Test
    void aTakeoverPlaybookRunsItsFirstThreeStepsOnTheTakeoverClocksFromDetection() {
        assertThat(defaults.of(Scenario.ACCOUNT_TAKEOVER).steps())
                .filteredOn(Playbook.Step::fromDetection)
                .extracting(Playbook.Step::clock)
                .startsWith("TAKEOVER_FREEZE_15", "TAKEOVER_PROOF_20", "TAKEOVER_CONTACT_30");
    }

    static IncidentCase aCase(Scenario scenario) {
        OpeningFacts facts = new OpeningFacts(
                "acme",
                "C-2025-000042",
                false,
                new Holder(EntityType.ENTERPRISE, "杭州小象贸易有限公司", "ACC-778"),
                "连连支付",
                new Notice("您的账户存在交易异常，风控审核中。", "N-42"),
                new Money("58200.00", "CNY"),
                null,
                T0,
                scenario,
                null,
                null);
        return CaseFixtures.open(facts, scenario, EntityType.ENTERPRISE, T0);
    }
}
