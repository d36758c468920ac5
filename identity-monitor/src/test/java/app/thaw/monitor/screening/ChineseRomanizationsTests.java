package app.thaw.monitor.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import app.thaw.monitor.screening.matching.ChineseRomanizations;
import app.thaw.monitor.screening.matching.ListEntry;
import app.thaw.monitor.screening.matching.ScreeningIndex;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * A Chinese person's name in pinyin, Wade–Giles or Cantonese finds the listing written in another
 * of them, given names included — on the shipped 2021 OFAC SDN list, which lists mainland names in
 * pinyin ("ZHANG, Xiaoming") and Taiwanese, Hong Kong and Burmese Chinese names in Wade–Giles or
 * Cantonese ("CHANG, Wen-Fu", "WONG, Moon Chi") — while a name differing in one syllable does not.
 */
class ChineseRomanizationsTests {

    static ScreeningIndex index;

    @BeforeAll
    static void load() throws Exception {
        index = new SanctionsLists(
                        new DefaultResourceLoader(),
                        new ScreeningProperties(null, null, 10),
                        java.time.Clock.systemUTC())
                .current();
    }

    static List<String> ids(String name) {
        return index.screen(name, 0.9, Set.of(), 10).stream()
                .map(m -> m.entry().id())
                .toList();
    }

    static double score(String name, String id) {
        return index.screen(name, 0.9, Set.of(), 10).stream()
                .filter(m -> m.entry().id().equals(id))
                .findFirst()
                .orElseThrow()
                .score();
    }

    @Test
    void aPinyinListingIsFoundFromItsWadeGilesSpelling() {
        assertThat(ids("Chou Chien-shu")).contains("20566"); // ZHOU, Jianshu
        assertThat(ids("Ma Hsiao-hung")).contains("20565"); // MA, Xiaohong
        assertThat(ids("Chang Hsiao-ming")).contains("29259"); // ZHANG, Xiaoming
        assertThat(ids("Wang Chih-ching")).contains("28366"); // WANG, Zhiqing
        assertThat(ids("Lo Chuan-hsu")).contains("20701"); // LUO, Chuanxu
        // Apostrophes and umlauts, as Wade–Giles is printed: CH'ÜAN is QUAN.
        assertThat(ids("Ch'en Ch'üan-kuo")).contains("29220"); // CHEN, Quanguo
        // Surname last, the given name unhyphenated.
        assertThat(ids("Hsiaoming Chang")).contains("29259");
    }

    @Test
    void aPinyinListingIsFoundFromItsCantoneseSpelling() {
        assertThat(ids("Cheung Siu Ming")).contains("29259"); // ZHANG, Xiaoming
        assertThat(ids("Wong Chi Ching")).contains("28366"); // WANG, Zhiqing
        assertThat(ids("Chan Chuen Kwok")).contains("29220"); // CHEN, Quanguo
        assertThat(ids("Cheng Kwong Wah")).contains("26323"); // ZHENG, Guanghua
        assertThat(ids("Lee Ka Tung")).contains("28264"); // LI, Jiadong
        assertThat(ids("Ma Siu-hung")).contains("20565"); // MA, Xiaohong
    }

    @Test
    void aWadeGilesOrCantoneseListingIsFoundFromPinyin() {
        assertThat(ids("Zhang Wenfu")).contains("15923"); // CHANG, Wen-Fu
        assertThat(ids("Zhang Qifu")).contains("6709"); // CHANG, Chi Fu
        assertThat(ids("Zhang Pingyun")).contains("6859"); // CHANG, Ping Yun
        assertThat(ids("Wang Manzhi")).contains("9340"); // WONG, Moon Chi
        assertThat(ids("Huang Manzhi")).contains("9340");
        // …and from Cantonese to Wade–Giles, through the pinyin both stand for.
        assertThat(ids("Cheung Man Fu")).contains("15923");
    }

    @Test
    void aMatchThroughAnotherRomanizationRanksBelowTheNameAsWritten() {
        assertThat(score("Zhang Xiaoming", "29259")).isEqualTo(1.0);
        assertThat(score("Cheung Siu Ming", "29259")).isLessThan(1.0).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void aNameDifferingInOneSyllableIsNotAHit() {
        assertThat(ids("Cheung Siu Wah")).doesNotContain("29259");
        assertThat(ids("Chang Hsiao-hua")).doesNotContain("29259");
        assertThat(ids("Wong Siu Ming")).doesNotContain("29259"); // another surname: 王 or 黄, not 张
        assertThat(ids("Chang Ming")).doesNotContain("29259");
        assertThat(ids("Wong Chi Ming")).doesNotContain("28366");
        assertThat(ids("Chou Chien-hua")).doesNotContain("20566");
        assertThat(ids("Zhang Wenhua")).doesNotContain("15923");
        assertThat(ids("Chan Kwok")).doesNotContain("29220");
        assertThat(ids("Lee Ka Man")).doesNotContain("28264");
        assertThat(ids("Ma Siu Ming")).doesNotContain("20565");
        assertThat(ids("Lo Hsiang-hsu")).doesNotContain("20701"); // HSIANG is XIANG, not CHUAN
        assertThat(ids("Zhang Qiming")).doesNotContain("6709");
        // A given name lacking a listed syllable is another given name: 伟 is not 志伟.
        assertThat(ids("Liu Wei")).doesNotContain("30322"); // LAU, Chi Wai
        assertThat(ids("刘伟")).doesNotContain("30322");
    }

    @Test
    void anotherRomanizationIsMatchedOnlyExactlyNotFuzzily() {
        // HSIAOMINH is a typo of the Wade–Giles spelling: as written it is close to nothing listed,
        // and its pinyin is not guessed from a typo.
        assertThat(ids("Chang Hsiaominh")).doesNotContain("29259");
    }

    @Test
    void companiesAndNamesThatDoNotReadAsChineseGetNoOtherSpellings() {
        assertThat(ChineseRomanizations.alternatives(List.of("JOHN", "SMITH"))).isEmpty();
        assertThat(ChineseRomanizations.alternatives(List.of("MUHAMMAD", "WANG")))
                .isEmpty();
        assertThat(ChineseRomanizations.alternatives(List.of("CHEUNG", "SIU", "MING")))
                .anySatisfy(words -> assertThat(words.get(1)).contains("XIAOMING", "HSIAOMING"));
        // A company is not screened against people, so not in people's romanizations either.
        assertThat(index.screen("Cheung Siu Ming Trading Limited", 0.9, Set.of(), 10))
                .noneMatch(m -> m.entry().type() == ListEntry.EntryType.INDIVIDUAL);
    }
}
