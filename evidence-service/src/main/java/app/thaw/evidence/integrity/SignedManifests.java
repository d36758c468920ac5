package app.thaw.evidence.integrity;

/**
 * Reads the custody head a signed dossier's manifest pinned, after checking the manifest's
 * signature (implemented where dossiers are signed). Custody verification holds the chain to the
 * signed head, not to the copy stored beside it, so editing that copy to match a shortened chain
 * shows (ADR 57).
 */
public interface SignedManifests {

    /** What a stored manifest and its detached signature say. */
    Pinned read(String caseId, String manifest, String signature);

    /** The verdict on one signed dossier's record. */
    sealed interface Pinned {

        /** The signature holds: the dossier pinned entry {@code seq} with {@code hash}. */
        record Head(long seq, String hash) implements Pinned {}

        /** The manifest or its signature was altered, or names another case. */
        record Altered(String reason) implements Pinned {}

        /** Signed with a key this instance does not hold (rotated): the stored head is all there is. */
        record UnknownKey(String keyId) implements Pinned {}
    }
}
