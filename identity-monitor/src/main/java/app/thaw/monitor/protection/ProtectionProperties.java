package app.thaw.monitor.protection;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the identifier keys come from.
 *
 * @param keysetDir     directory of the two Tink keysets ({@code aead.json} for display encryption,
 *                      {@code prf.json} for the matching hash); in the embedded default they are
 *                      generated there, in clear, on first start
 * @param kmsKeyUri     in production: the KMS key (e.g. {@code gcp-kms://…}, {@code aws-kms://…}) that
 *                      encrypts both keysets; they are then read encrypted and never generated. The
 *                      matching Tink KMS extension must be on the class path and registered.
 * @param generateIfMissing whether missing keysets may be generated (only without a KMS)
 */
@ConfigurationProperties("thaw.monitor.protection")
public record ProtectionProperties(
        @DefaultValue(".thaw/keys/identity-monitor") Path keysetDir,
        @Nullable String kmsKeyUri,
        @DefaultValue("true") boolean generateIfMissing) {}
