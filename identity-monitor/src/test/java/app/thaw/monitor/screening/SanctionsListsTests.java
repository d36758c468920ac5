package app.thaw.monitor.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import app.thaw.monitor.screening.matching.ListEntry;
import app.thaw.monitor.screening.matching.ScreeningIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.DefaultResourceLoader;

class SanctionsListsTests {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-06T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    /** The lists as the service reads them at its start, on this test's clock. */
    static SanctionsLists listsOf(ScreeningProperties properties) throws IOException {
        return new SanctionsLists(new DefaultResourceLoader(), properties, CLOCK);
    }

    /** One list of {@code format} in one file at {@code location}, neither cached nor refreshed. */
    static SanctionsLists listOf(String id, String name, ScreeningProperties.Format format, String location)
            throws IOException {
        return listsOf(new ScreeningProperties(
                List.of(new ScreeningProperties.Source(id, name, format, location, null, null)), null, 10));
    }

    @Test
    void withNoListConfiguredTheShippedOfacSdnSnapshotIsScreenedInFull() throws Exception {
        SanctionsLists lists = listsOf(new ScreeningProperties(null, null, 10));
        SanctionsLists.ListVersion sdn = lists.versions().getFirst();
        assertThat(lists.versions()).hasSize(1);
        assertThat(sdn.id()).isEqualTo("ofac-sdn");
        assertThat(sdn.entries()).isEqualTo(8_976);
        assertThat(sdn.names()).isEqualTo(8_976 + 11_910);
        assertThat(sdn.published()).isEqualTo("2021");
        assertThat(sdn.retrievedAt()).isEqualTo(CLOCK.instant());
        // Each file's SHA-256 as shipped is recorded; the version hashes the two.
        String sdnHash = sha256("ofac/2021/sdn.csv.gz");
        String altHash = sha256("ofac/2021/alt.csv.gz");
        assertThat(sdn.files())
                .containsExactly(
                        java.util.Map.entry("classpath:ofac/2021/sdn.csv.gz", sdnHash),
                        java.util.Map.entry("classpath:ofac/2021/alt.csv.gz", altHash));
        assertThat(sdn.sha256())
                .isEqualTo(HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-256")
                                .digest((sdnHash + "\n" + altHash).getBytes(StandardCharsets.UTF_8))));
        // The shipped snapshot is the one its NOTICE.md records (the 2021 files of shared/data/ofac).
        assertThat(sdnHash).isEqualTo("69066500e0df90eaac83af76a3a8b6266f6b79aec94eca7ec7b34dcf28299d31");
        assertThat(altHash).isEqualTo("6bd912202ba6177873be77f8091f37341026efe2100deb56512c02be60260fbc");
        assertThat(sdn.sha256()).isEqualTo("fc06cbb376a21862268600701a68c856fb658b1238be1ffab3ef52f6eb827ce5");
        // Real names are screened, not a sample's.
        assertThat(lists.current().screen("Banco Nacional de Cuba", 0.9, Set.of(), 5))
                .first()
                .satisfies(m -> assertThat(m.entry().id()).isEqualTo("306"));
        assertThat(lists.current().screen("Usama bin Ladin", 0.9, Set.of(), 5))
                .extracting(m -> m.entry().id())
                .contains("6365");
    }

    private String sha256(String resource) throws Exception {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
        }
    }

    @Test
    void anOpenSanctionsListIsAddedByConfigurationBesideOfac() throws Exception {
        // targets.simple.csv as OpenSanctions writes it: a header, quoted cells, ';' between values.
        Files.writeString(dir.resolve("targets.simple.csv"), """
                id,schema,name,aliases,birth_date,countries,addresses,identifiers,sanctions,phones,emails,dataset,first_seen,last_seen,last_change
                eu-fsf-1,Person,"Ivanov, Pyotr Sergeyevich","Petr Ivanov;Пётр Сергеевич Иванов",1961-01-01,ru,,,"EU FSF",,,EU Financial Sanctions Files,2022-01-01,2026-12-01,2026-01-01
                eu-fsf-2,Company,"Northern Shipping Trading LLC","NST, ""Northern"" Shipping",,ru,,,,,,EU Financial Sanctions Files,2022-01-01,2026-12-01,2026-01-01
                eu-fsf-3,Vessel,OCEAN STAR,,,,,,,,,EU Financial Sanctions Files,2022-01-01,2026-12-01,2026-01-01
                """);
        SanctionsLists lists = listsOf(new ScreeningProperties(
                List.of(
                        ScreeningProperties.SHIPPED_SDN,
                        new ScreeningProperties.Source(
                                "eu-fsf",
                                "EU Financial Sanctions",
                                ScreeningProperties.Format.OPENSANCTIONS_CSV,
                                dir.resolve("targets.simple.csv").toUri().toString(),
                                null,
                                "2026-12-01")),
                null,
                10));
        assertThat(lists.versions())
                .extracting(
                        SanctionsLists.ListVersion::id,
                        SanctionsLists.ListVersion::entries,
                        SanctionsLists.ListVersion::published)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("ofac-sdn", 8_976, "2021"),
                        org.assertj.core.groups.Tuple.tuple("eu-fsf", 3, "2026-12-01"));
        ScreeningIndex index = lists.current();
        List<ScreeningIndex.Match> hits = index.screen("Petr Ivanov", 0.9, Set.of(), 5);
        assertThat(hits).first().satisfies(m -> {
            assertThat(m.entry().listId()).isEqualTo("eu-fsf");
            assertThat(m.entry().type()).isEqualTo(ListEntry.EntryType.INDIVIDUAL);
        });
        assertThat(ScreeningService.entryKey(hits.getFirst().entry())).isEqualTo("eu-fsf:eu-fsf-1");
        ListEntry company = index.list().entries().stream()
                .filter(e -> e.id().equals("eu-fsf-2"))
                .findFirst()
                .orElseThrow();
        assertThat(company.type()).isEqualTo(ListEntry.EntryType.ENTITY);
        assertThat(company.aliases()).containsExactly("NST, \"Northern\" Shipping");
        assertThat(index.list().entries().stream()
                        .filter(e -> e.id().equals("eu-fsf-3"))
                        .findFirst()
                        .orElseThrow()
                        .type())
                .isEqualTo(ListEntry.EntryType.VESSEL);
    }

    @Test
    void aChangedListIsANewVersionAndAFailedReadKeepsTheOneInUse() throws Exception {
        Path csv = dir.resolve("targets.simple.csv");
        Files.writeString(csv, "id,schema,name\nx-1,Person,Alpha Beta\n");
        SanctionsLists lists = listOf(
                "x",
                "X",
                ScreeningProperties.Format.OPENSANCTIONS_CSV,
                csv.toUri().toString());
        String first = lists.version("x").sha256();
        assertThat(first)
                .isEqualTo(HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(csv))));
        assertThat(lists.reload()).isFalse();
        Files.writeString(csv, "id,schema,name\nx-1,Person,Alpha Beta\nx-2,Company,Gamma Delta Holdings\n");
        assertThat(lists.reload()).isTrue();
        assertThat(lists.version("x").sha256()).isNotEqualTo(first);
        assertThat(lists.version("x").entries()).isEqualTo(2);
        Files.writeString(csv, "not,a,target,list\n1,2,3,4\n", StandardCharsets.UTF_8);
        assertThat(lists.reload()).isFalse();
        assertThat(lists.version("x").entries()).isEqualTo(2);
        Files.delete(csv);
        assertThat(lists.reload()).isFalse();
        assertThat(lists.current().list().entries()).hasSize(2);
    }

    @Test
    void aListThatCannotBeReadAtStartFailsTheStart() {
        assertThatThrownBy(() -> listOf(
                        "x",
                        "X",
                        ScreeningProperties.Format.OPENSANCTIONS_CSV,
                        dir.resolve("absent.csv").toUri().toString()))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("x");
    }

    @Test
    void sourcesAreCheckedWhenConfigured() {
        assertThatThrownBy(() -> new ScreeningProperties.Source(
                        "Bad Id", "x", ScreeningProperties.Format.OPENSANCTIONS_CSV, "file:x", null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ScreeningProperties.Source(
                        "a", "x", ScreeningProperties.Format.OFAC_CSV, "file:x", null, null))
                .hasMessageContaining("alias-location");
        assertThatThrownBy(() -> new ScreeningProperties(
                        List.of(ScreeningProperties.SHIPPED_SDN, ScreeningProperties.SHIPPED_SDN), null, 10))
                .hasMessageContaining("own id");
    }
}
