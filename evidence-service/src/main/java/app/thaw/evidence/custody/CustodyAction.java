package app.thaw.evidence.custody;

/** Every kind of access the custody log records (docs/domain.md §5). */
public enum CustodyAction {
    UPLOADED,
    VIEWED,
    DOWNLOADED,
    VERIFIED,
    REJECTED,
    EXPORTED,
    HOLD_PLACED,
    HOLD_RELEASED,
    DELETED,
    CONSENT_GRANTED,
    CONSENT_REVOKED
}
