package app.thaw.notifications.delivery;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Short, stable ids derived from longer natural keys (the same key always gives the same id). */
public final class Ids {

    private Ids() {}

    /** {@code prefix} and the first 128 bits of the key's SHA-256, in hex. */
    public static String derived(String prefix, String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return prefix + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
