package app.thaw.monitor.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import app.thaw.monitor.screening.matching.OfacXml;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where each list comes from (ADR 0044): a start from the configured location (the shipped
 * snapshot), refreshes from the publisher's official url with the file's hash and publication date
 * recorded, each list on its own schedule, a failed or empty download keeping the version in use.
 */
class ListSourcesTests {

    static final String LAST_MODIFIED = "Tue, 01 Dec 2026 10:15:30 GMT";

    @TempDir
    Path dir;

    HttpServer publisher;
    final Map<String, byte[]> published = new ConcurrentHashMap<>();

    @BeforeEach
    void startPublisher() throws Exception {
        publisher = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        publisher.createContext("/", exchange -> {
            byte[] body = published.get(exchange.getRequestURI().getPath());
            if (body == null) {
                exchange.sendResponseHeaders(503, -1);
            } else {
                exchange.getResponseHeaders().add("Last-Modified", LAST_MODIFIED);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        publisher.start();
    }

    @AfterEach
    void stopPublisher() {
        publisher.stop(0);
    }

    String url(String path) {
        return "http://127.0.0.1:" + publisher.getAddress().getPort() + path;
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /**
     * The snapshot (sdn.csv, alt.csv in the directory): Cuba's national bank and its alias; the publisher's files:
     * the same and one more entry, Northern Star Shipping.
     */
    private void snapshotOfOnePublisherOfTwo() throws IOException {
        Files.writeString(
                dir.resolve("sdn.csv"),
                "306,\"BANCO NACIONAL DE CUBA\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n");
        Files.writeString(dir.resolve("alt.csv"), "306,220,\"aka\",\"NATIONAL BANK OF CUBA\",-0- \n");
        published.put(
                "/exports/SDN.CSV",
                ("306,\"BANCO NACIONAL DE CUBA\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n"
                                + "9999,\"NORTHERN STAR SHIPPING TRADING LLC\",-0- ,\"RUSSIA-EO14024\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n")
                        .getBytes(StandardCharsets.US_ASCII));
        published.put(
                "/exports/ALT.CSV",
                "306,220,\"aka\",\"NATIONAL BANK OF CUBA\",-0- \n".getBytes(StandardCharsets.US_ASCII));
    }

    /** OFAC's SDN list in CSV: from the snapshot in the directory (dated 2021), refreshed from the publisher. */
    private ScreeningProperties.Source snapshotAndPublisher(Duration refreshInterval) {
        return new ScreeningProperties.Source(
                "ofac-sdn",
                "SDN",
                ScreeningProperties.Format.OFAC_CSV,
                dir.resolve("sdn.csv").toUri().toString(),
                dir.resolve("alt.csv").toUri().toString(),
                "2021",
                url("/exports/SDN.CSV"),
                url("/exports/ALT.CSV"),
                refreshInterval,
                null);
    }

    @Test
    void aListStartsFromItsSnapshotAndEachRefreshReadsThePublishersUrlRecordingHashAndDate() throws Exception {
        snapshotOfOnePublisherOfTwo();
        byte[] sdn = published.get("/exports/SDN.CSV");
        byte[] alt = published.get("/exports/ALT.CSV");
        ScreeningProperties.Source source = snapshotAndPublisher(Duration.ofHours(6));
        SanctionsLists lists = SanctionsListsTests.listsOf(new ScreeningProperties(List.of(source), null, 10));

        // The start reads the snapshot (offline), dated as configured.
        SanctionsLists.ListVersion start = lists.version("ofac-sdn");
        assertThat(start.location()).isEqualTo(source.location());
        assertThat(start.published()).isEqualTo("2021");
        assertThat(start.entries()).isEqualTo(1);
        assertThat(start.url()).isEqualTo(url("/exports/SDN.CSV"));
        assertThat(start.refreshInterval()).isEqualTo("PT6H");
        assertThat(lists.current().screen("Northern Star Shipping Trading", 0.9, Set.of(), 5))
                .isEmpty();

        // A refresh reads the publisher's files: their hashes, the publisher's date, the new entry.
        assertThat(lists.reload("ofac-sdn")).isTrue();
        SanctionsLists.ListVersion fetched = lists.version("ofac-sdn");
        assertThat(fetched.location()).isEqualTo(url("/exports/SDN.CSV"));
        assertThat(fetched.files())
                .containsExactly(
                        Map.entry(url("/exports/SDN.CSV"), sha256(sdn)),
                        Map.entry(url("/exports/ALT.CSV"), sha256(alt)));
        assertThat(fetched.sha256())
                .isEqualTo(sha256((sha256(sdn) + "\n" + sha256(alt)).getBytes(StandardCharsets.UTF_8)));
        assertThat(fetched.published())
                .isEqualTo(Instant.parse("2026-12-01T10:15:30Z").toString());
        assertThat(fetched.entries()).isEqualTo(2);
        assertThat(lists.current().screen("Northern Star Shipping Trading", 0.9, Set.of(), 5))
                .first()
                .satisfies(m -> assertThat(m.entry().id()).isEqualTo("9999"));
        assertThat(lists.reload("ofac-sdn")).as("same files, same version").isFalse();

        // The publisher down, or a truncated (empty) download: the version in use stays.
        published.remove("/exports/SDN.CSV");
        assertThat(lists.reload("ofac-sdn")).isFalse();
        published.put("/exports/SDN.CSV", new byte[0]);
        assertThat(lists.reload()).isFalse();
        assertThat(lists.version("ofac-sdn").sha256()).isEqualTo(fetched.sha256());
        assertThat(lists.current().list().entries()).hasSize(2);
    }

    @Test
    void aRestartStartsFromTheLastDownloadNotTheOlderSnapshot() throws Exception {
        snapshotOfOnePublisherOfTwo();
        ScreeningProperties.Source source = snapshotAndPublisher(null);
        Path cache = dir.resolve("cache");
        ScreeningProperties properties = new ScreeningProperties(List.of(source), null, null, cache.toString(), 10);
        SanctionsLists first = SanctionsListsTests.listsOf(properties);
        assertThat(first.version("ofac-sdn").entries()).isEqualTo(1);
        assertThat(first.reload()).isTrue();
        SanctionsLists.ListVersion downloaded = first.version("ofac-sdn");

        // Restarted, with the publisher unreachable: the last download, its hash and date, not the snapshot.
        published.clear();
        SanctionsLists restarted = SanctionsListsTests.listsOf(properties);
        SanctionsLists.ListVersion after = restarted.version("ofac-sdn");
        assertThat(after.sha256()).isEqualTo(downloaded.sha256());
        assertThat(after.published()).isEqualTo(downloaded.published());
        assertThat(after.entries()).isEqualTo(2);
        assertThat(after.location()).startsWith(cache.toUri().toString());
        assertThat(restarted.reload())
                .as("publisher down: the cached version stays")
                .isFalse();

        // Another url configured: the cache is of another file; the snapshot again.
        ScreeningProperties.Source moved = new ScreeningProperties.Source(
                "ofac-sdn",
                "SDN",
                ScreeningProperties.Format.OFAC_CSV,
                source.location(),
                source.aliasLocation(),
                "2021",
                url("/v2/SDN.CSV"),
                url("/v2/ALT.CSV"),
                null,
                null);
        assertThat(SanctionsListsTests.listsOf(
                                new ScreeningProperties(List.of(moved), null, null, cache.toString(), 10))
                        .version("ofac-sdn")
                        .entries())
                .isEqualTo(1);

        // A damaged cache is forgotten and the snapshot read.
        try (var files = Files.list(cache.resolve("ofac-sdn"))) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("list-"))
                    .toList()) {
                Files.writeString(file, "");
            }
        }
        SanctionsLists damaged = SanctionsListsTests.listsOf(properties);
        assertThat(damaged.version("ofac-sdn").entries()).isEqualTo(1);
        assertThat(damaged.version("ofac-sdn").location()).isEqualTo(source.location());
        assertThat(cache.resolve("ofac-sdn").resolve("list.properties")).doesNotExist();
    }

    @Test
    void aListWhoseLocationIsThePublishersIsReadFromItAtTheStartAndNotCached() throws Exception {
        published.put(
                "/targets.simple.csv", "id,schema,name\nx-1,Person,Alpha Beta\n".getBytes(StandardCharsets.UTF_8));
        Path cache = dir.resolve("cache");
        SanctionsLists lists = SanctionsListsTests.listsOf(new ScreeningProperties(
                List.of(new ScreeningProperties.Source(
                        "x",
                        "X",
                        ScreeningProperties.Format.OPENSANCTIONS_CSV,
                        url("/targets.simple.csv"),
                        null,
                        null)),
                null,
                null,
                cache.toString(),
                10));
        assertThat(lists.version("x").location()).isEqualTo(url("/targets.simple.csv"));
        assertThat(lists.version("x").published())
                .isEqualTo(Instant.parse("2026-12-01T10:15:30Z").toString());
        assertThat(lists.version("x").sha256()).isEqualTo(sha256(published.get("/targets.simple.csv")));
        assertThat(cache).doesNotExist();
    }

    @Test
    void eachListRefreshesOnItsOwnAndTheOthersStayAsTheyWere() throws Exception {
        Path a = dir.resolve("a.csv");
        Path b = dir.resolve("b.csv");
        Files.writeString(a, "id,schema,name\na-1,Person,Alpha Beta\n");
        Files.writeString(b, "id,schema,name\nb-1,Company,Gamma Delta Holdings\n");
        SanctionsLists lists = SanctionsListsTests.listsOf(new ScreeningProperties(
                List.of(
                        new ScreeningProperties.Source(
                                "a",
                                "A",
                                ScreeningProperties.Format.OPENSANCTIONS_CSV,
                                a.toUri().toString(),
                                null,
                                null),
                        new ScreeningProperties.Source(
                                "b",
                                "B",
                                ScreeningProperties.Format.OPENSANCTIONS_CSV,
                                b.toUri().toString(),
                                null,
                                null,
                                null,
                                null,
                                Duration.ofHours(1),
                                null)),
                Duration.ofHours(12),
                10));
        assertThat(lists.versions())
                .extracting(SanctionsLists.ListVersion::id, SanctionsLists.ListVersion::refreshInterval)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("a", "PT12H"),
                        org.assertj.core.groups.Tuple.tuple("b", "PT1H"));
        String aVersion = lists.version("a").sha256();
        Files.writeString(a, "id,schema,name\na-1,Person,Alpha Beta\na-2,Person,Epsilon Zeta\n");
        Files.writeString(b, "id,schema,name\nb-1,Company,Gamma Delta Holdings\nb-2,Company,Eta Theta Trading\n");
        assertThat(lists.reload("b")).isTrue();
        assertThat(lists.version("a").sha256()).isEqualTo(aVersion);
        assertThat(lists.version("a").entries()).isEqualTo(1);
        assertThat(lists.version("b").entries()).isEqualTo(2);
        assertThat(lists.current().list().entries()).hasSize(3);
        assertThatThrownBy(() -> lists.reload("c")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theConsolidatedListIsReadInItsOfficialFormAndItsEntriesAreNamedWithTheListsId() throws Exception {
        // cons_prim.csv / cons_alt.csv: the SDN files' columns.
        Files.writeString(dir.resolve("cons_prim.csv"), """
                27853,"HALYK BANK OF KAZAKHSTAN TEST",-0- ,"UKRAINE-EO13662] [RUSSIA-EO14024",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"SSI"
                31234,"PETROV, Ivan Sergeyevich",individual,"CAATSA - RUSSIA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0-
                \u001A""");
        Files.writeString(dir.resolve("cons_alt.csv"), "31234,50001,\"aka\",\"PETROV, Ivan\",-0- \n");
        SanctionsLists lists = SanctionsListsTests.listsOf(new ScreeningProperties(
                List.of(new ScreeningProperties.Source(
                        "ofac-cons",
                        "OFAC Consolidated",
                        ScreeningProperties.Format.OFAC_CSV,
                        dir.resolve("cons_prim.csv").toUri().toString(),
                        dir.resolve("cons_alt.csv").toUri().toString(),
                        "2026-12-01")),
                null,
                10));
        assertThat(lists.version("ofac-cons").entries()).isEqualTo(2);
        assertThat(lists.version("ofac-cons").names()).isEqualTo(3);
        var hit = lists.current()
                .screen("Ivan Sergeyevich Petrov", 0.9, Set.of(), 5)
                .getFirst();
        assertThat(ScreeningService.entryKey(hit.entry())).isEqualTo("ofac-cons:31234");
    }

    @Test
    void theXmlFormsOwnPublicationDateIsRecorded() throws Exception {
        assertThat(OfacXml.read(
                        "ofac-sdn",
                        new StringReader(OfacXmlTests.SDN_XML),
                        date -> assertThat(date).isEqualTo("2026-11-20")))
                .hasSize(2);
        Files.writeString(dir.resolve("sdn.xml"), OfacXmlTests.SDN_XML);
        SanctionsLists lists = SanctionsListsTests.listOf(
                "ofac-sdn",
                "SDN",
                ScreeningProperties.Format.OFAC_XML,
                dir.resolve("sdn.xml").toUri().toString());
        assertThat(lists.version("ofac-sdn").published()).isEqualTo("2026-11-20");
    }

    @Test
    void theShippedConfigurationStartsFromTheSnapshotFollowsOfacAndLeavesTheConsolidatedListOff() throws Exception {
        var yaml = new org.springframework.boot.env.YamlPropertySourceLoader()
                .load("application.yml", new org.springframework.core.io.ClassPathResource("application.yml"));
        var environment = new org.springframework.core.env.StandardEnvironment();
        yaml.forEach(environment.getPropertySources()::addLast);
        ScreeningProperties shipped = org.springframework.boot.context.properties.bind.Binder.get(environment)
                .bind("thaw.monitor.screening", ScreeningProperties.class)
                .get();
        assertThat(shipped.sources()).extracting(ScreeningProperties.Source::id).containsExactly("ofac-sdn");
        ScreeningProperties.Source sdn = shipped.sources().getFirst();
        assertThat(sdn.location()).isEqualTo(ScreeningProperties.SHIPPED_SDN.location());
        assertThat(sdn.url())
                .isEqualTo("https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/SDN.CSV");
        assertThat(sdn.aliasUrl()).endsWith("/ALT.CSV");
        assertThat(shipped.firstRefreshAfter()).isEqualTo(Duration.ofMinutes(1));
        assertThat(shipped.refreshInterval(sdn)).isEqualTo(Duration.ofHours(24));
        // As the environment variable would (a property source of this environment only, not the JVM's system
        // properties).
        environment
                .getPropertySources()
                .addFirst(new org.springframework.core.env.MapPropertySource(
                        "env", Map.of("THAW_MONITOR_CONS_ENABLED", "true")));
        ScreeningProperties withConsolidated = org.springframework.boot.context.properties.bind.Binder.get(environment)
                .bind("thaw.monitor.screening", ScreeningProperties.class)
                .get();
        assertThat(withConsolidated.sources())
                .extracting(ScreeningProperties.Source::id)
                .containsExactly("ofac-sdn", "ofac-cons");
        assertThat(withConsolidated.sources().get(1).location()).endsWith("/CONS_PRIM.CSV");
    }

    @Test
    void aListConfiguredOffIsLeftOutAndAUrlNeedsItsAliasesUrl() {
        ScreeningProperties.Source off = new ScreeningProperties.Source(
                "ofac-cons",
                "Consolidated",
                ScreeningProperties.Format.OFAC_CSV,
                "https://example.org/CONS_PRIM.CSV",
                "https://example.org/CONS_ALT.CSV",
                null,
                null,
                null,
                null,
                false);
        ScreeningProperties.Source on = new ScreeningProperties.Source(
                "eu", "EU", ScreeningProperties.Format.OPENSANCTIONS_CSV, "file:eu.csv", null, null);
        assertThat(new ScreeningProperties(List.of(on, off), null, 10).sources())
                .containsExactly(on);
        assertThat(new ScreeningProperties(List.of(off), null, 10).sources())
                .containsExactly(ScreeningProperties.SHIPPED_SDN);
        assertThatThrownBy(() -> new ScreeningProperties.Source(
                        "x",
                        "X",
                        ScreeningProperties.Format.OFAC_CSV,
                        "file:a",
                        "file:b",
                        null,
                        "https://example.org/SDN.CSV",
                        null,
                        null,
                        null))
                .hasMessageContaining("alias-url");
        assertThatThrownBy(() -> new ScreeningProperties.Source(
                        "x",
                        "X",
                        ScreeningProperties.Format.OPENSANCTIONS_CSV,
                        "file:a",
                        null,
                        null,
                        null,
                        null,
                        Duration.ZERO,
                        null))
                .hasMessageContaining("refresh-interval");
    }
}
