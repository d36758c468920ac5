package app.thaw.evidence.custody;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/**
 * The hash chain of a case's custody log: each entry's hash is SHA-256 over an unambiguous
 * encoding of its fields and the previous entry's hash. Verifying walks the entries in order and
 * stops at the first that does not match. Plain Java: the offline dossier verifier uses it too.
 */
public final class CustodyChain {

    /** The previous hash of the first entry. */
    public static final String GENESIS = "0".repeat(64);

    private CustodyChain() {}

    /**
     * The entry after position {@code previousSeq} whose hash is {@code previousHash} (0 and
     * {@link #GENESIS} for the first), with its own hash computed.
     */
    public static CustodyEntry append(
            long previousSeq,
            String previousHash,
            String tenantId,
            String caseId,
            CustodyAction action,
            @Nullable String evidenceId,
            @Nullable String contentSha256,
            String actor,
            Instant at,
            Map<String, String> details) {
        long seq = previousSeq + 1;
        String hash = hashOf(
                tenantId, caseId, seq, action.name(), evidenceId, contentSha256, actor, at, details, previousHash);
        return new CustodyEntry(
                tenantId, caseId, seq, action, evidenceId, contentSha256, actor, at, details, previousHash, hash);
    }

    /** The hash an entry must carry, recomputed from its fields. */
    public static String expectedHash(CustodyEntry entry) {
        return hashOf(
                entry.tenantId(),
                entry.caseId(),
                entry.seq(),
                entry.action().name(),
                entry.evidenceId(),
                entry.contentSha256(),
                entry.actor(),
                entry.at(),
                entry.details(),
                entry.previousHash());
    }

    /** Verifies entries fed in chain order; call {@link Walk#accept} for each, then read the outcome. */
    public static Walk walk() {
        return new Walk();
    }

    /** A verification in progress, entry by entry, so a long chain is never held in memory. */
    public static final class Walk {
        private String previousHash = GENESIS;
        private long expectedSeq = 1;
        private long checked;
        private @Nullable Break firstBreak;

        public void accept(CustodyEntry entry) {
            checked++;
            if (firstBreak != null) {
                return;
            }
            if (entry.seq() != expectedSeq) {
                firstBreak = new Break(
                        entry.seq(), "entry " + expectedSeq + " is missing (next found: " + entry.seq() + ")");
            } else if (!entry.previousHash().equals(previousHash)) {
                firstBreak = new Break(entry.seq(), "its previous hash does not match entry " + (entry.seq() - 1));
            } else if (!expectedHash(entry).equals(entry.hash())) {
                firstBreak = new Break(entry.seq(), "its content does not match its hash (the entry was altered)");
            }
            previousHash = entry.hash();
            expectedSeq = entry.seq() + 1;
        }

        public long checked() {
            return checked;
        }

        public @Nullable Break firstBreak() {
            return firstBreak;
        }

        /** The hash of the last entry seen: the chain's head. */
        public String headHash() {
            return previousHash;
        }
    }

    /** Where the chain first fails and why. */
    public record Break(long seq, String reason) {}

    private static String hashOf(
            String tenantId,
            String caseId,
            long seq,
            String action,
            @Nullable String evidenceId,
            @Nullable String contentSha256,
            String actor,
            Instant at,
            Map<String, String> details,
            String previousHash) {
        MessageDigest digest = sha256();
        // Length-prefixed fields: no separator inside a value can make two different entries encode alike.
        field(digest, "thaw-custody-v1");
        field(digest, tenantId);
        field(digest, caseId);
        field(digest, Long.toString(seq));
        field(digest, action);
        field(digest, evidenceId == null ? "" : evidenceId);
        field(digest, contentSha256 == null ? "" : contentSha256);
        field(digest, actor);
        field(digest, at.toString());
        TreeMap<String, String> sorted = new TreeMap<>(details);
        field(digest, Integer.toString(sorted.size()));
        sorted.forEach((key, value) -> {
            field(digest, key);
            field(digest, value);
        });
        field(digest, previousHash);
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void field(MessageDigest digest, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        digest.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
        digest.update(bytes);
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
