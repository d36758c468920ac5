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
import java.util.List;
import java.util.LinkedHashMap;
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
        reload(true);
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
        return versions.get().stream().filter(v -> v.id().equals(listId)).findFirst().orElse(null);
    }

    /** Reads every list; swaps the index if any changed. True when one changed. */
    public synchronized boolean reload() throws IOException {
        return reload(false);
    }

    private synchronized boolean reload(boolean first) throws IOException {
        boolean changed = false;
        for (ScreeningProperties.Source source : properties.sources()) {
            Loaded before = loaded.get(source.id());
            Loaded now;
            try {
                now = read(source);
            } catch (IOException | RuntimeException failure) {
                if (first || before == null) {
                    throw new IOException("Sanctions list " + source.id() + " cannot be read from " + source.location() + ": "
                            + failure.getMessage(), failure);
                }
                log.warn("Reading sanctions list {} from {} failed; its version {} stays in use", source.id(), source.location(),
                        before.version().sha256().substring(0, 12), failure);
                continue;
            }
            if (before != null && before.version().sha256().equals(now.version().sha256())) {
                continue;
            }
            loaded.put(source.id(), now);
            changed = true;
            log.info("Sanctions list {} ({}) version {} loaded from {}: {} entries, {} names, published {}", source.id(),
                    source.name(), now.version().sha256().substring(0, 12), source.location(), now.version().entries(),
                    now.version().names(), now.version().published());
        }
        if (!changed) {
            return false;
        }
        List<ListEntry> all = new ArrayList<>();
        List<ListVersion> inUse = new ArrayList<>();
        StringBuilder combined = new StringBuilder();
        for (ScreeningProperties.Source source : properties.sources()) {
            Loaded l = loaded.get(source.id());
            all.addAll(l.entries());
            inUse.add(l.version());
            combined.append(source.id()).append('=').append(l.version().sha256()).append(';');
        }
        String version = sha256(combined.toString().getBytes(StandardCharsets.UTF_8));
        current.set(new ScreeningIndex(new SanctionsList(String.join(",", properties.sources().stream().map(ScreeningProperties.Source::id)
                .toList()), version, clock.instant(), all)));
        versions.set(List.copyOf(inUse));
        return !first;
    }

    private Loaded read(ScreeningProperties.Source source) throws IOException {
        Resource main = resources.getResource(source.location());
        MessageDigest mainDigest = digest();
        MessageDigest aliasDigest = digest();
        List<ListEntry> entries;
        switch (source.format()) {
            case OFAC_CSV -> {
                try (Reader sdn = reader(main, mainDigest);
                     Reader alt = reader(resources.getResource(source.aliasLocation()), aliasDigest)) {
                    entries = OfacCsv.read(source.id(), sdn, alt);
                    // Both to their end, so each digest has seen every byte of its file.
                    drain(alt);
                    drain(sdn);
                }
            }
            case OFAC_XML -> {
                try (Reader xml = reader(main, mainDigest)) {
                    entries = OfacXml.read(source.id(), xml);
                    drain(xml);
                } catch (XMLStreamException e) {
                    throw new IOException("The sanctions list XML cannot be read: " + e.getMessage(), e);
                }
            }
            case OPENSANCTIONS_CSV -> {
                try (Reader csv = reader(main, mainDigest)) {
                    entries = OpenSanctionsCsv.read(source.id(), csv);
                    drain(csv);
                }
            }
            default -> throw new IllegalStateException(source.format().name());
        }
        Map<String, String> files = new LinkedHashMap<>();
        files.put(source.location(), HexFormat.of().formatHex(mainDigest.digest()));
        if (source.format() == ScreeningProperties.Format.OFAC_CSV) {
            files.put(source.aliasLocation(), HexFormat.of().formatHex(aliasDigest.digest()));
        }
        // One file: its SHA-256 is the version; two: the SHA-256 of their hashes in order.
        String version = files.size() == 1 ? files.values().iterator().next()
                : sha256(String.join("\n", files.values()).getBytes(StandardCharsets.UTF_8));
        String published = source.published() != null && !source.published().isBlank() ? source.published() : published(source, main);
        int names = entries.stream().mapToInt(e -> 1 + e.aliases().size()).sum();
        return new Loaded(new ListVersion(source.id(), source.name(), source.format().name(), source.location(), version,
                java.util.Collections.unmodifiableMap(files), published, clock.instant(), entries.size(), names), entries);
    }

    /**
     * When the publisher issued the list: an HTTP source's {@code Last-Modified}; for a file shipped
     * in the application, the date in a {@code .published} file beside it; otherwise unknown.
     */
    private @Nullable String published(ScreeningProperties.Source source, Resource main) {
        String location = source.location().toLowerCase(Locale.ROOT);
        try {
            if (location.startsWith("http://") || location.startsWith("https://")) {
                long modified = main.lastModified();
                return modified > 0 ? Instant.ofEpochMilli(modified).toString() : null;
            }
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

    private static Reader reader(Resource resource, MessageDigest digest) throws IOException {
        InputStream in = new DigestInputStream(resource.getInputStream(), digest);
        String name = resource.getFilename();
        if (name != null && name.toLowerCase(Locale.ROOT).endsWith(".gz")) {
            in = new GZIPInputStream(in, 64 * 1024);
        }
        // OFAC's files are ASCII in practice (Windows-1252 at worst); OpenSanctions' are UTF-8. Names are
        // folded before matching either way.
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 64 * 1024);
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

    private record Loaded(ListVersion version, List<ListEntry> entries) {
    }

    /**
     * One list as it was read.
     *
     * @param id          its configured id, recorded on every hit
     * @param name        what it is called
     * @param format      OFAC_CSV, OFAC_XML or OPENSANCTIONS_CSV
     * @param location    where it was read
     * @param sha256      its version: its file's SHA-256, or for a pair of files (OFAC CSV) the SHA-256 of their two hashes
     * @param files       each file's SHA-256 as read (of the compressed bytes for a {@code .gz})
     * @param published   when the publisher issued it, if known
     * @param retrievedAt when this version was read
     * @param entries     its parties
     * @param names       their names with aliases
     */
    public record ListVersion(String id, String name, String format, String location, String sha256, Map<String, String> files,
                              @Nullable String published,
                              Instant retrievedAt, int entries, int names) {
    }
}
