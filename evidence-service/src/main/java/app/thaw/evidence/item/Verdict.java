package app.thaw.evidence.item;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A staff decision on one item: accepted, or rejected with a reason code and a note, and what the
 * staff member read off the document ({@code read}: type, name, expiry) — added to the item's
 * record beside what the uploader declared, never in its place.
 */
public record Verdict(
        boolean accepted,
        @Nullable RejectionReason reason,
        @Nullable String note,
        String by,
        Instant at,
        @Nullable DocumentMetadata read) {

    public Verdict {
        if (!accepted && reason == null) {
            throw new IllegalArgumentException("A rejection names its reason");
        }
    }

    public Verdict(boolean accepted, @Nullable RejectionReason reason, @Nullable String note, String by, Instant at) {
        this(accepted, reason, note, by, at, null);
    }

    public static Verdict accept(String by, Instant at, @Nullable String note) {
        return new Verdict(true, null, note, by, at);
    }

    public static Verdict reject(RejectionReason reason, @Nullable String note, String by, Instant at) {
        return new Verdict(false, reason, note, by, at);
    }

    /** This verdict with what its author read off the document (nothing read: unchanged). */
    public Verdict reading(@Nullable DocumentMetadata metadata) {
        return metadata == null || metadata.isEmpty() ? this : new Verdict(accepted, reason, note, by, at, metadata);
    }
}
