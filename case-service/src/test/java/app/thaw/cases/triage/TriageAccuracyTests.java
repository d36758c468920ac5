package app.thaw.cases.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import app.thaw.cases.incident.Scenario;
import app.thaw.cases.incident.TriageSuggestion;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Triage against the labelled notices in thaw/cases/triage-notices.yaml (Chinese and English).
 * Prints the accuracy (quoted in the README) and fails if it drops below 90 % in either language.
 */
class TriageAccuracyTests {

    static final TriageEngine engine = new TriageEngine(TriageRules.defaults());

    record Labelled(String lang, Scenario scenario, String text) {}

    @SuppressWarnings("unchecked")
    static List<Labelled> notices() throws Exception {
        try (InputStream in =
                TriageAccuracyTests.class.getClassLoader().getResourceAsStream("thaw/cases/triage-notices.yaml")) {
            List<Map<String, String>> raw = new Yaml().load(in);
            return raw.stream()
                    .map(n -> new Labelled(n.get("lang"), Scenario.valueOf(n.get("scenario")), n.get("text")))
                    .toList();
        }
    }

    @Test
    void triageSuggestsTheLabelledScenarioForAtLeastNinetyPercentOfNoticesInEachLanguage() throws Exception {
        List<Labelled> notices = notices();
        assertThat(notices).hasSizeGreaterThanOrEqualTo(40);
        List<String> misses = new ArrayList<>();
        int zhRight = 0, zhAll = 0, enRight = 0, enAll = 0;
        for (Labelled notice : notices) {
            TriageSuggestion suggestion = engine.suggest(notice.text());
            boolean right = suggestion.scenario() == notice.scenario();
            if (notice.lang().equals("zh")) {
                zhAll++;
                zhRight += right ? 1 : 0;
            } else {
                enAll++;
                enRight += right ? 1 : 0;
            }
            if (!right) {
                misses.add(notice.scenario() + " read as " + suggestion.scenario() + ": " + notice.text());
            }
        }
        System.out.printf(
                "TRIAGE_ACCURACY %d/%d = %.1f %% (zh %d/%d, en %d/%d)%n",
                zhRight + enRight,
                zhAll + enAll,
                100.0 * (zhRight + enRight) / (zhAll + enAll),
                zhRight,
                zhAll,
                enRight,
                enAll);
        misses.forEach(miss -> System.out.println("TRIAGE_MISS " + miss));
        assertThat((double) zhRight / zhAll)
                .as("zh accuracy; misses: %s", misses)
                .isGreaterThanOrEqualTo(0.9);
        assertThat((double) enRight / enAll)
                .as("en accuracy; misses: %s", misses)
                .isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void aSuggestionNamesTheMatchedPhrasesAndIsMoreConfidentForAClearNotice() {
        TriageSuggestion clear = engine.suggest("根据上海市浦东新区人民法院民事裁定书，对您名下账户予以司法冻结，协助执行。");
        TriageSuggestion vague = engine.suggest("您的账户暂时无法使用。");

        assertThat(clear.scenario()).isEqualTo(Scenario.JUDICIAL_FREEZE);
        assertThat(clear.matched())
                .extracting(TriageSuggestion.MatchedPhrase::phrase)
                .contains("法院", "司法冻结", "协助执行");
        assertThat(clear.confidence()).isGreaterThan(0.8);
        assertThat(vague.confidence()).isLessThan(0.6);
    }

    @Test
    void scopeComesFromTheNoticeWhenItSaysAndFromTheScenarioOtherwise() {
        assertThat(engine.suggest("Your account is under risk review; your account has been suspended.")
                        .scope()
                        .name())
                .isEqualTo("ACCOUNT");
        assertThat(engine.suggest("Your account is under risk review.").scope().name())
                .isEqualTo("TRANSACTION");
        assertThat(engine.suggest("检测到异地登录，已暂停提现。").scope().name()).isEqualTo("FUNCTION");
    }

    @Test
    void materialsDeficiencyIsGraded() {
        assertThat(engine.suggest("您提交的资料不全：营业执照缺页，法人身份证未签字。").materialsGrade().name())
                .isEqualTo("MINOR_OMISSION");
        assertThat(engine.suggest(
                                "Your documents are incomplete: you used an outdated template; use the latest version.")
                        .materialsGrade()
                        .name())
                .isEqualTo("OUTDATED_STANDARD");
        assertThat(engine.suggest("材料不符合要求：合同与发票金额不一致，且有涂改痕迹。").materialsGrade().name())
                .isEqualTo("SUBSTANTIVE_DISCREPANCY");
    }
}
