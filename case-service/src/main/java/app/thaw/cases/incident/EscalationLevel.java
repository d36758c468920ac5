package app.thaw.cases.incident;

public enum EscalationLevel {
    SUPERVISOR,
    LEGAL
}
