package app.thaw.cases.incident;

/** The incident scenarios of docs/domain.md §2; each case has exactly one primary scenario. */
public enum Scenario {
    RISK_TXN(FreezeScope.TRANSACTION),
    ACCOUNT_ANOMALY(FreezeScope.FUNCTION),
    ACCOUNT_TAKEOVER(FreezeScope.ACCOUNT),
    COMPLIANCE_HOLD(FreezeScope.ACCOUNT),
    JUDICIAL_FREEZE(FreezeScope.ACCOUNT),
    AML_REVIEW(FreezeScope.ACCOUNT),
    DISPUTE_OR_VIOLATION(FreezeScope.FUNCTION),
    MATERIALS_DEFICIENT(FreezeScope.UNKNOWN),
    IDENTITY_MISUSE(FreezeScope.NOT_APPLICABLE),
    DORMANCY(FreezeScope.ACCOUNT);

    private final FreezeScope defaultScope;

    Scenario(FreezeScope defaultScope) {
        this.defaultScope = defaultScope;
    }

    public FreezeScope defaultScope() {
        return defaultScope;
    }

    /** Compliance holds are seen only by compliance officers and never explained to the holder. */
    public boolean restricted() {
        return this == COMPLIANCE_HOLD;
    }

    /** The platform cannot lift these: only the authority's or institution's written release ends them. */
    public boolean requiresReleaseReference() {
        return this == COMPLIANCE_HOLD || this == JUDICIAL_FREEZE;
    }
}
