package app.thaw.monitor.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import app.thaw.monitor.screening.matching.ListEntry;
import app.thaw.monitor.screening.matching.Names;
import app.thaw.monitor.screening.matching.OfacCsv;
import app.thaw.monitor.screening.matching.SanctionsList;
import app.thaw.monitor.screening.matching.ScreeningIndex;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Matching against the sample list the service ships, plus a few made-up entries. */
class ScreeningIndexTests {

    static final double THRESHOLD = 0.9;
    static ScreeningIndex index;

    @BeforeAll
    static void load() throws IOException {
        List<ListEntry> sample;
        try (var sdn = new InputStreamReader(
                        ScreeningIndexTests.class.getResourceAsStream("/ofac/sdn.csv"), StandardCharsets.UTF_8);
                var alt = new InputStreamReader(
                        ScreeningIndexTests.class.getResourceAsStream("/ofac/alt.csv"), StandardCharsets.UTF_8)) {
            sample = OfacCsv.read(sdn, alt);
        }
        List<ListEntry> all = new java.util.ArrayList<>(sample);
        all.add(new ListEntry(
                "9001", "MÜLLER-SCHMIDT, Jürgen Karl", ListEntry.EntryType.INDIVIDUAL, "TEST", List.of()));
        all.add(new ListEntry("9002", "OUYANG, Feng", ListEntry.EntryType.INDIVIDUAL, "TEST", List.of()));
        index = new ScreeningIndex(new SanctionsList("test", "v1", Instant.EPOCH, all));
    }

    static List<String> hits(String name) {
        return index.screen(name, THRESHOLD, Set.of(), 5).stream()
                .map(m -> m.entry().id())
                .toList();
    }

    @Test
    void readsTheOfacLegacyCsvWithItsAliases() {
        ListEntry bnc = index.list().entries().stream()
                .filter(e -> e.id().equals("306"))
                .findFirst()
                .orElseThrow();
        assertThat(bnc.name()).isEqualTo("BANCO NACIONAL DE CUBA");
        assertThat(bnc.type()).isEqualTo(ListEntry.EntryType.ENTITY);
        assertThat(bnc.aliases()).contains("NATIONAL BANK OF CUBA");
        assertThat(index.list().entries().stream()
                        .filter(e -> e.id().equals("16318"))
                        .findFirst()
                        .orElseThrow()
                        .type())
                .isEqualTo(ListEntry.EntryType.INDIVIDUAL);
    }

    @Test
    void anExactNameMatchesWithScoreOne() {
        List<ScreeningIndex.Match> matches = index.screen("ZHANG, Lei", THRESHOLD, Set.of(), 5);
        assertThat(matches.getFirst().entry().id()).isEqualTo("16318");
        assertThat(matches.getFirst().score()).isEqualTo(1.0);
    }

    @Test
    void wordOrderDoesNotMatter() {
        assertThat(hits("Lei Zhang")).contains("16318");
        assertThat(hits("Usama bin Muhammad bin Awad BIN LADIN")).contains("6365");
    }

    @Test
    void punctuationAndDiacriticsDoNotMatter() {
        assertThat(hits("Jurgen Karl Muller Schmidt")).contains("9001");
        assertThat(hits("müller–schmidt, JÜRGEN-KARL")).contains("9001");
    }

    @Test
    void aTypoInALongNameStillMatches() {
        assertThat(hits("Jurgen Karl Mueller Schmidt")).contains("9001");
        assertThat(hits("Barakzai Haji Abdul Satar")).contains("15007");
    }

    @Test
    void aMissingMiddleNameStillMatches() {
        assertThat(hits("Jurgen Muller Schmidt")).contains("9001");
        assertThat(hits("Jurgen K. Muller-Schmidt")).contains("9001");
    }

    @Test
    void aChineseNameMatchesItsPinyinEntry() {
        assertThat(Names.variants("张磊")).contains(List.of("ZHANG", "LEI"));
        assertThat(hits("张磊")).contains("16318");
        assertThat(hits("李方伟")).contains("11447");
        assertThat(hits("王国英")).contains("16819");
    }

    @Test
    void aCompoundChineseSurnameIsOneToken() {
        assertThat(Names.variants("欧阳锋")).contains(List.of("OUYANG", "FENG"));
        assertThat(hits("欧阳锋")).contains("9002");
    }

    @Test
    void aDifferentGivenNameWithTheSameSurnameDoesNotMatch() {
        assertThat(hits("Zhang Wei")).isEmpty();
        assertThat(hits("张伟")).isEmpty();
        assertThat(hits("Zhang Lin")).doesNotContain("16318");
    }

    @Test
    void oneSharedWordIsNotAMatch() {
        assertThat(hits("Jurgen")).doesNotContain("9001");
        assertThat(hits("Banco Santander")).doesNotContain("306");
    }

    @Test
    void aCompanyMatchesByAliasDespiteItsLegalForm() {
        assertThat(hits("National Bank of Cuba S.A.")).contains("306");
    }

    @Test
    void entryTypesRestrictTheMatches() {
        assertThat(index.screen("ZHANG, Lei", THRESHOLD, Set.of(ListEntry.EntryType.ENTITY), 5))
                .isEmpty();
    }
}
