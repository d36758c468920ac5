package app.thaw.evidence.dossier;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The service's dossier signing key: an EC P-256 private JWK read from
 * {@code thaw.evidence.dossier.signing-key-file}, generated there (owner-only permissions) the
 * first time for the embedded default. A real deployment mounts its own key file from a secret.
 * Signs the manifest as a detached ES256 JWS; publishes only the public half.
 */
@Component
public class DossierSigner {

    private static final Logger log = LoggerFactory.getLogger(DossierSigner.class);

    private final ECKey key;
    private final JWKSet publicKeys;

    public DossierSigner(DossierProperties properties) {
        this.key = loadOrCreate(properties.signingKeyFile());
        this.publicKeys = new JWKSet(key.toPublicJWK());
    }

    /**
     * A detached JWS over {@code manifest}: header..signature. ECDSA draws on SecureRandom, so call
     * this off the event loop.
     */
    public String sign(byte[] manifest) {
        try {
            JWSObject jws = new JWSObject(
                    new JWSHeader.Builder(JWSAlgorithm.ES256)
                            .keyID(key.getKeyID())
                            .contentType("application/json")
                            .build(),
                    new Payload(manifest));
            jws.sign(new ECDSASigner(key));
            return jws.serialize(true);
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not sign a dossier manifest", e);
        }
    }

    /**
     * Whether {@code signature} (detached, as {@link #sign} makes it) is this key's over {@code manifest};
     * null when it names another key id (a dossier signed before the key was replaced).
     */
    public @org.jspecify.annotations.Nullable Boolean verifies(byte[] manifest, String signature) {
        try {
            JWSObject jws = JWSObject.parse(signature.strip(), new Payload(manifest));
            if (!key.getKeyID().equals(jws.getHeader().getKeyID())) {
                return null;
            }
            return JWSAlgorithm.ES256.equals(jws.getHeader().getAlgorithm())
                    && jws.verify(new com.nimbusds.jose.crypto.ECDSAVerifier(key.toECPublicKey()));
        } catch (ParseException | JOSEException e) {
            return false;
        }
    }

    public JWKSet publicKeys() {
        return publicKeys;
    }

    public String keyId() {
        return key.getKeyID();
    }

    private static ECKey loadOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                JWK jwk = JWK.parse(Files.readString(file, StandardCharsets.UTF_8));
                if (!(jwk instanceof ECKey ecKey) || !ecKey.isPrivate()) {
                    throw new IllegalStateException(file + " must hold a private EC (P-256) JWK");
                }
                return ecKey;
            }
            ECKey generated = new ECKeyGenerator(Curve.P_256)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.ES256)
                    .keyID("thaw-evidence-" + UUID.randomUUID())
                    .generate();
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, generated.toJSONString(), StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                log.warn("Could not restrict {} to its owner on this file system", file);
            }
            log.info("Generated the dossier signing key {} in {}", generated.getKeyID(), file);
            return generated;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write the dossier signing key " + file, e);
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException("Invalid dossier signing key " + file, e);
        }
    }
}
