package app.thaw.monitor.screening;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPInputStream;
import javax.xml.stream.XMLStreamException;

import app.thaw.monitor.screening.matching.ListEntry;
import app.thaw.monitor.screening.matching.OfacCsv;
import app.thaw.monitor.screening.matching.OfacXml;
import app.thaw.monitor.screening.matching.OpenSanctionsCsv;
import app.thaw.monitor.screening.matching.SanctionsList;
import app.thaw.monitor.screening.matching.ScreeningIndex;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * Holds the index over every configured list and reads the lists again on demand. Each list is
 * streamed (gunzipped when its location ends in {@code .gz}) and hashed while it is parsed, so a
 * large list is never held as one buffer; its SHA-256 is its version. Reading is blocking I/O and
 * building the index is a second or so of CPU for the full lists: callers run {@link #reload} on
 * {@code boundedElastic}, never on an event loop. The first load happens at start-up, before any
 * request, and fails the start if a list cannot be read; a later failed read keeps that list's last
 * version in use.
 */
@Component
public class SanctionsLists {

    private static final Logger log = LoggerFactory.getLogger(SanctionsLists.class);

    private final ResourceLoader resources;
    private final ScreeningProperties properties;
    private final Clock clock;
    private final AtomicReference<ScreeningIndex> current = new AtomicReference<>();
    private final AtomicReference<List<ListVersion>> versions = new AtomicReference<>(List.of());
    private final Map<String, Loaded> loaded = new ConcurrentHashMap<>();

    SanctionsLists(ResourceLoader resources, ScreeningProperties properties, Clock clock) throws IOException {
        this.resources = resources;
        this.properties = properties;
        this.clock = clock;
        reload(properties.sources(), true);
    }

    public ScreeningIndex current() {
        return current.get();
    }

    /** Every list in use: what it is, its version and date, its size. */
    public List<ListVersion> versions() {
        return versions.get();
    }

    /** The version of one list in use, if it is configured. */
    public @Nullable ListVersion version(String listId) {
        return versions.get().stream()
                .filter(v -> v.id().equals(listId))
                .findFirst()
                .orElse(null);
    }

    /**
     * Reads every list again (each from its official {@code url} where one is configured, else from
     * its {@code location}); swaps the index if any changed. True when one changed.
     */
    public synchronized boolean reload() throws IOException {
        return reload(properties.sources(), false);
    }

    /** Reads one list again, as {@link #reload()} does; true when it changed. */
    public synchronized boolean reload(String listId) throws IOException {
        List<ScreeningProperties.Source> one =
                properties.sources().stream().filter(s -> s.id().equals(listId)).toList();
        if (one.isEmpty()) {
            throw new IllegalArgumentException("No sanctions list " + listId + " is configured");
        }
        return reload(one, false);
    }

    private synchronized boolean reload(List<ScreeningProperties.Source> which, boolean first) throws IOException {
        boolean changed = false;
        for (ScreeningProperties.Source source : which) {
            Loaded before = loaded.get(source.id());
            String location = first ? source.location() : source.refreshLocation();
            String aliasLocation = first ? source.aliasLocation() : source.refreshAliasLocation();
            String knownDate = (first || source.url() == null)
                            && source.published() != null
                            && !source.published().isBlank()
                    ? source.published()
                    : null;
            Loaded now = null;
            java.util.Properties cached = first ? cached(source) : null;
            if (cached != null) {
                // The publisher's files as last downloaded: newer than the snapshot, and read without the network.
                String list = cacheFor(source)
                        .resolve(cached.getProperty("list"))
                        .toUri()
                        .toString();
                String alias = cached.getProperty("alias") == null
                        ? null
                        : cacheFor(source)
                                .resolve(cached.getProperty("alias"))
                                .toUri()
                                .toString();
                try {
                    now = read(source, list, alias, cached.getProperty("published"), new LinkedHashMap<>());
                    location = list;
                } catch (IOException | RuntimeException failure) {
                    log.warn(
                            "The cached download of sanctions list {} cannot be read ({}); starting from {}",
                            source.id(),
                            failure.toString(),
                            source.location());
                    forget(source);
                }
            }
            Map<String, java.nio.file.Path> downloads = new LinkedHashMap<>();
            try {
                if (now == null) {
                    now = read(source, location, aliasLocation, knownDate, downloads);
                }
                if (!downloads.isEmpty()
                        && (before == null
                                || !before.version()
                                        .sha256()
                                        .equals(now.version().sha256()))) {
                    keep(source, downloads, now.version());
                }
            } catch (IOException | RuntimeException failure) {
                if (first || before == null) {
                    throw new IOException(
                            "Sanctions list " + source.id() + " cannot be read from " + location + ": "
                                    + failure.getMessage(),
                            failure);
                }
                log.warn(
                        "Reading sanctions list {} from {} failed ({}); its version {} read from {} stays in use",
                        source.id(),
                        location,
                        failure.toString(),
                        before.version().sha256().substring(0, 12),
                        before.version().location());
                log.debug("Reading sanctions list {} failed", source.id(), failure);
                continue;
            } finally {
                for (java.nio.file.Path download : downloads.values()) {
                    java.nio.file.Files.deleteIfExists(download);
                }
            }
            if (before != null && before.version().sha256().equals(now.version().sha256())) {
                continue;
            }
            loaded.put(source.id(), now);
            changed = true;
            log.info(
                    "Sanctions list {} ({}) version {} loaded from {}: {} entries, {} names, published {}",
                    source.id(),
                    source.name(),
                    now.version().sha256().substring(0, 12),
                    location,
                    now.version().entries(),
                    now.version().names(),
                    now.version().published());
        }
        if (!changed) {
            return false;
        }
        List<ListEntry> all = new ArrayList<>();
        List<ListVersion> inUse = new ArrayList<>();
        StringBuilder combined = new StringBuilder();
        for (ScreeningProperties.Source source : properties.sources()) {
            Loaded l = loaded.get(source.id());
            if (l == null) {
                continue; // only while the first load is under way
            }
            all.addAll(l.entries());
            inUse.add(l.version());
            combined.append(source.id())
                    .append('=')
                    .append(l.version().sha256())
                    .append(';');
        }
        if (first && inUse.size() < properties.sources().size()) {
            return false;
        }
        String version = sha256(combined.toString().getBytes(StandardCharsets.UTF_8));
        current.set(new ScreeningIndex(new SanctionsList(
                String.join(
                        ",",
                        properties.sources().stream()
                                .map(ScreeningProperties.Source::id)
                                .toList()),
                version,
                clock.instant(),
                all)));
        versions.set(List.copyOf(inUse));
        return !first;
    }

    /**
     * Reads one list from {@code location} (and its aliases from {@code aliasLocation}), hashing each
     * file as it streams. {@code configuredDate}: whether the source's configured {@code published}
     * describes this file (it describes the file at {@code location}, not the publisher's current one).
     */
    private Loaded read(
            ScreeningProperties.Source source,
            String location,
            @Nullable String aliasLocation,
            @Nullable String knownDate,
            Map<String, java.nio.file.Path> downloads)
            throws IOException {
        MessageDigest mainDigest = digest();
        MessageDigest aliasDigest = digest();
        List<ListEntry> entries;
        String[] xmlDate = new String[1];
        Opened main = open(location, mainDigest, downloads, "list");
        long lastModified = main.lastModified();
        switch (source.format()) {
            case OFAC_CSV -> {
                try (Reader sdn = main.reader();
                        Reader alt = open(aliasLocation, aliasDigest, downloads, "alias")
                                .reader()) {
                    entries = OfacCsv.read(source.id(), sdn, alt);
                    // Both to their end, so each digest has seen every byte of its file.
                    drain(alt);
                    drain(sdn);
                }
            }
            case OFAC_XML -> {
                try (Reader xml = main.reader()) {
                    // The StAX reader closes its input at the end of the document; the digest still needs the rest.
                    entries = OfacXml.read(
                            source.id(),
                            new java.io.FilterReader(xml) {
                                @Override
                                public void close() {}
                            },
                            date -> xmlDate[0] = date);
                    drain(xml);
                } catch (XMLStreamException e) {
                    throw new IOException("The sanctions list XML cannot be read: " + e.getMessage(), e);
                }
            }
            case OPENSANCTIONS_CSV -> {
                try (Reader csv = main.reader()) {
                    entries = OpenSanctionsCsv.read(source.id(), csv);
                    drain(csv);
                }
            }
            default -> throw new IllegalStateException(source.format().name());
        }
        if (entries.isEmpty()) {
            throw new IOException("The sanctions list at " + location + " has no entries");
        }
        Map<String, String> files = new LinkedHashMap<>();
        files.put(location, HexFormat.of().formatHex(mainDigest.digest()));
        if (source.format() == ScreeningProperties.Format.OFAC_CSV) {
            files.put(aliasLocation, HexFormat.of().formatHex(aliasDigest.digest()));
        }
        // One file: its SHA-256 is the version; two: the SHA-256 of their hashes in order.
        String version = files.size() == 1
                ? files.values().iterator().next()
                : sha256(String.join("\n", files.values()).getBytes(StandardCharsets.UTF_8));
        String published = knownDate != null && !knownDate.isBlank()
                ? knownDate
                : xmlDate[0] != null
                        ? xmlDate[0]
                        : lastModified > 0 ? Instant.ofEpochMilli(lastModified).toString() : note(source, location);
        int names = entries.stream().mapToInt(e -> 1 + e.aliases().size()).sum();
        return new Loaded(
                new ListVersion(
                        source.id(),
                        source.name(),
                        source.format().name(),
                        location,
                        version,
                        java.util.Collections.unmodifiableMap(files),
                        published,
                        clock.instant(),
                        entries.size(),
                        names,
                        source.url(),
                        properties.refreshInterval(source).toString()),
                entries);
    }

    /** For a file shipped in the application, the date in a {@code .published} file beside it; otherwise unknown. */
    private @Nullable String note(ScreeningProperties.Source source, String location) {
        Resource main = resources.getResource(location);
        try {
            if (main instanceof ClassPathResource classpath) {
                Resource note = new ClassPathResource(classpath.getPath().replaceAll("\\.gz$", "") + ".published");
                if (note.exists()) {
                    try (InputStream in = note.getInputStream()) {
                        return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
                    }
                }
            }
        } catch (IOException unknown) {
            log.debug("No publication date for sanctions list {}", source.id(), unknown);
        }
        return null;
    }

    /**
     * Opens a list file: an {@code http(s)} URL with timeouts (a publisher that does not answer
     * fails the read, which keeps the version in use) and its {@code Last-Modified}; any other
     * location as a Spring resource. Hashed as the bytes arrive; gunzipped when the name ends in
     * {@code .gz}.
     */
    private Opened open(
            @Nullable String location, MessageDigest digest, Map<String, java.nio.file.Path> downloads, String role)
            throws IOException {
        if (location == null) {
            throw new IOException("No location");
        }
        InputStream raw;
        long lastModified = 0;
        String lower = location.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            java.net.URLConnection connection =
                    java.net.URI.create(location).toURL().openConnection();
            connection.setConnectTimeout((int) HTTP_CONNECT_TIMEOUT.toMillis());
            connection.setReadTimeout((int) HTTP_READ_TIMEOUT.toMillis());
            connection.setRequestProperty("User-Agent", "thaw-identity-monitor");
            if (connection instanceof java.net.HttpURLConnection http) {
                int status = http.getResponseCode();
                if (status != 200) {
                    http.disconnect();
                    throw new IOException("HTTP " + status + " from " + location);
                }
            }
            lastModified = connection.getLastModified();
            // Downloaded whole before it is parsed, so a download that breaks off is never half a list, and
            // kept (in the cache directory) once it proves a new version.
            java.nio.file.Path download = java.nio.file.Files.createTempFile("thaw-list-", ".download");
            downloads.put(role, download);
            try (InputStream body = connection.getInputStream()) {
                java.nio.file.Files.copy(body, download, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            raw = java.nio.file.Files.newInputStream(download);
        } else {
            raw = resources.getResource(location).getInputStream();
        }
        InputStream in = new DigestInputStream(raw, digest);
        String path = lower.replaceAll("[?#].*$", "");
        if (path.endsWith(".gz")) {
            in = new GZIPInputStream(in, 64 * 1024);
        }
        return new Opened(in, lastModified);
    }

    private java.nio.file.Path cacheFor(ScreeningProperties.Source source) {
        return java.nio.file.Path.of(properties.cacheDir()).resolve(source.id());
    }

    /**
     * The publisher's files last downloaded for this source, if the cache holds them for the url now
     * configured: {@code list}, {@code alias} (file names), {@code published}, {@code url}.
     */
    private java.util.@Nullable Properties cached(ScreeningProperties.Source source) {
        if (properties.cacheDir() == null || source.url() == null) {
            return null;
        }
        java.nio.file.Path meta = cacheFor(source).resolve("list.properties");
        if (!java.nio.file.Files.isRegularFile(meta)) {
            return null;
        }
        java.util.Properties p = new java.util.Properties();
        try (Reader in = java.nio.file.Files.newBufferedReader(meta, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException unreadable) {
            return null;
        }
        boolean same = source.url().equals(p.getProperty("url"))
                && java.util.Objects.equals(source.aliasUrl(), p.getProperty("aliasUrl"))
                && p.getProperty("list") != null;
        return same ? p : null;
    }

    /** Keeps a new version's downloaded files in the cache directory, so a restart starts from them. */
    private void keep(
            ScreeningProperties.Source source, Map<String, java.nio.file.Path> downloads, ListVersion version) {
        // Only a list with a snapshot and a url is started from its cache; one whose location is the publisher's is
        // read anew.
        if (properties.cacheDir() == null || source.url() == null) {
            return;
        }
        try {
            java.nio.file.Path dir = java.nio.file.Files.createDirectories(cacheFor(source));
            java.util.Properties p = new java.util.Properties();
            p.setProperty("url", source.url());
            if (source.aliasUrl() != null) {
                p.setProperty("aliasUrl", source.aliasUrl());
            }
            if (version.published() != null) {
                p.setProperty("published", version.published());
            }
            p.setProperty("sha256", version.sha256());
            p.setProperty("retrievedAt", version.retrievedAt().toString());
            for (Map.Entry<String, java.nio.file.Path> download : downloads.entrySet()) {
                String url = download.getKey().equals("list") ? source.url() : source.aliasUrl();
                String name = download.getKey() + "-"
                        + url.replaceAll("[?#].*$", "").replaceAll("^.*/", "").replaceAll("[^A-Za-z0-9._-]", "_");
                java.nio.file.Files.copy(
                        download.getValue(), dir.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                p.setProperty(download.getKey(), name);
            }
            java.nio.file.Path meta = dir.resolve("list.properties.tmp");
            try (java.io.Writer out = java.nio.file.Files.newBufferedWriter(meta, StandardCharsets.UTF_8)) {
                p.store(out, "sanctions list " + source.id() + " as last downloaded");
            }
            java.nio.file.Files.move(
                    meta,
                    dir.resolve("list.properties"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException failure) {
            log.warn(
                    "Keeping the download of sanctions list {} in {} failed; a restart starts from {}",
                    source.id(),
                    properties.cacheDir(),
                    source.location(),
                    failure);
        }
    }

    private void forget(ScreeningProperties.Source source) {
        try {
            java.nio.file.Files.deleteIfExists(cacheFor(source).resolve("list.properties"));
        } catch (IOException ignored) {
            log.debug("Cannot remove the cache note of {}", source.id(), ignored);
        }
    }

    static final java.time.Duration HTTP_CONNECT_TIMEOUT = java.time.Duration.ofSeconds(15);
    static final java.time.Duration HTTP_READ_TIMEOUT = java.time.Duration.ofSeconds(60);

    private record Opened(InputStream in, long lastModified) {
        // OFAC's files are ASCII in practice (Windows-1252 at worst); OpenSanctions' are UTF-8. Names are
        // folded before matching either way.
        Reader reader() {
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 64 * 1024);
        }
    }

    private static void drain(Reader reader) throws IOException {
        char[] buffer = new char[8192];
        while (reader.read(buffer) >= 0) {
            // to the end, so the digest has seen every byte
        }
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    private record Loaded(ListVersion version, List<ListEntry> entries) {}

    /**
     * One list as it was read.
     *
     * @param id          its configured id, recorded on every hit
     * @param name        what it is called
     * @param format      OFAC_CSV, OFAC_XML or OPENSANCTIONS_CSV
     * @param location    where this version was read (the shipped snapshot, or the publisher's url after a refresh)
     * @param sha256      its version: its file's SHA-256, or for a pair of files (OFAC CSV) the SHA-256 of their two hashes
     * @param files       each file's SHA-256 as read (of the compressed bytes for a {@code .gz})
     * @param published   when the publisher issued it, if known
     * @param retrievedAt when this version was read
     * @param entries     its parties
     * @param names       their names with aliases
     * @param url         the publisher's official file each refresh reads, if configured
     * @param refreshInterval how often the list is read again (ISO-8601 duration)
     */
    public record ListVersion(
            String id,
            String name,
            String format,
            String location,
            String sha256,
            Map<String, String> files,
            @Nullable String published,
            Instant retrievedAt,
            int entries,
            int names,
            @Nullable String url,
            String refreshInterval) {}
}
