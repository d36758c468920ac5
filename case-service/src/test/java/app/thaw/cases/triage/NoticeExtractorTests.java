package app.thaw.cases.triage;

import static org.assertj.core.api.Assertions.assertThat;

import app.thaw.cases.incident.Money;
import app.thaw.cases.incident.NoticeFacts;
import app.thaw.cases.incident.NoticeFacts.TimeLimit;
import app.thaw.cases.incident.NoticeFacts.TimeUnit;
import org.junit.jupiter.api.Test;

class NoticeExtractorTests {

    final NoticeExtractor extractor = new NoticeExtractor();

    @Test
    void extractsTheCourtItsFileNumberTheAmountAndTheDateFromAChineseFreezeOrder() {
        NoticeFacts facts = extractor.extract("根据上海市浦东新区人民法院（2025）沪0115执保1234号民事裁定书，于2025年10月9日对您名下账户资金人民币120000元予以司法冻结。");

        assertThat(facts.authority()).isEqualTo("上海市浦东新区人民法院");
        assertThat(facts.fileNumber()).isEqualTo("（2025）沪0115执保1234号");
        assertThat(facts.amounts()).contains(new Money("120000", "CNY"));
        assertThat(facts.dates()).containsExactly("2025-10-09");
    }

    @Test
    void extractsThePoliceBureauAndItsLabelledFileNumber() {
        NoticeFacts facts = extractor.extract("接杭州市公安局西湖分局协助调查通知，您的账户已被冻结，案号：杭西公（刑）立字〔2025〕0456号，请联系办案民警。");

        assertThat(facts.authority()).isEqualTo("杭州市公安局西湖分局");
        assertThat(facts.fileNumber()).isEqualTo("杭西公（刑）立字〔2025〕0456号");
    }

    @Test
    void readsStatedTimeLimitsInBothLanguages() {
        assertThat(extractor.extract("请在3个工作日内提交交易凭证，并于24小时内确认。").timeLimits())
                .extracting(TimeLimit::amount, TimeLimit::unit)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3, TimeUnit.BUSINESS_DAYS), org.assertj.core.groups.Tuple.tuple(24, TimeUnit.HOURS));
        assertThat(extractor.extract("请于七日内提供银行流水。").timeLimits()).extracting(TimeLimit::amount, TimeLimit::unit)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(7, TimeUnit.DAYS));
        assertThat(extractor.extract("Please respond within 5 business days, or within forty-eight hours if urgent; reply within two days.").timeLimits())
                .extracting(TimeLimit::amount, TimeLimit::unit)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(5, TimeUnit.BUSINESS_DAYS), org.assertj.core.groups.Tuple.tuple(2, TimeUnit.DAYS));
    }

    @Test
    void extractsEnglishReferencesAmountsAndDates() {
        NoticeFacts facts = extractor.extract("Ticket #483920: 3 transactions totalling USD 12,400.00 on March 3, 2026 were held; case no. HZ-2025-0456.");

        assertThat(facts.references()).contains("483920");
        assertThat(facts.fileNumber()).isEqualTo("HZ-2025-0456");
        assertThat(facts.amounts()).contains(new Money("12400.00", "USD"));
        assertThat(facts.dates()).containsExactly("2026-03-03");
    }

    @Test
    void extractsReferenceNumbersFromChineseNotices() {
        assertThat(extractor.extract("工单号：RK20250930001，请注明参考号AP-88321。").references()).containsExactly("RK20250930001", "AP-88321");
    }
}
