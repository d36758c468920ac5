package app.thaw.monitor.protection;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeyTemplates;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.KmsClients;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.prf.PrfConfig;
import com.google.crypto.tink.prf.PrfSet;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

    private static final Logger log = LoggerFactory.getLogger(ProtectionConfiguration.class);
    private static final byte[] KEYSET_CONTEXT = "thaw-identity-monitor-keyset".getBytes(StandardCharsets.UTF_8);

    @Bean
    IdentifierProtector identifierProtector(ProtectionProperties properties) throws GeneralSecurityException, IOException {
        AeadConfig.register();
        PrfConfig.register();
        String kmsKeyUri = properties.kmsKeyUri();
        Aead kek = kmsKeyUri == null || kmsKeyUri.isBlank() ? null : KmsClients.get(kmsKeyUri).getAead(kmsKeyUri);
        KeysetHandle aeadKeys = keyset(properties, kek, "aead.json", "AES256_GCM");
        KeysetHandle prfKeys = keyset(properties, kek, "prf.json", "HMAC_SHA256_PRF");
        return new IdentifierProtector(aeadKeys.getPrimitive(RegistryConfiguration.get(), Aead.class),
                prfKeys.getPrimitive(RegistryConfiguration.get(), PrfSet.class));
    }

    private static KeysetHandle keyset(ProtectionProperties properties, @Nullable Aead kek, String fileName, String template)
            throws GeneralSecurityException, IOException {
        Path file = properties.keysetDir().resolve(fileName);
        if (Files.exists(file)) {
            String json = Files.readString(file);
            return kek == null ? TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get())
                    : TinkJsonProtoKeysetFormat.parseEncryptedKeyset(json, kek, KEYSET_CONTEXT);
        }
        if (kek != null || !properties.generateIfMissing()) {
            throw new IllegalStateException("The identifier keyset " + file + " is missing; with a KMS key (or generation"
                    + " off) keysets are provisioned, never generated. See identity-monitor/README.md.");
        }
        KeysetHandle generated = KeysetHandle.generateNew(KeyTemplates.get(template));
        Files.createDirectories(properties.keysetDir());
        Files.writeString(file, TinkJsonProtoKeysetFormat.serializeKeyset(generated, InsecureSecretKeyAccess.get()));
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            log.warn("Could not restrict the permissions of {}", file);
        }
        log.info("Generated the identifier keyset {} (embedded default; use a KMS-encrypted keyset in production)", file);
        return generated;
    }
}
