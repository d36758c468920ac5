package app.thaw.cases.incident;

/** What the freeze holds (docs/domain.md §2): one transaction, some functions, the whole account. */
public enum FreezeScope {
    TRANSACTION,
    FUNCTION,
    ACCOUNT,
    /** The scenario freezes nothing of the holder's (identity misuse freezes the subject's own credit lines). */
    NOT_APPLICABLE,
    /** Not stated and not implied by the scenario (materials deficiency keeps its parent case's scope). */
    UNKNOWN
}
