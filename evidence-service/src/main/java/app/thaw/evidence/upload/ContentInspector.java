package app.thaw.evidence.upload;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;

import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Decides what a file really is from its first bytes (Apache Tika's magic-byte detection), and
 * whether Thaw takes it: images, PDF, office documents, video, plain text and chat exports.
 * Executables, scripts and archives are refused, and so is a declared type or a file name that
 * contradicts the content. The sniffed type has the last word: a client's label never lets a file
 * in on its own. See docs/adr/0020-evidence-content-detection.md.
 */
@Component
public class ContentInspector {

    private static final Set<String> OFFICE = Set.of(
            "application/msword",
            "application/vnd.ms-excel",
            "application/vnd.ms-powerpoint",
            "application/x-tika-msoffice",
            "application/x-tika-ooxml",
            "application/rtf",
            "text/rtf");
    private static final Set<String> TEXT = Set.of("text/plain", "text/csv", "application/json", "message/rfc822");
    private static final Set<String> UNKNOWN = Set.of("application/octet-stream", "binary/octet-stream");

    // Loaded once at start: reading Tika's type database is classpath I/O, not for an event loop.
    private final MimeTypes types = MimeTypes.getDefaultMimeTypes();
    private final MediaTypeRegistry registry = types.getMediaTypeRegistry();

    /**
     * The type to store the file under, when it is allowed.
     *
     * @param prefix   the first bytes of the content (the whole content when it is shorter)
     * @param fileName the sanitised file name
     * @param declared the {@code Content-Type} the client gave, if any
     * @throws EvidenceTypeNotAllowed when the content, the declared type or the name's type is not taken
     * @throws EvidenceTypeMismatch   when the declared type contradicts the content
     */
    public String inspect(byte[] prefix, String fileName, @Nullable String declared) {
        MediaType sniffed = sniff(prefix);
        if (!allowed(sniffed)) {
            throw new EvidenceTypeNotAllowed(sniffed.toString(), "the content");
        }
        MediaType byName = byName(fileName);
        if (!UNKNOWN.contains(byName.getBaseType().toString())
                && !allowed(byName)
                && !byName.equals(MediaType.TEXT_PLAIN)) {
            throw new EvidenceTypeNotAllowed(byName.toString(), "the file name");
        }
        MediaType claimed = declared == null ? null : MediaType.parse(declared);
        if (claimed == null || UNKNOWN.contains(claimed.getBaseType().toString())) {
            return refine(sniffed, byName).toString();
        }
        claimed = claimed.getBaseType();
        if (!allowed(claimed)) {
            throw new EvidenceTypeNotAllowed(claimed.toString(), "the declared Content-Type");
        }
        if (!compatible(claimed, sniffed)) {
            throw new EvidenceTypeMismatch(claimed.toString(), sniffed.toString());
        }
        return (registry.isSpecializationOf(claimed, sniffed) ? claimed : sniffed).toString();
    }

    MediaType sniff(byte[] prefix) {
        try {
            // No resource name: the bytes alone decide, so a name cannot turn a ZIP into a document.
            return types.detect(new ByteArrayInputStream(prefix), new Metadata())
                    .getBaseType();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private MediaType byName(String fileName) {
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
        try {
            return types.detect(null, metadata).getBaseType();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An office container named as a specific format (x.docx) is stored as that format. */
    private MediaType refine(MediaType sniffed, MediaType byName) {
        return registry.isSpecializationOf(byName, sniffed) && allowed(byName) ? byName : sniffed;
    }

    private boolean compatible(MediaType claimed, MediaType sniffed) {
        if (claimed.equals(sniffed) || registry.isSpecializationOf(claimed, sniffed)) {
            return true;
        }
        // Text has no magic: a CSV, a JSON chat export or a mail export all sniff as text/plain.
        return sniffed.equals(MediaType.TEXT_PLAIN) && TEXT.contains(claimed.toString());
    }

    boolean allowed(MediaType type) {
        String base = type.getBaseType().toString();
        String top = type.getType();
        if (base.equals("image/svg+xml")) {
            return false; // SVG is XML that may carry scripts
        }
        return top.equals("image")
                || top.equals("video")
                || base.equals("application/pdf")
                || TEXT.contains(base)
                || OFFICE.contains(base)
                || base.startsWith("application/vnd.openxmlformats-officedocument.")
                || base.startsWith("application/vnd.oasis.opendocument.")
                || base.startsWith("application/vnd.ms-word")
                || base.startsWith("application/vnd.ms-excel")
                || base.startsWith("application/vnd.ms-powerpoint");
    }
}
