package app.thaw.cases.appeal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import app.thaw.cases.checklist.ChecklistCatalogue;
import app.thaw.cases.incident.CaseId;
import app.thaw.cases.incident.CasePolicy;
import app.thaw.cases.incident.EntityType;
import app.thaw.cases.incident.Holder;
import app.thaw.cases.incident.IncidentCase;
import app.thaw.cases.incident.Notice;
import app.thaw.cases.incident.OpeningFacts;
import app.thaw.cases.incident.Scenario;
import app.thaw.cases.playbook.DefaultPlaybooks;
import app.thaw.cases.playbook.ScriptRenderer;
import app.thaw.cases.triage.TriageEngine;
import app.thaw.cases.triage.TriageRules;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppealLettersTests {

    static final DefaultPlaybooks PLAYBOOKS = DefaultPlaybooks.load();
    static final Instant T0 = Instant.parse("2025-09-30T02:00:00Z");
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final String HOLDER = "深圳市鑫辉跨境电子商务有限公司";
    static final String JUDICIAL_NOTICE =
            "根据深圳市福田区人民法院（2025）粤0304财保1187号民事裁定书，对您名下账户资金人民币1,250,000元予以司法冻结，" + "冻结期限一年。本行无权解除该冻结，如有异议请向作出裁定的法院提出。";
    static final String RISK_NOTICE = "您的账户近期存在交易异常，系统风控已对相关交易进行风险审核，请在3个工作日内提交交易凭证。";

    /** Font lookup pointed at an empty directory: nothing from the host, only what the jar ships. */
    @TempDir
    Path emptyFontDirectory;

    AppealLetters letters() throws Exception {
        try (var files = Files.list(emptyFontDirectory)) {
            assertThat(files).isEmpty();
        }
        return new AppealLetters(
                new ScriptRenderer(PLAYBOOKS.restrictedNotice()),
                List.of(
                        emptyFontDirectory.toString(),
                        emptyFontDirectory.resolve("wqy-microhei.ttc").toString()));
    }

    static IncidentCase aCase(String notice) {
        return aCase(notice, null);
    }

    static IncidentCase aCase(String notice, app.thaw.cases.incident.@org.jspecify.annotations.Nullable Money frozen) {
        TriageEngine triage = new TriageEngine(TriageRules.defaults());
        var suggestion = triage.suggest(notice);
        Scenario scenario = IncidentCase.provisionalScenario(null, suggestion);
        OpeningFacts facts = new OpeningFacts(
                "acme",
                "ACME-2025-000001",
                false,
                new Holder(EntityType.ENTERPRISE, HOLDER, "ACC-778"),
                "连连支付",
                new Notice(notice, "N-42"),
                frozen,
                null,
                T0,
                null,
                null,
                null);
        return IncidentCase.open(
                CaseId.random(),
                facts,
                suggestion,
                PLAYBOOKS.of(scenario).plan(ChecklistCatalogue.derive(scenario, EntityType.ENTERPRISE)),
                CasePolicy.defaults(),
                T0,
                "agent");
    }

    static String text(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    @Test
    void aChineseLetterPdfPrintsEveryChineseCharacterWithNoFontOnTheHost() throws Exception {
        IncidentCase c = aCase(RISK_NOTICE);
        AppealLetters letters = letters();

        String text = text(letters.pdf(letters.html(c, PLAYBOOKS.scripts(), "zh", SHANGHAI, T0), true));

        assertThat(text).contains(HOLDER, "账户解冻申诉函", "冻结原因与对应证明", "连连支付", "风控审核团队");
        assertThat(text.codePoints().filter(cp -> cp >= 0x2E80 && cp < 0x2FE0))
                .as("no radical read back for an ideograph")
                .isEmpty();
    }

    @Test
    void anEnglishLetterPdfPrintsTheHoldersChineseNameRatherThanHashes() throws Exception {
        IncidentCase c = aCase(RISK_NOTICE);
        AppealLetters letters = letters();

        String text = text(letters.pdf(letters.html(c, PLAYBOOKS.scripts(), "en", SHANGHAI, T0), false));

        assertThat(text)
                .contains(HOLDER, "Appeal to lift the account freeze", "连连支付")
                .doesNotContain("###");
    }

    @Test
    void theJudicialLetterGoesToTheAuthorityAboutItsProcedureAndTheScopeWithTheFileNumber() throws Exception {
        IncidentCase c = aCase(JUDICIAL_NOTICE);
        assertThat(c.scenario()).isEqualTo(Scenario.JUDICIAL_FREEZE);
        AppealLetters letters = letters();

        String zh = letters.html(c, PLAYBOOKS.scripts(), "zh", SHANGHAI, T0);
        String en = letters.html(c, PLAYBOOKS.scripts(), "en", SHANGHAI, T0);

        assertThat(zh)
                .contains("致: 深圳市福田区人民法院", "（2025）粤0304财保1187号", "冻结的范围", "申请解除冻结或提出异议的程序")
                .doesNotContain("解除对账户", "账户解冻申诉函");
        assertThat(en)
                .contains(
                        "To: 深圳市福田区人民法院",
                        "the scope of the freeze",
                        "the procedure to apply for its release or to object")
                .doesNotContain("lift the freeze on account");
        assertThat(text(letters.pdf(zh, true))).contains("深圳市福田区人民法院", HOLDER);
    }

    @Test
    void theRiskReviewLetterGoesToThePlatformsReviewTeam() throws Exception {
        IncidentCase c = aCase(RISK_NOTICE);

        assertThat(letters().html(c, PLAYBOOKS.scripts(), "zh", SHANGHAI, T0))
                .contains("致: 连连支付 风控审核团队", "解除对账户 ACC-778 的冻结");
        assertThat(letters().html(c, PLAYBOOKS.scripts(), "en", SHANGHAI, T0)).contains("To: 连连支付 risk review team");
    }

    @Test
    void theLetterStatesTheFrozenAmountAsAPersonWritesItInEachLanguage() throws Exception {
        IncidentCase yuan = aCase(RISK_NOTICE, new app.thaw.cases.incident.Money("1250000", "CNY"));
        IncidentCase dollars = aCase(RISK_NOTICE, new app.thaw.cases.incident.Money("48000.0", "USD"));
        AppealLetters letters = letters();

        String zh = letters.html(yuan, PLAYBOOKS.scripts(), "zh", SHANGHAI, T0);
        assertThat(zh).contains("冻结金额: ¥1,250,000.00").doesNotContain("1250000");
        assertThat(text(letters.pdf(zh, true))).contains("¥1,250,000.00");
        assertThat(letters.html(yuan, PLAYBOOKS.scripts(), "en", SHANGHAI, T0))
                .contains("Frozen amount: CNY 1,250,000.00");
        assertThat(letters.html(dollars, PLAYBOOKS.scripts(), "en", SHANGHAI, T0))
                .contains("Frozen amount: USD 48,000.00")
                .doesNotContain("48000.0");
    }
}
