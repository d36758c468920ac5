package app.thaw.notifications.webhooks.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import app.thaw.notifications.webhooks.WebhookProperties;
import app.thaw.platform.crypto.TinkKeysets;
import com.google.crypto.tink.Aead;
import com.google.crypto.tink.RegistryConfiguration;
import org.springframework.stereotype.Component;

/**
 * Endpoints' signing secrets at rest: sealed with AES-256-GCM (Tink) before they are stored, with
 * the endpoint's tenant and id as associated data, so a sealed secret opens only on the endpoint it
 * was made for — a copy moved to another endpoint or tenant does not open. A dump of the store
 * alone forges no webhook. The keyset is read (or, in the embedded default, generated) at start:
 * {@link WebhookProperties#keysetDir()}, KMS-encrypted in production (ADR 32, ADR 40).
 */
@Component
class SecretSeal {

    static final String KEYSET = "webhook-secrets.json";
    /** The keyset's encryption context in production. */
    private static final String KEYSET_CONTEXT = "thaw-notification-service-keyset";

    private final Aead aead;

    SecretSeal(WebhookProperties properties) throws GeneralSecurityException, IOException {
        TinkKeysets keysets = new TinkKeysets(
                properties.keysetDir(), properties.kmsKeyUri(), properties.generateIfMissing(), KEYSET_CONTEXT);
        this.aead = keysets.load(KEYSET, "AES256_GCM").getPrimitive(RegistryConfiguration.get(), Aead.class);
    }

    /** The secret sealed for the endpoint, as stored (base64). */
    String seal(String tenantId, String endpointId, String secret) {
        try {
            return Base64.getEncoder()
                    .encodeToString(
                            aead.encrypt(secret.getBytes(StandardCharsets.UTF_8), boundTo(tenantId, endpointId)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not seal a webhook secret", e);
        }
    }

    /** The secret a stored seal holds; fails if it was not sealed for this endpoint (or with another key). */
    String open(String tenantId, String endpointId, String sealed) {
        try {
            return new String(
                    aead.decrypt(Base64.getDecoder().decode(sealed), boundTo(tenantId, endpointId)),
                    StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // No detail of the seal or the key: only which endpoint.
            throw new IllegalStateException("The signing secret of webhook endpoint " + endpointId
                    + " does not open with this service's keyset");
        }
    }

    private static byte[] boundTo(String tenantId, String endpointId) {
        return (tenantId + '\0' + endpointId).getBytes(StandardCharsets.UTF_8);
    }
}
