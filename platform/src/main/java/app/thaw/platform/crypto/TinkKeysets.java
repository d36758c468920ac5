package app.thaw.platform.crypto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeyTemplates;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.KmsClients;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a service's Tink keysets come from (ADR 40): in the embedded default, generated in clear
 * under a directory of the service's on first start (mode 600); in production, provisioned
 * encrypted by a KMS key ({@code kmsKeyUri}, e.g. {@code gcp-kms://…}; the matching Tink KMS
 * extension must be registered) and never generated. Read at start, before any request, so no
 * event loop waits on a file.
 */
public final class TinkKeysets {

    private static final Logger log = LoggerFactory.getLogger(TinkKeysets.class);

    private final Path dir;
    private final @Nullable Aead keyEncryptionKey;
    private final boolean generateIfMissing;
    private final byte[] context;

    /**
     * @param dir               the directory of the service's keysets
     * @param kmsKeyUri         the KMS key that encrypts them (production), or null/blank (embedded default)
     * @param generateIfMissing whether a missing keyset may be generated (never with a KMS key)
     * @param context           associated data of the keysets' encryption, naming the service (a keyset
     *                          encrypted for one service does not open as another's)
     */
    public TinkKeysets(Path dir, @Nullable String kmsKeyUri, boolean generateIfMissing, String context)
            throws GeneralSecurityException {
        AeadConfig.register();
        this.dir = dir;
        this.keyEncryptionKey = kmsKeyUri == null || kmsKeyUri.isBlank()
                ? null
                : KmsClients.get(kmsKeyUri).getAead(kmsKeyUri);
        this.generateIfMissing = generateIfMissing;
        this.context = context.getBytes(StandardCharsets.UTF_8);
    }

    /** The keyset in {@code fileName}; generated from {@code template} (a Tink key template name) when missing and allowed. */
    public KeysetHandle load(String fileName, String template) throws GeneralSecurityException, IOException {
        Path file = dir.resolve(fileName);
        if (Files.exists(file)) {
            return read(file);
        }
        if (keyEncryptionKey != null || !generateIfMissing) {
            throw new IllegalStateException("The keyset " + file
                    + " is missing; with a KMS key (or generation off) keysets are" + " provisioned, never generated.");
        }
        KeysetHandle generated = KeysetHandle.generateNew(KeyTemplates.get(template));
        Files.createDirectories(dir);
        // Written whole into a file of its own, then linked into place in one step: two instances starting at
        // once (the scaled shape) never see a half-written keyset, and the one that loses the race uses the
        // winner's keyset instead of its own.
        Path written = Files.createTempFile(dir, fileName, ".new");
        try {
            // Owner-only before a key byte is written, so the keyset is never readable by others, not even briefly.
            try {
                Files.setPosixFilePermissions(written, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // A file system without POSIX permissions (Windows): the file takes the directory's access rules.
                log.warn("Could not restrict the permissions of {}: the file system has no POSIX permissions", file);
            }
            Files.writeString(
                    written, TinkJsonProtoKeysetFormat.serializeKeyset(generated, InsecureSecretKeyAccess.get()));
            try {
                Files.createLink(file, written);
            } catch (FileAlreadyExistsException anotherInstanceWasFirst) {
                return read(file);
            } catch (UnsupportedOperationException noHardLinks) {
                Files.move(written, file);
            }
        } finally {
            Files.deleteIfExists(written);
        }
        log.info("Generated the keyset {} (embedded default; use a KMS-encrypted keyset in production)", file);
        return generated;
    }

    private KeysetHandle read(Path file) throws GeneralSecurityException, IOException {
        String json = Files.readString(file);
        return keyEncryptionKey == null
                ? TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get())
                : TinkJsonProtoKeysetFormat.parseEncryptedKeyset(json, keyEncryptionKey, context);
    }
}
