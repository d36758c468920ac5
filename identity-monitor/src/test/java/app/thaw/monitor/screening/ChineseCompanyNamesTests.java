package app.thaw.monitor.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import app.thaw.monitor.screening.matching.ListEntry;
import app.thaw.monitor.screening.matching.Names;
import app.thaw.monitor.screening.matching.SanctionsList;
import app.thaw.monitor.screening.matching.ScreeningIndex;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Chinese company names written in characters, matched to their English or pinyin listings, and
 * their usual abbreviations (issue 22). The entries are the SDN list's as written (ids as on the
 * 2021 list) plus two made-up state companies with their English names, as other lists carry them.
 */
class ChineseCompanyNamesTests {

    static ScreeningIndex index;

    @BeforeAll
    static void load() {
        index = new ScreeningIndex(new SanctionsList(
                "test",
                "v1",
                Instant.EPOCH,
                List.of(
                        new ListEntry(
                                "27063",
                                "ZHUHAI ZHENRONG COMPANY LIMITED",
                                ListEntry.EntryType.ENTITY,
                                "IRAN-EO13846",
                                List.of()),
                        new ListEntry(
                                "9753",
                                "CHINA NATIONAL PRECISION MACHINERY IMPORT/EXPORT CORPORATION",
                                ListEntry.EntryType.ENTITY,
                                "NPWMD",
                                List.of()),
                        new ListEntry(
                                "26243",
                                "DALIAN HAIBO INTERNATIONAL FREIGHT CO. LTD.",
                                ListEntry.EntryType.ENTITY,
                                "DPRK3",
                                List.of()),
                        new ListEntry(
                                "23523",
                                "BEIJING CHENGXING TRADING CO. LTD.",
                                ListEntry.EntryType.ENTITY,
                                "DPRK4",
                                List.of()),
                        new ListEntry(
                                "90001",
                                "CHINA NATIONAL PETROLEUM CORPORATION",
                                ListEntry.EntryType.ENTITY,
                                "TEST",
                                List.of()),
                        new ListEntry(
                                "90002",
                                "CHINA NATIONAL OFFSHORE OIL CORPORATION",
                                ListEntry.EntryType.ENTITY,
                                "TEST",
                                List.of("CHINA NATIONAL OFFSHORE PETROLEUM CORPORATION")),
                        new ListEntry("90003", "ZHANG, Wei", ListEntry.EntryType.INDIVIDUAL, "TEST", List.of()))));
    }

    static List<String> hits(String name) {
        return index.screen(name, 0.9, Set.of(), 5).stream()
                .map(m -> m.entry().id())
                .toList();
    }

    @Test
    void aCompanyInCharactersMatchesItsPinyinListing() {
        assertThat(hits("珠海振戎有限公司")).containsExactly("27063");
        assertThat(hits("珠海振戎公司")).containsExactly("27063");
    }

    @Test
    void companyWordsAreTranslatedAndPlacesAndBrandsBecomePinyin() {
        assertThat(hits("大连海博国际货运有限公司")).containsExactly("26243");
        assertThat(hits("北京诚信贸易有限公司"))
                .as("诚信 is read CHENGXIN, one letter from CHENGXING")
                .containsExactly("23523");
        assertThat(hits("中国精密机械进出口总公司")).containsExactly("9753");
    }

    @Test
    void aCompanyLackingTheListedOnesDistinctiveWordIsAnotherCompany() {
        // Not a person's missing middle name: without HAIBO it is any Dalian freight company.
        assertThat(hits("大连国际货运有限公司")).isEmpty();
        assertThat(hits("Dalian International Freight Co., Ltd.")).isEmpty();
        assertThat(hits("Dalian Haibo International Freight")).containsExactly("26243");
    }

    @Test
    void usualAbbreviationsAreExpanded() {
        // CHINA NATIONAL PETROLEUM is also three of the four words of CNOOC's alias (one word missing, as
        // a middle name may be): a weaker hit, ranked below the exact one.
        var cnpc = index.screen("中石油", 0.9, Set.of(), 5);
        assertThat(cnpc.getFirst().entry().id()).isEqualTo("90001");
        assertThat(cnpc.getFirst().score()).isEqualTo(1.0);
        assertThat(cnpc.subList(1, cnpc.size()))
                .allSatisfy(m -> assertThat(m.score()).isLessThan(0.95));
        assertThat(hits("中国石油总公司").getFirst()).isEqualTo("90001");
        assertThat(hits("中海油").getFirst()).isEqualTo("90002");
    }

    @Test
    void aCompanyInCharactersIsACompanyAndAPersonsNameIsStillAPersons() {
        assertThat(Names.hasLegalForm("中石油")).isTrue();
        assertThat(Names.hasLegalForm("中国精密机械进出口总公司")).isTrue();
        assertThat(hits("张伟")).containsExactly("90003");
        assertThat(hits("大连贸易有限公司")).as("only the city and a common word").isEmpty();
        assertThat(hits("中国银行")).isEmpty();
    }
}
