package app.thaw.evidence.casefile;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A freeze of a case's evidence and logs as they are. Placed by a compliance officer or an
 * administrator, or automatically for compliance and judicial scenarios. A released hold keeps
 * its record: who released it, when and why.
 */
public record LegalHold(
        String holdId,
        String reason,
        String placedBy,
        Instant placedAt,
        boolean automatic,
        @Nullable String releasedBy,
        @Nullable Instant releasedAt,
        @Nullable String releaseReason) {

    public static LegalHold placed(String holdId, String reason, String placedBy, Instant placedAt, boolean automatic) {
        return new LegalHold(holdId, reason, placedBy, placedAt, automatic, null, null, null);
    }

    public boolean active() {
        return releasedAt == null;
    }

    LegalHold release(String by, Instant at, String why) {
        return new LegalHold(holdId, reason, placedBy, placedAt, automatic, by, at, why);
    }
}
