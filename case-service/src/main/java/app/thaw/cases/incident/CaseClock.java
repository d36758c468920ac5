package app.thaw.cases.incident;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One deadline of a case. Immutable: each change is a new value with the same {@link #id}, which
 * is stable for the clock's life (moving the deadline re-sends it with a new {@link #dueAt}).
 *
 * @param startedAt  when the clock started (what its duration is measured from)
 * @param metAt      when it was met, also after a breach (late)
 * @param breachedAt when its deadline passed unmet
 * @param pausedAt   while paused, since when
 * @param taskId     the playbook task whose deadline it is, if any
 */
public record CaseClock(
        String id,
        ClockKind kind,
        String label,
        String ownerRole,
        boolean urgent,
        Instant startedAt,
        Instant dueAt,
        ClockState state,
        @Nullable Instant metAt,
        @Nullable Instant breachedAt,
        @Nullable Instant pausedAt,
        @Nullable String taskId) {

    public static CaseClock start(
            String id,
            ClockKind kind,
            String label,
            String ownerRole,
            boolean urgent,
            Instant startedAt,
            Instant dueAt,
            @Nullable String taskId) {
        return new CaseClock(
                id, kind, label, ownerRole, urgent, startedAt, dueAt, ClockState.RUNNING, null, null, null, taskId);
    }

    CaseClock met(Instant at) {
        return with(dueAt, state == ClockState.BREACHED ? ClockState.BREACHED : ClockState.MET, at, breachedAt, null);
    }

    CaseClock breached(Instant at) {
        return with(dueAt, ClockState.BREACHED, metAt, at, null);
    }

    CaseClock cancelled() {
        return with(dueAt, ClockState.CANCELLED, metAt, breachedAt, null);
    }

    CaseClock paused(Instant at) {
        return with(dueAt, ClockState.PAUSED, metAt, breachedAt, at);
    }

    /** Resumes, moving the deadline by the time spent paused. */
    CaseClock resumed(Instant at) {
        Instant since = pausedAt == null ? at : pausedAt;
        return with(dueAt.plus(Duration.between(since, at)), ClockState.RUNNING, metAt, breachedAt, null);
    }

    /** This clock in another state: what it is (its id, kind, owner, start, task) stays. */
    private CaseClock with(
            Instant due, ClockState next, @Nullable Instant met, @Nullable Instant breached, @Nullable Instant paused) {
        return new CaseClock(id, kind, label, ownerRole, urgent, startedAt, due, next, met, breached, paused, taskId);
    }

    /** How long the clock took to be met, if it was. */
    public @Nullable Duration took() {
        return metAt == null ? null : Duration.between(startedAt, metAt);
    }
}
