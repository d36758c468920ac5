package app.thaw.monitor.protection;

import java.io.IOException;
import java.security.GeneralSecurityException;

import app.thaw.platform.crypto.TinkKeysets;
import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.prf.PrfConfig;
import com.google.crypto.tink.prf.PrfSet;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Loads the two keysets at start (file reads before any request, so no event loop waits). In the
 * embedded default the keysets are generated in clear under {@code keysetDir} when missing; with a
 * {@code kmsKeyUri} they must exist, encrypted by that KMS key, and are never generated. See
 * docs/adr/0040-identifier-protection-with-tink.md.
 */
@Configuration(proxyBeanMethods = false)
class ProtectionConfiguration {

    /** The keysets' encryption context in production (unchanged since the first KMS-encrypted keysets). */
    private static final String KEYSET_CONTEXT = "thaw-identity-monitor-keyset";

    @Bean
    IdentifierProtector identifierProtector(ProtectionProperties properties)
            throws GeneralSecurityException, IOException {
        PrfConfig.register();
        TinkKeysets keysets = new TinkKeysets(
                properties.keysetDir(), properties.kmsKeyUri(), properties.generateIfMissing(), KEYSET_CONTEXT);
        KeysetHandle aeadKeys = keysets.load("aead.json", "AES256_GCM");
        KeysetHandle prfKeys = keysets.load("prf.json", "HMAC_SHA256_PRF");
        return new IdentifierProtector(
                aeadKeys.getPrimitive(RegistryConfiguration.get(), Aead.class),
                prfKeys.getPrimitive(RegistryConfiguration.get(), PrfSet.class));
    }
}
