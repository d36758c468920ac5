package app.thaw.cases.incident;

/** Where a clock stands. */
public enum ClockState {
    RUNNING,
    PAUSED,
    MET,
    BREACHED,
    CANCELLED;

    public boolean open() {
        return this == RUNNING || this == PAUSED;
    }
}
