package app.thaw.cases.incident;

/** Who a case is waiting on; a delay report sums how long each held it. */
public enum Party {
    HOLDER,
    PLATFORM,
    AUTHORITY,
    US
}
