package app.thaw.monitor.alerts;

/** What an alert is about; case-service picks the case scenario by it. */
public enum AlertKind {
    IDENTITY_MISUSE,
    SANCTIONS_HIT
}
