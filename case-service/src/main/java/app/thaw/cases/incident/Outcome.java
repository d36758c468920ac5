package app.thaw.cases.incident;

/** How a case ended: funds restored in whole or in part, or not. */
public enum Outcome {
    RESTORED,
    PARTIALLY_RESTORED,
    REJECTED,
    ESCALATED_LEGAL
}
