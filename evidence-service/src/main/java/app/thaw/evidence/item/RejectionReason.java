package app.thaw.evidence.item;

/** Why staff refused an item (docs/domain.md §5: expired, blurred or edited documents are rejected with the reason). */
public enum RejectionReason {
    EXPIRED,
    ILLEGIBLE,
    EDITED,
    NAME_MISMATCH,
    WRONG_DOCUMENT,
    INCOMPLETE
}
