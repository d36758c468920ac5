package app.thaw.monitor.screening;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicReference;

import app.thaw.monitor.screening.matching.OfacCsv;
import app.thaw.monitor.screening.matching.SanctionsList;
import app.thaw.monitor.screening.matching.ScreeningIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * Holds the current list's index and reads the list again on demand. Reading is blocking I/O
 * (a file or a URL) and building the index is a second or so of CPU for the full list: callers
 * run {@link #reload} on {@code boundedElastic}, never on an event loop. The first load happens at
 * start-up, before any request.
 */
@Component
public class SanctionsLists {

    private static final Logger log = LoggerFactory.getLogger(SanctionsLists.class);

    private final ResourceLoader resources;
    private final ScreeningProperties properties;
    private final Clock clock;
    private final AtomicReference<ScreeningIndex> current = new AtomicReference<>();

    SanctionsLists(ResourceLoader resources, ScreeningProperties properties, Clock clock) throws IOException {
        this.resources = resources;
        this.properties = properties;
        this.clock = clock;
        reload();
    }

    public ScreeningIndex current() {
        return current.get();
    }

    /** Reads the list; swaps it in if it changed. True when it changed. */
    public boolean reload() throws IOException {
        boolean xml = properties.sdnLocation().toLowerCase(java.util.Locale.ROOT).endsWith(".xml");
        byte[] sdn = read(properties.sdnLocation());
        // The XML form carries its aliases inside each entry: no second file.
        byte[] alt = xml ? new byte[0] : read(properties.altLocation());
        String version = sha256(sdn, alt);
        ScreeningIndex before = current.get();
        if (before != null && before.list().version().equals(version)) {
            return false;
        }
        SanctionsList list = new SanctionsList(properties.sdnLocation(), version, clock.instant(), parse(xml, sdn, alt));
        ScreeningIndex index = new ScreeningIndex(list);
        current.set(index);
        log.info("Sanctions list {} loaded from {}: {} entries, {} names", version.substring(0, 12), properties.sdnLocation(),
                list.entries().size(), index.nameCount());
        return before != null;
    }

    private static java.util.List<app.thaw.monitor.screening.matching.ListEntry> parse(boolean xml, byte[] sdn, byte[] alt)
            throws IOException {
        if (!xml) {
            return OfacCsv.read(reader(sdn), reader(alt));
        }
        try {
            return app.thaw.monitor.screening.matching.OfacXml.read(reader(sdn));
        } catch (javax.xml.stream.XMLStreamException e) {
            throw new IOException("The sanctions list XML cannot be read: " + e.getMessage(), e);
        }
    }

    private byte[] read(String location) throws IOException {
        Resource resource = resources.getResource(location);
        try (InputStream in = resource.getInputStream()) {
            return in.readAllBytes();
        }
    }

    private static StringReader reader(byte[] bytes) {
        // OFAC's legacy files are Windows-1252 text in practice; UTF-8 decoding keeps ASCII intact and
        // the sample is UTF-8. Names are folded to ASCII before matching either way.
        return new StringReader(new String(bytes, StandardCharsets.UTF_8));
    }

    private static String sha256(byte[] sdn, byte[] alt) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(sdn);
            digest.update(alt);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
