package app.thaw.monitor.protection;

/**
 * An identifier as Thaw keeps it: the keyed hash it is matched by, the ciphertext it can be shown
 * from (to callers allowed to see it), and a mask for everywhere else.
 *
 * @param type       what kind of identifier it is
 * @param hash       base64url keyed hash of the normalised value, bound to the tenant
 * @param ciphertext base64 AEAD ciphertext of the value as given, bound to tenant, owner and type
 * @param masked     a display form that does not disclose the value
 */
public record ProtectedValue(IdentifierType type, String hash, String ciphertext, String masked) {

    @Override
    public String toString() {
        return "ProtectedValue[" + type + " " + masked + "]";
    }
}
