package app.thaw.notifications.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs webhooks per the Standard Webhooks specification: {@code v1,} and the base64 HMAC-SHA256
 * of {@code webhook-id.webhook-timestamp.body} under each active secret, space-separated, so that
 * during a secret rotation a receiver holding either secret can verify.
 */
public final class WebhookSignature {

    private WebhookSignature() {}

    public static String sign(
            List<WebhookSecret> secrets, Instant now, String messageId, long timestampSeconds, String body) {
        String content = messageId + "." + timestampSeconds + "." + body;
        String signatures = secrets.stream()
                .filter(secret -> secret.activeAt(now))
                .map(secret -> "v1," + hmac(secret.key(), content))
                .collect(Collectors.joining(" "));
        if (signatures.isEmpty()) {
            throw new IllegalStateException("No active secret to sign with");
        }
        return signatures;
    }

    static String hmac(byte[] key, String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
