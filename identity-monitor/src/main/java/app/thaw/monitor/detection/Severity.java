package app.thaw.monitor.detection;

/** How urgent an alert is; HIGH alerts open a case. */
public enum Severity {
    LOW,
    MEDIUM,
    HIGH;

    public Severity max(Severity other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
