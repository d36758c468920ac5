package app.thaw.monitor.rules;

import java.time.Instant;

import app.thaw.monitor.detection.Severity;

/**
 * A tenant's own detection rule.
 *
 * @param id         rule id
 * @param name       short name; detections are named {@code rule:<name>}
 * @param expression CEL over {@code signal} and {@code baseline}, evaluating to a boolean
 * @param severity   severity of its detections
 * @param enabled    whether it runs
 * @param version    optimistic-concurrency version
 * @param updatedAt  last change
 */
public record Rule(
        String id,
        String name,
        String expression,
        Severity severity,
        boolean enabled,
        long version,
        Instant updatedAt) {}
