package app.thaw.cases.drill;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import app.thaw.cases.incident.CaseClock;
import app.thaw.cases.incident.ClockState;
import app.thaw.cases.incident.IncidentCase;
import org.jspecify.annotations.Nullable;

/**
 * A drill's report: each step (clock) of the case against its deadline, and how many were met in
 * time, late, breached or are still pending. The API and the dashboard show the same report.
 */
public record DrillReport(
        String caseId,
        String reference,
        String scenario,
        boolean drill,
        int steps,
        int metInTime,
        int late,
        int breached,
        int pending,
        List<Step> timeline) {

    /** One step of the drill against its clock; {@code result} is MET_IN_TIME, MET_LATE, BREACHED or PENDING. */
    public record Step(
            String clockId,
            String clock,
            String label,
            String ownerRole,
            Instant startedAt,
            Instant dueAt,
            long allowedSeconds,
            @Nullable Instant metAt,
            @Nullable Long tookSeconds,
            String result) {}

    public static DrillReport of(IncidentCase c) {
        List<Step> steps = c.clocks().stream()
                .filter(clock -> clock.state() != ClockState.CANCELLED)
                .map(DrillReport::step)
                .toList();
        return new DrillReport(
                c.id(),
                c.reference(),
                c.scenario().name(),
                c.drill(),
                steps.size(),
                count(steps, "MET_IN_TIME"),
                count(steps, "MET_LATE"),
                count(steps, "BREACHED"),
                count(steps, "PENDING"),
                steps);
    }

    private static int count(List<Step> steps, String result) {
        return (int) steps.stream().filter(step -> step.result().equals(result)).count();
    }

    private static Step step(CaseClock clock) {
        Duration took = clock.took();
        String result = clock.metAt() != null
                ? (clock.metAt().isAfter(clock.dueAt()) ? "MET_LATE" : "MET_IN_TIME")
                : clock.state() == ClockState.BREACHED ? "BREACHED" : "PENDING";
        return new Step(
                clock.id(),
                clock.kind().name(),
                clock.label(),
                clock.ownerRole(),
                clock.startedAt(),
                clock.dueAt(),
                Duration.between(clock.startedAt(), clock.dueAt()).toSeconds(),
                clock.metAt(),
                took == null ? null : took.toSeconds(),
                result);
    }
}
