package app.thaw.evidence.upload;

import java.text.Normalizer;

import org.jspecify.annotations.Nullable;

/**
 * Makes a client's file name safe to store, show and send back in {@code Content-Disposition}:
 * no directories, no control or format characters, no leading dots, at most {@value #MAX_LENGTH}
 * characters with the extension kept.
 */
public final class FileNames {

    public static final int MAX_LENGTH = 120;
    public static final String FALLBACK = "evidence";

    private FileNames() {}

    public static String sanitise(@Nullable String raw) {
        if (raw == null) {
            return FALLBACK;
        }
        String name = Normalizer.normalize(raw, Normalizer.Form.NFC);
        // Only the last path segment: clients send "C:\\fakepath\\x.pdf" or "../../etc/passwd".
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(slash + 1);
        StringBuilder clean = new StringBuilder(name.length());
        name.codePoints().forEach(cp -> {
            int type = Character.getType(cp);
            boolean unsafe = Character.isISOControl(cp)
                    || type == Character.FORMAT
                    || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR
                    || type == Character.SURROGATE
                    || type == Character.UNASSIGNED
                    || cp == '"'
                    || cp == ':'
                    || cp == '*'
                    || cp == '?'
                    || cp == '<'
                    || cp == '>'
                    || cp == '|';
            clean.appendCodePoint(unsafe ? '_' : cp);
        });
        String result = clean.toString().strip().replaceFirst("^[.\\s]+", "");
        if (result.isEmpty()) {
            return FALLBACK;
        }
        if (result.codePointCount(0, result.length()) > MAX_LENGTH) {
            int dot = result.lastIndexOf('.');
            String extension = dot > 0 && result.length() - dot <= 10 ? result.substring(dot) : "";
            String stem = result.substring(0, result.length() - extension.length());
            int keep = MAX_LENGTH - extension.codePointCount(0, extension.length());
            result =
                    stem.substring(0, stem.offsetByCodePoints(0, Math.min(keep, stem.codePointCount(0, stem.length()))))
                            + extension;
        }
        return result;
    }
}
