package app.thaw.cases.incident;

/** Where one evidence requirement stands. */
public enum ChecklistStatus {
    MISSING,
    RECEIVED,
    ACCEPTED,
    REJECTED
}
