package app.thaw.evidence.casefile;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The merchant's or subject's permission for one insurer (a tenant of its own) to fetch this
 * case's dossier. Revocable; a revoked consent keeps its record.
 */
public record InsurerConsent(
        String consentId,
        String insurerTenantId,
        String grantedBy,
        Instant grantedAt,
        @Nullable String revokedBy,
        @Nullable Instant revokedAt) {

    public boolean active() {
        return revokedAt == null;
    }

    InsurerConsent revoke(String by, Instant at) {
        return new InsurerConsent(consentId, insurerTenantId, grantedBy, grantedAt, by, at);
    }
}
