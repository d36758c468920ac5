package app.thaw.cases.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import app.thaw.cases.incident.NoticeFacts;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The extractor reads any text without throwing: arbitrary Unicode (any code point, surrogates
 * and controls included), and text stitched from the pieces its patterns look for (currency signs,
 * lone commas, empty amounts, full-width brackets and digits, huge numbers).
 */
class NoticeExtractorProperties {

    static final List<String> PIECES = List.of(
            "USD",
            "US$",
            "$",
            "¥",
            "￥",
            "RMB",
            "人民币",
            "元",
            "万元",
            "万",
            ",",
            "，",
            ".",
            "．",
            "0",
            "9",
            "96,000",
            ",,",
            ".5",
            "1.",
            "2025",
            "年",
            "月",
            "日",
            "至",
            "-",
            "/",
            "（",
            "）",
            "(",
            ")",
            "〔",
            "〕",
            "[",
            "]",
            "号",
            "第",
            "字",
            "案号：",
            "编号:",
            "Ticket #",
            "ref",
            "No.",
            "within",
            " ",
            "个工作日",
            "小时",
            "内",
            "十",
            "二十",
            "三百",
            "天",
            "days",
            "business",
            "January",
            "31",
            "99999999999999999999999",
            "\u0000",
            "\uD83D\uDE00",
            "冻结金额：",
            "公安局",
            "人民法院",
            "Court",
            "Cai Bao",
            "CMP-",
            "PP-D-",
            "9月15日至17日",
            "电话",
            "Tel",
            "+86",
            "000",
            "１２０，０００",
            "＄",
            "：",
            "商户号",
            "merchant",
            "\uD800",
            "\n",
            "\t",
            "~",
            "—");

    final NoticeExtractor extractor = new NoticeExtractor();

    @Test
    void neverThrowsOnArbitraryUnicode() {
        AtomicInteger tried = new AtomicInteger();
        qt().withExamples(5000)
                .withShrinkCycles(200)
                .forAll(strings().allPossible().ofLengthBetween(0, 200))
                .checkAssert(text -> {
                    tried.incrementAndGet();
                    assertThat(extractor.extract(text)).isNotNull();
                });
        assertThat(tried).hasValueGreaterThanOrEqualTo(1000);
    }

    @Test
    void neverThrowsOnTextMadeOfThePiecesItLooksFor() {
        Gen<String> piece = integers().between(0, PIECES.size() - 1).map(PIECES::get);
        Gen<String> text = lists().of(piece).ofSizeBetween(0, 40).map(pieces -> String.join("", pieces));
        qt().withExamples(10_000).withShrinkCycles(200).forAll(text).checkAssert(notice -> {
            NoticeFacts facts = extractor.extract(notice);
            assertThat(facts.amounts()).allSatisfy(m -> assertThat(m.amount()).matches("\\d+(\\.\\d+)?"));
            assertThat(facts.timeLimits())
                    .allSatisfy(l -> assertThat(l.amount()).isPositive());
        });
    }

    @Test
    void neverThrowsOnPiecesMixedWithArbitraryCharacters() {
        Gen<String> piece = integers().between(0, PIECES.size() - 1).map(PIECES::get);
        Gen<String> noise = strings().allPossible().ofLengthBetween(0, 3);
        Gen<String> text = lists().of(piece.zip(noise, String::concat))
                .ofSizeBetween(0, 30)
                .map(parts -> String.join("", parts));
        qt().withExamples(5000)
                .withShrinkCycles(200)
                .forAll(text)
                .checkAssert(notice -> assertThat(extractor.extract(notice)).isNotNull());
    }
}
