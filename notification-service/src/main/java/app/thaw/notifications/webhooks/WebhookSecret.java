package app.thaw.notifications.webhooks;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;

import org.jspecify.annotations.Nullable;

/**
 * A Standard Webhooks signing secret: {@code whsec_} and the base64 of at least 24 random bytes
 * (Thaw makes 32). After a rotation the old secret keeps signing until {@code expiresAt}, so a
 * receiver can switch at its own pace.
 */
public record WebhookSecret(String value, @Nullable Instant expiresAt) {

    public static final String PREFIX = "whsec_";
    public static final int MIN_BYTES = 24;
    private static final SecureRandom RANDOM = new SecureRandom();

    public WebhookSecret {
        if (!value.startsWith(PREFIX)) {
            throw new IllegalArgumentException("A webhook secret starts with " + PREFIX);
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(value.substring(PREFIX.length()));
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalArgumentException("A webhook secret is " + PREFIX + " followed by base64");
        }
        if (key.length < MIN_BYTES) {
            throw new IllegalArgumentException("A webhook secret needs at least " + MIN_BYTES + " bytes of key");
        }
    }

    public static WebhookSecret generate() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return new WebhookSecret(PREFIX + Base64.getEncoder().encodeToString(key), null);
    }

    public byte[] key() {
        return Base64.getDecoder().decode(value.substring(PREFIX.length()));
    }

    public boolean activeAt(Instant now) {
        return expiresAt == null || now.isBefore(expiresAt);
    }

    public WebhookSecret expiringAt(Instant when) {
        return new WebhookSecret(value, when);
    }
}
