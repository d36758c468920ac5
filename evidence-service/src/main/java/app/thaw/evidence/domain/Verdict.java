package app.thaw.evidence.domain;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** A staff decision on one item: accepted, or rejected with a reason code and a note. */
public record Verdict(boolean accepted, @Nullable RejectionReason reason, @Nullable String note, String by, Instant at) {

    public Verdict {
        if (!accepted && reason == null) {
            throw new IllegalArgumentException("A rejection names its reason");
        }
    }

    public static Verdict accept(String by, Instant at, @Nullable String note) {
        return new Verdict(true, null, note, by, at);
    }

    public static Verdict reject(RejectionReason reason, @Nullable String note, String by, Instant at) {
        return new Verdict(false, reason, note, by, at);
    }
}
