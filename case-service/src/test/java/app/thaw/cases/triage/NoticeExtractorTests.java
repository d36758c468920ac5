package app.thaw.cases.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import app.thaw.cases.incident.Money;
import app.thaw.cases.incident.NoticeFacts;
import app.thaw.cases.incident.NoticeFacts.TimeLimit;
import app.thaw.cases.incident.NoticeFacts.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NoticeExtractorTests {

    final NoticeExtractor extractor = new NoticeExtractor();

    @Test
    void extractsTheCourtItsFileNumberTheAmountAndTheDateFromAChineseFreezeOrder() {
        NoticeFacts facts =
                extractor.extract("根据上海市浦东新区人民法院（2025）沪0115执保1234号民事裁定书，于2025年10月9日对您名下账户资金人民币120000元予以司法冻结。");

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

    /** The time limits {@code notice} states, in its order, each as "amount UNIT". */
    private List<String> limits(String notice) {
        return extractor.extract(notice).timeLimits().stream()
                .map(limit -> limit.amount() + " " + limit.unit())
                .toList();
    }

    static Stream<Arguments> statedTimeLimits() {
        return Stream.of(
                Arguments.of("请在3个工作日内提交交易凭证，并于24小时内确认。", List.of("3 BUSINESS_DAYS", "24 HOURS")),
                Arguments.of("请于七日内提供银行流水。", List.of("7 DAYS")),
                Arguments.of(
                        "Please respond within 5 business days, or within forty-eight hours if urgent; reply within two days.",
                        List.of("5 BUSINESS_DAYS", "48 HOURS", "2 DAYS")));
    }

    static Stream<Arguments> limitsOfAnHourOrLess() {
        return Stream.of(
                Arguments.of("Please call us within one hour of this notice.", List.of("1 HOURS")),
                Arguments.of("Reply within an hour, or within a day at the latest.", List.of("1 HOURS", "1 DAYS")),
                Arguments.of("请于1小时内回电核实身份。", List.of("1 HOURS")),
                Arguments.of("请于一小时内回电。", List.of("1 HOURS")),
                Arguments.of("请在30分钟内完成人脸验证，或半小时内联系客服。", List.of("30 MINUTES", "30 MINUTES")),
                Arguments.of(
                        "Verify your identity within 45 minutes, or within half an hour by phone.",
                        List.of("45 MINUTES", "30 MINUTES")),
                Arguments.of("Within a few days we will review it.", List.of()));
    }

    /** Spans that say what happened or what the platform will do, beside (or instead of) what the holder must do. */
    static Stream<Arguments> spansThatAreNoDeadline() {
        return Stream.of(
                Arguments.of(
                        "Security notice: suspicious sign-in attempts on your account from 4 countries within one hour. "
                                + "Please re-verify with a selfie and ID within 48 hours.",
                        List.of("48 HOURS")),
                Arguments.of("您的账户在1小时内多次登录失败，已暂停提现。请于24小时内完成人脸识别。", List.of("24 HOURS")),
                Arguments.of("如非本人操作请立即修改密码；为保护账户，提现功能暂停72小时内恢复。", List.of()),
                Arguments.of("审核将在3个工作日内完成，无需任何操作。", List.of()),
                Arguments.of("无须操作，冻结将于24小时内自动解除。", List.of()),
                Arguments.of("您须于5日内提交说明。", List.of("5 DAYS")),
                Arguments.of("We will review the transactions within 5 business days.", List.of()));
    }

    /**
     * Each source is one rule: limits stated in either language; an hour or less is a limit; a span that tells what
     * happened or what the platform will do is none.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource({"statedTimeLimits", "limitsOfAnHourOrLess", "spansThatAreNoDeadline"})
    void readsTheTimeLimitsTheHolderMustMeetAndNoOther(String notice, List<String> expected) {
        assertThat(limits(notice)).containsExactlyElementsOf(expected);
    }

    @Test
    void extractsEnglishReferencesAmountsAndDates() {
        NoticeFacts facts = extractor.extract(
                "Ticket #483920: 3 transactions totalling USD 12,400.00 on March 3, 2026 were held; case no. HZ-2025-0456.");

        assertThat(facts.references()).contains("483920");
        assertThat(facts.fileNumber()).isEqualTo("HZ-2025-0456");
        assertThat(facts.amounts()).contains(new Money("12400.00", "USD"));
        assertThat(facts.dates()).containsExactly("2026-03-03");
    }

    @Test
    void extractsReferenceNumbersFromChineseNotices() {
        assertThat(extractor.extract("工单号：RK20250930001，请注明参考号AP-88321。").references())
                .containsExactly("RK20250930001", "AP-88321");
    }

    @Test
    void aCommaBeforeACurrencyOrAnEmptyAmountIsNotAnAmount() {
        assertThat(extractor
                        .extract("Three transfers, USD 96,000 in total, were held.")
                        .amounts())
                .containsExactly(new Money("96000", "USD"));
        assertThat(extractor.extract("冻结金额：, 元").amounts()).isEmpty();
        assertThat(extractor.extract("金额：,,万元；USD ,").amounts()).isEmpty();
    }

    @Test
    void readsFullWidthDigitsAndPunctuation() {
        NoticeFacts facts = extractor.extract("冻结金额：人民币１２０，０００．５０元，请于３个工作日内提交。");

        assertThat(facts.amounts()).containsExactly(new Money("120000.50", "CNY"));
        assertThat(facts.timeLimits())
                .extracting(TimeLimit::amount, TimeLimit::unit)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3, TimeUnit.BUSINESS_DAYS));
    }

    @Test
    void aHugeNumberBeforeALimitIsNotALimitAndDoesNotThrow() {
        assertThat(extractor.extract("请于99999999999天内处理").timeLimits()).isEmpty();
        assertThat(extractor.extract("请于二十五日内处理，三百天内复核").timeLimits())
                .extracting(TimeLimit::amount)
                .containsExactly(25, 300);
    }

    @Test
    void readsEnglishCourtNumbers() {
        assertThat(extractor
                        .extract(
                                "Per ruling (2025) Yue 0304 Cai Bao No. 1187 of the Futian District People's Court, the account is frozen.")
                        .fileNumber())
                .isEqualTo("(2025) Yue 0304 Cai Bao No. 1187");
    }

    @Test
    void readsPoliceFileNumbersWithTheirPrefix() {
        assertThat(extractor.extract("根据穗公天冻字〔2025〕第0456号协助冻结财产通知书，冻结您的账户。").fileNumber())
                .isEqualTo("穗公天冻字〔2025〕第0456号");
        assertThat(extractor.extract("西安市公安局已立案，文书为西公（刑）立字〔2026〕04417号。").fileNumber())
                .isEqualTo("西公（刑）立字〔2026〕04417号");
    }

    @Test
    void readsUnlabelledTicketNumbersMerchantNumbersAndPhones() {
        NoticeFacts facts =
                extractor.extract("Your appeal CMP-88213 is linked to dispute PP-D-4471923. Merchant ID: 1600012345. "
                        + "Questions: tel. 020-83118110 or +86 13800138000.");

        assertThat(facts.references()).contains("CMP-88213", "PP-D-4471923");
        assertThat(facts.merchantNumbers()).containsExactly("1600012345");
        assertThat(facts.phones()).contains("020-83118110");
        assertThat(extractor.extract("商户号：1230098765，办案民警电话：0755-83001234").phones())
                .containsExactly("0755-83001234");
        assertThat(extractor.extract("商户号：1230098765，银行流水号：BK2025091500017").references())
                .containsExactly("BK2025091500017");
    }

    @Test
    void readsDateRanges() {
        assertThat(extractor.extract("2025年9月15日至17日期间的三笔交易").dates()).containsExactly("2025-09-15", "2025-09-17");
        assertThat(extractor.extract("2025年9月28日至10月2日").dates()).containsExactly("2025-09-28", "2025-10-02");
        assertThat(extractor
                        .extract("transactions on September 15-17, 2025 and 3 Oct 2025")
                        .dates())
                .containsExactly("2025-09-15", "2025-09-17", "2025-10-03");
    }
}
