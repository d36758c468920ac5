package app.thaw.cases.incident;

import java.time.Duration;

/**
 * A playbook step as a case instantiates it: its deadline is {@code due} after the clock's anchor
 * (the detection for the takeover clocks, the opening otherwise).
 */
public record TaskPlan(
        int order,
        String title,
        String titleZh,
        String ownerRole,
        String special,
        String specialZh,
        ClockKind clock,
        Duration due,
        boolean fromDetection,
        boolean urgent) {}
