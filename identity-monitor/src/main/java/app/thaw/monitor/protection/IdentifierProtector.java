package app.thaw.monitor.protection;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.prf.PrfSet;

/**
 * Turns plain identifiers into {@link ProtectedValue}s and back, with Tink primitives. The keyed
 * hash (HMAC-SHA256 PRF) takes the tenant into its input, so the same phone number hashes
 * differently for two tenants and one tenant's hashes match nothing of another's. The AEAD
 * ciphertext carries tenant, owner and type as associated data, so it cannot be moved to another
 * subject or tenant and still decrypt. Plain values pass through here only; nothing here logs.
 */
public final class IdentifierProtector {

    private static final int HASH_BYTES = 32;

    private final Aead aead;
    private final PrfSet prf;

    public IdentifierProtector(Aead aead, PrfSet prf) {
        this.aead = aead;
        this.prf = prf;
    }

    /** The matching hash of {@code value} for {@code tenantId}: the same input always gives the same hash. */
    public String hash(String tenantId, IdentifierType type, String value) {
        byte[] input =
                (tenantId + '\u0000' + type.name() + '\u0000' + type.normalise(value)).getBytes(StandardCharsets.UTF_8);
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(prf.computePrimary(input, HASH_BYTES));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The identifier hash key cannot compute", e);
        }
    }

    /**
     * Hashes, encrypts and masks an identifier owned by {@code ownerId}. Encryption draws random
     * nonces from SecureRandom: call it off the event loop.
     */
    public ProtectedValue protect(String tenantId, String ownerId, IdentifierType type, String value) {
        try {
            byte[] ciphertext = aead.encrypt(
                    value.strip().getBytes(StandardCharsets.UTF_8), associatedData(tenantId, ownerId, type));
            return new ProtectedValue(
                    type,
                    hash(tenantId, type, value),
                    Base64.getEncoder().encodeToString(ciphertext),
                    type.mask(value));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The identifier encryption key cannot encrypt", e);
        }
    }

    /** The plain value of a protected identifier, for a caller allowed to see it. */
    public String reveal(String tenantId, String ownerId, ProtectedValue value) {
        try {
            return new String(
                    aead.decrypt(
                            Base64.getDecoder().decode(value.ciphertext()),
                            associatedData(tenantId, ownerId, value.type())),
                    StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A protected identifier does not decrypt for its owner", e);
        }
    }

    private static byte[] associatedData(String tenantId, String ownerId, IdentifierType type) {
        return ("thaw-monitor\u0000" + tenantId + '\u0000' + ownerId + '\u0000' + type.name())
                .getBytes(StandardCharsets.UTF_8);
    }
}
