package app.thaw.cases.incident;

import java.time.Instant;

/** The case was flagged for escalation: to a supervisor first, then legal. */
public record Escalation(EscalationLevel level, String reason, Instant at) {}
