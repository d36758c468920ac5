package app.thaw.evidence.item;

/** Where an item stands: received and waiting for staff, decided, or deleted (its record stays as a tombstone). */
public enum EvidenceStatus {
    RECEIVED,
    VERIFIED,
    REJECTED,
    DELETED
}
